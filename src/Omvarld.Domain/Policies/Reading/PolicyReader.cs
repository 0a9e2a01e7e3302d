using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Policies.Reading;

/// <summary>
/// Reads a normalised policy text into a <see cref="PolicyProposal"/>. It reads structure and Swedish duty language
/// (ska/skall → a demand, bör → a recommendation), never a particular municipality's wording: a value the document does
/// not state is left null, and every duty sentence no catalogue check takes is listed as an unplaced demand.
/// </summary>
public static partial class PolicyReader
{
    public static PolicyProposal Read(string plainText) => Read(TextNormaliser.FromPlainText(plainText));

    public static PolicyProposal Read(NormalisedText source)
    {
        var text = source.Text;
        var sentences = Sentences(text);
        var labels = Labels(text);

        var title = Title(source);
        var kind = title.Value is null ? ProposedField.None : KindOf(title);
        var (adoptedBy, adoptedOn) = Adoption(text, labels);
        var revisedOn = DateField(text, labels, "revisedOn");
        var revision = Responsible(text, sentences, labels, "revisionResponsible", @"revider\w*");
        var followUp = Responsible(text, sentences, labels, "followUpResponsible", @"(?:uppföljning|följs upp|följa upp)");
        var appliesTo = AppliesTo(text, labels);
        var validUntil = ValidUntil(text, labels);
        var caseNumber = Field(text, labels, "caseNumber", v => CaseNumberValue().Match(v) is { Success: true } m ? m.Value : null);
        var minute = MinuteParagraph(text, adoptedOn);

        var goals = Goals(text, sentences, out var goalIntros);
        var precondition = Precondition(text, sentences);
        var checks = Checks(text, sentences, goals, goalIntros, precondition);
        var sdgs = Sdgs(text);

        var covered = goals.Select(g => g.Clause.Span).Concat(goalIntros)
            .Concat(checks.SelectMany(c => c.Clauses).Select(p => p.Span))
            .Concat(precondition is null ? [] : [precondition.Clause.Span])
            .Concat(labels.Select(l => new TextSpan(l.LabelStart, l.ValueEnd - l.LabelStart)))
            .ToList();
        var unplaced = sentences
            .Where(s => DutyWord().IsMatch(text.AsSpan(s.Start, s.Length)) && !covered.Any(c => c.Start <= s.Start && s.End <= c.End))
            .Where(s => !covered.Any(c => c.Overlaps(s) && Overlap(c, s) * 2 > s.Length))
            .Select(s => Passage(text, s))
            .ToList();

        return new PolicyProposal(source, title, kind, adoptedBy, adoptedOn, revisedOn, revision, followUp, appliesTo,
            validUntil, caseNumber, minute, goals, precondition, checks, sdgs, unplaced);
    }

    private static int Overlap(TextSpan a, TextSpan b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));

    private static Passage Passage(string text, TextSpan span) => new(span, text.Substring(span.Start, span.Length));

    // ---------------------------------------------------------------- sentences

    /// <summary>Sentences: a line break always ends one; inside a line a full stop, ! or ? followed by a capital does.</summary>
    internal static List<TextSpan> Sentences(string text)
    {
        var result = new List<TextSpan>();
        var lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            var start = lineStart;
            for (var j = lineStart; j < i; j++)
            {
                if (text[j] is '.' or '!' or '?' && j + 2 < i && text[j + 1] == ' ' && (char.IsUpper(text[j + 2]) || text[j + 2] is '•' or '"' or '”'))
                {
                    Add(start, j + 1);
                    start = j + 2;
                }
            }
            Add(start, i);
            lineStart = i + 1;
        }
        return result;

        void Add(int s, int e)
        {
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (s < e && TextNormaliser.IsBullet(text[s..e]))
            {
                var m = BulletMarker().Match(text, s, e - s);
                s += m.Length;
            }
            if (e > s) result.Add(new TextSpan(s, e - s));
        }
    }

    // ---------------------------------------------------------------- labelled fields (the styrdokument box)

    private sealed record Label(string Field, int LabelStart, int ValueStart, int ValueEnd, string Value);

    private static readonly (string Field, string Pattern)[] LabelPatterns =
    [
        ("adoptedBy", @"Fastställ(?:t|d) av|Antage[nt] av|Beslutad av|Beslutat av"),
        ("adoptedOn", @"Fastställ(?:t|d)(?: den)?|Antage[nt](?: den)?|Beslutsdatum|Beslutad den|Datum"),
        ("revisedOn", @"Reviderad(?: den)?|Senast reviderad(?: den)?"),
        ("revisionResponsible", @"För revidering ansvarar|Ansvar(?:ig)? för revidering|Revideringsansvar(?:ig)?"),
        ("followUpResponsible", @"För (?:ev\.? )?uppföljning(?: och tidplan för denna)? ansvarar|Ansvar(?:ig)? för uppföljning|Uppföljningsansvar(?:ig)?"),
        ("appliesTo", @"Dokumentet gäller för|Gäller för"),
        ("validUntil", @"Dokumentet gäller till och med|Gäller till och med|Gäller till|Giltig(?:t|hetstid)?(?: till(?: och med)?)?|Revideras senast|Omprövas(?: senast)?"),
        ("caseNumber", @"Diarienummer|Dnr\.?"),
        ("other", @"Ersätter|Handläggare|Sida|Ansvarig|Dokumenttyp|Dokumentansvarig|Kontaktperson|Beslutsinstans"),
    ];

    private static List<Label> Labels(string text)
    {
        var found = new List<(string Field, int Start, int End)>();
        foreach (var (field, pattern) in LabelPatterns)
        {
            foreach (Match m in Regex.Matches(text, @"(?<![\p{L}])(?:" + pattern + @")\s*:", RegexOptions.CultureInvariant))
            {
                if (found.Any(f => f.Start < m.Index + m.Length && m.Index < f.End)) continue;
                found.Add((field, m.Index, m.Index + m.Length));
            }
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var labels = new List<Label>();
        for (var i = 0; i < found.Count; i++)
        {
            var (field, start, end) = found[i];
            var lineEnd = text.IndexOf('\n', end);
            if (lineEnd < 0) lineEnd = text.Length;
            var valueEnd = i + 1 < found.Count ? Math.Min(lineEnd, found[i + 1].Start) : lineEnd;
            var s = end;
            while (s < valueEnd && char.IsWhiteSpace(text[s])) s++;
            var e = valueEnd;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            labels.Add(new Label(field, start, s, Math.Max(s, e), text[s..Math.Max(s, e)]));
        }
        return labels;
    }

    private static ProposedField Field(string text, List<Label> labels, string field, Func<string, string?> parse)
    {
        foreach (var l in labels.Where(l => l.Field == field))
        {
            var value = parse(l.Value);
            if (value is not null) return new ProposedField(value, Passage(text, new TextSpan(l.LabelStart, l.ValueEnd - l.LabelStart)));
        }
        return ProposedField.None;
    }

    private static ProposedField DateField(string text, List<Label> labels, string field) =>
        Field(text, labels, field, v => ParseDate(v)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    // ---------------------------------------------------------------- metadata

    private static ProposedField Title(NormalisedText source)
    {
        var text = source.Text;
        // A running header or footer that names a kind of governing document is the title the document carries on every page.
        foreach (var f in source.Furniture)
        {
            if (!TitleCandidate(f)) continue;
            var at = text.IndexOf(f, StringComparison.Ordinal);
            return new ProposedField(f, at >= 0 ? Passage(text, new TextSpan(at, f.Length)) : null);
        }
        var lineStart = 0;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (TitleCandidate(trimmed))
            {
                var at = lineStart + line.IndexOf(trimmed, StringComparison.Ordinal);
                return new ProposedField(trimmed, Passage(text, new TextSpan(at, trimmed.Length)));
            }
            lineStart += line.Length + 1;
        }
        return ProposedField.None;
    }

    /// <summary>A heading (no sentence punctuation, no verb of decision) whose first or second word names a kind of governing document.</summary>
    private static bool TitleCandidate(string line)
    {
        if (line.Length == 0 || line.Length > 100 || line.Contains(':') || line.Contains(" – ") || line.Contains(" - ")) return false;
        if (line[^1] is '.' or ',' or ';' || TextNormaliser.IsBullet(line) || !char.IsUpper(line[0])) return false;
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 12 || words.Any(w => DecisionVerb().IsMatch(w))) return false;
        return words.Take(2).Any(w => KindWord().IsMatch(w));
    }

    private static ProposedField KindOf(ProposedField title)
    {
        foreach (var w in title.Value!.Split(' '))
        {
            var m = KindWord().Match(w);
            if (!m.Success) continue;
            var word = w.ToLowerInvariant();
            var code = word.StartsWith("strategi", StringComparison.Ordinal) ? "strategi"
                : word.StartsWith("program", StringComparison.Ordinal) ? "program"
                : word.StartsWith("riktlinje", StringComparison.Ordinal) ? "riktlinjer"
                : word.StartsWith("regl", StringComparison.Ordinal) || word.StartsWith("regelverk", StringComparison.Ordinal) ? "regler"
                : word.StartsWith("polic", StringComparison.Ordinal) ? "policy"
                : "plan";
            return new ProposedField(code, title.Source);
        }
        return ProposedField.None;
    }

    private static (ProposedField By, ProposedField On) Adoption(string text, List<Label> labels)
    {
        var by = Field(text, labels, "adoptedBy", v => BodyCode(FirstBody(v)));
        // "Datum:" is the adoption date only inside the box, right after who adopted it.
        var byLabel = labels.FirstOrDefault(l => l.Field == "adoptedBy");
        var on = ProposedField.None;
        foreach (var l in labels.Where(l => l.Field == "adoptedOn"))
        {
            var isDatum = text.AsSpan(l.LabelStart).StartsWith("Datum", StringComparison.Ordinal);
            if (isDatum && (byLabel is null || l.LabelStart < byLabel.LabelStart || l.LabelStart - byLabel.ValueEnd > 80)) continue;
            var date = ParseDate(l.Value);
            if (date is null) continue;
            on = new ProposedField(date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Passage(text, new TextSpan(l.LabelStart, l.ValueEnd - l.LabelStart)));
            break;
        }
        // The decision sentence: "fastställdes av Kommunfullmäktige 28 januari 2016", "Antagen av Kommunfullmäktige den 12 februari 2020".
        var m = AdoptionSentence().Match(text);
        if (m.Success)
        {
            var passage = Passage(text, new TextSpan(m.Index, m.Length));
            if (by.Value is null) by = new ProposedField(BodyCode(m.Groups["body"].Value), passage);
            if (on.Value is null && ParseDate(m.Groups["date"].Value) is { } d)
                on = new ProposedField(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), passage);
        }
        return (by, on);
    }

    private static string? FirstBody(string value)
    {
        var m = BodyName().Match(value);
        return m.Success && m.Index == 0 ? m.Value : null;
    }

    private static string? BodyCode(string? body) => body switch
    {
        null => null,
        _ when body.Equals("Kommunfullmäktige", StringComparison.OrdinalIgnoreCase) || body == "KF" => "KF",
        _ when body.Equals("Kommunstyrelsen", StringComparison.OrdinalIgnoreCase) || body == "KS" => "KS",
        _ => body,
    };

    /// <summary>From the box; failing that, from a sentence that gives a named body the responsibility ("ansvarar för uppföljning", "genomför årlig uppföljning").</summary>
    private static ProposedField Responsible(string text, List<TextSpan> sentences, List<Label> labels, string field, string topic)
    {
        var boxed = Field(text, labels, field, v => FirstBody(v) ?? (v.Length > 0 && v.Length < 80 && char.IsUpper(v[0]) ? v : null));
        if (boxed.Value is not null) return boxed;
        foreach (var s in sentences)
        {
            var sentence = text.Substring(s.Start, s.Length);
            if (!Regex.IsMatch(sentence, @"\b(?:ansvarar|ansvar|genomför)\b[^.]*\b" + topic, RegexOptions.IgnoreCase)) continue;
            if (sentence.Contains(':')) continue;
            var body = BodyName().Match(sentence);
            var name = body.Success ? body.Value : HeadingBody(text, s.Start);
            if (name is not null) return new ProposedField(name, Passage(text, s));
        }
        return ProposedField.None;
    }

    /// <summary>The body a section is about, when its heading is a body's name ("4.2 Kommunstyrelsen").</summary>
    private static string? HeadingBody(string text, int at)
    {
        var before = text[..at].TrimEnd();
        var lines = before.Split('\n');
        for (var i = lines.Length - 1; i >= 0 && i >= lines.Length - 4; i--)
        {
            var line = SectionNumber().Replace(lines[i].Trim(), "");
            if (line.Length == 0) continue;
            var m = BodyName().Match(line);
            if (m.Success && m.Length == line.Length) return m.Value;
        }
        return null;
    }

    private static ProposedField AppliesTo(string text, List<Label> labels)
    {
        var boxed = Field(text, labels, "appliesTo", v => v.Length > 0 ? v : null);
        if (boxed.Value is not null) return boxed;
        var m = AppliesToPhrase().Match(text);
        return m.Success ? new ProposedField(m.Value, Passage(text, new TextSpan(m.Index, m.Length))) : ProposedField.None;
    }

    private static ProposedField ValidUntil(string text, List<Label> labels)
    {
        var f = Field(text, labels, "validUntil", v =>
        {
            if (ParseDate(v) is { } d) return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var y = Regex.Match(v, @"^(?:\D{0,20}?)(20\d\d|19\d\d)\b");
            return y.Success ? y.Groups[1].Value : null;
        });
        return f;
    }

    private static ProposedField MinuteParagraph(string text, ProposedField adoptedOn)
    {
        // "Antagen av kommunfullmäktige 2021-03-15, § 34": the § printed right after the adoption.
        if (adoptedOn.Source is { } at)
        {
            var near = Regex.Match(text[at.Span.End..Math.Min(text.Length, at.Span.End + 12)], @"^,?\s*§\s*(\d{1,4})\b");
            if (near.Success) return new ProposedField("§ " + near.Groups[1].Value, Passage(text, new TextSpan(at.Span.End + near.Index, near.Length)));
        }
        var m = MinuteParagraphPattern().Match(text);
        return m.Success ? new ProposedField("§ " + (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value), Passage(text, new TextSpan(m.Index, m.Length))) : ProposedField.None;
    }

    private static readonly string[] Months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    internal static DateOnly? ParseDate(string value)
    {
        var iso = Regex.Match(value, @"\b(\d{4})-(\d{2})-(\d{2})\b");
        if (iso.Success && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        var sv = Regex.Match(value, @"\b(\d{1,2})\s+(" + string.Join('|', Months) + @")\s+(\d{4})\b", RegexOptions.IgnoreCase);
        if (sv.Success)
        {
            var month = Array.IndexOf(Months, sv.Groups[2].Value.ToLowerInvariant()) + 1;
            var day = int.Parse(sv.Groups[1].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(sv.Groups[3].Value, CultureInfo.InvariantCulture);
            if (day <= DateTime.DaysInMonth(year, month)) return new DateOnly(year, month, day);
        }
        return null;
    }

    // ---------------------------------------------------------------- goals

    private static List<ProposedGoal> Goals(string text, List<TextSpan> sentences, out List<TextSpan> intros)
    {
        intros = [];
        var goals = new List<ProposedGoal>();
        var lines = LineSpans(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = text.Substring(lines[i].Start, lines[i].Length);
            if (!TextNormaliser.IsBullet(line)) continue;
            // The run of bullets that starts here, and the line that introduces it.
            var run = new List<TextSpan>();
            var j = i;
            while (j < lines.Count && TextNormaliser.IsBullet(text.Substring(lines[j].Start, lines[j].Length))) run.Add(lines[j++]);
            var intro = i > 0 ? lines[i - 1] : (TextSpan?)null;
            var introText = intro is null ? "" : text.Substring(intro.Value.Start, intro.Value.Length);
            // The list is introduced as goals, or stands (with its introducing line) under a goals heading ("Mål", "Syfte", "Inriktning").
            var heading = i > 1 ? text.Substring(lines[i - 2].Start, lines[i - 2].Length) : "";
            var underGoalHeading = heading.Length < 60 && heading.Length > 0 && !heading.EndsWith('.') && GoalIntro().IsMatch(heading);
            if (intro is not null && (GoalIntro().IsMatch(introText) || underGoalHeading && introText.EndsWith(':')) && !NotGoalIntro().IsMatch(introText))
            {
                intros.Add(LastSentence(sentences, intro.Value));
                var kind = PurposeContext(text, intro.Value.Start) ? GoalKind.Purpose : GoalKind.Goal;
                foreach (var b in run)
                {
                    var marker = BulletMarker().Match(text, b.Start, b.Length);
                    var span = new TextSpan(b.Start + marker.Length, b.Length - marker.Length);
                    goals.Add(Goal(text, span, kind, goals));
                }
            }
            i = j - 1;
        }

        // A list flattened into running text: "... ska bidra till att: Utveckla X Profilera Y Bevaka Z I de fall ...".
        foreach (Match m in FlatListIntro().Matches(text))
        {
            var introSentence = sentences.FirstOrDefault(s => s.Start <= m.Index && m.Index < s.End);
            var introSpanText = text.Substring(introSentence.Start, m.Index + m.Length - introSentence.Start);
            if (!GoalIntro().IsMatch(introSpanText) || NotGoalIntro().IsMatch(introSpanText)) continue;
            var itemStart = m.Index + m.Length;
            var lineEnd = text.IndexOf('\n', itemStart);
            if (lineEnd < 0) lineEnd = text.Length;
            var items = FlatItems(text, itemStart, lineEnd);
            if (items.Count < 2) continue;
            intros.Add(new TextSpan(introSentence.Start, m.Index + m.Length - introSentence.Start));
            var kind = PurposeContext(text, introSentence.Start) ? GoalKind.Purpose : GoalKind.Goal;
            foreach (var item in items) goals.Add(Goal(text, item, kind, goals));
        }
        // Goals in prose, announced by their number: "Det internationella arbetet har tre syften. Det ska ... Det ska ... Och det ska ...".
        if (goals.Count == 0)
        {
            foreach (Match m in ProseGoalsAnnouncement().Matches(text))
            {
                var count = Array.IndexOf(NumberWords, m.Groups["n"].Value.ToLowerInvariant()) + 2;
                var announcement = sentences.FindIndex(x => x.Start <= m.Index && m.Index < x.End);
                if (announcement < 0 || announcement + count >= sentences.Count) continue;
                var following = sentences.Skip(announcement + 1).Take(count).ToList();
                // The goals stand in the announcement's paragraph, one sentence each.
                if (text[sentences[announcement].Start..following[^1].End].Contains("\n\n", StringComparison.Ordinal)) continue;
                intros.Add(sentences[announcement]);
                var kind = m.Groups["what"].Value.StartsWith("syfte", StringComparison.OrdinalIgnoreCase) ? GoalKind.Purpose : GoalKind.Goal;
                foreach (var f in following) goals.Add(Goal(text, f, kind, goals));
                break;
            }
        }
        // Purposes named in running prose, only where the document neither lists nor announces its goals.
        if (goals.Count == 0 && intros.Count == 0) goals.AddRange(ProsePurposes(text, sentences));
        return goals;
    }

    private static readonly string[] NumberWords = ["två", "tre", "fyra", "fem", "sex", "sju"];

    // ---------------------------------------------------------------- purposes in prose

    private sealed record PurposeHit(string Name, bool Stated, TextSpan Sentence, int Order);

    /// <summary>
    /// Purposes named in running prose: a purpose construction ("i syfte att", "med syfte att", "syftar till att",
    /// "Syftet/Målet med X är att", "ska bidra till"), a "för att" clause that enumerates purpose nouns, or a noun named
    /// the work's success factor or aim ("X är en framgångsfaktor"). The purpose must be the work's: the clause's subject
    /// names the work, the municipality or its units, not the document itself ("Målet med policyn är att": why the
    /// document was written) nor another body ("EU:s sammanhållningspolitik syftar till att"). Enumerated purposes are
    /// separate goals ("kompetens- och verksamhetsutveckling" → Kompetensutveckling, Verksamhetsutveckling), each with the
    /// sentence it stands in as its clause; a purpose named in two sentences keeps the one that states it as a purpose
    /// (a syfte/mål construction over a "för att" clause), else the first.
    /// </summary>
    private static List<ProposedGoal> ProsePurposes(string text, List<TextSpan> sentences)
    {
        var hits = new List<PurposeHit>();
        foreach (var s in sentences)
        {
            var t = text.Substring(s.Start, s.Length);
            // Headings, list introductions and labelled fields are not prose.
            if (t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 5 || t.TrimEnd().EndsWith(':') || Regex.IsMatch(t, @":\s")) continue;

            var factor = PurposeNoun().Match(t);
            if (factor.Success && AbstractNoun(factor.Groups["noun"].Value))
            {
                hits.Add(new(Capital(factor.Groups["noun"].Value), true, s, hits.Count));
                continue;
            }
            var markers = PurposeMarker().Matches(t).ToList();
            for (var k = 0; k < markers.Count; k++)
            {
                var m = markers[k];
                var stated = !m.Groups["weak"].Success;
                var before = t[..m.Index];
                var subject = m.Groups["what"].Success ? m.Groups["what"].Value : before;
                // "För att X, gör vi Y" opens with the purpose of the main clause, which is not the work's.
                if (!stated && before.Trim().Length == 0) continue;
                if (DocumentItself().IsMatch(subject) || subject.Trim().Length > 0 && !WorkSubject().IsMatch(subject)) continue;
                var end = k + 1 < markers.Count ? markers[k + 1].Index : t.Length;
                var content = t[(m.Index + m.Length)..end];
                var cut = PurposeContentEnd().Match(content);
                if (cut.Success) content = content[..cut.Index];
                content = content.Trim().TrimEnd('.', '!', ';', ',').Trim();
                foreach (var name in PurposeNames(content, stated)) hits.Add(new(name, stated, s, hits.Count));
            }
        }

        var goals = new List<ProposedGoal>();
        foreach (var same in hits.GroupBy(h => h.Name.ToLowerInvariant()).OrderBy(g => g.Min(h => h.Order)))
        {
            var best = same.OrderByDescending(h => h.Stated).ThenBy(h => h.Order).First();
            var code = Code(best.Name);
            var unique = code;
            for (var n = 2; goals.Any(g => g.Code == unique); n++) unique = code + "_" + n.ToString(CultureInfo.InvariantCulture);
            var kind = PurposeContext(text, best.Sentence.Start) ? GoalKind.Purpose : GoalKind.Goal;
            goals.Add(new ProposedGoal(unique, best.Name, kind, Passage(text, best.Sentence)));
        }
        return goals;
    }

    /// <summary>
    /// The purposes a clause names: two or more coordinated infinitive phrases ("stärka X, öka Y och främja Z"), else two
    /// or more coordinated purpose nouns ("verksamhetsutveckling, kunskapsutbyte och kompetensutveckling"), else, where a
    /// purpose construction states it, the clause as one purpose.
    /// </summary>
    private static List<string> PurposeNames(string content, bool stated)
    {
        if (content.Length == 0) return [];
        var phrases = VerbPhrases(content);
        if (phrases.Count >= 2) return phrases;
        var nouns = NounList(content);
        if (nouns.Count >= 2) return nouns;
        if (!stated || content.Split(' ').Length > 20) return [];
        return [Capital(content)];
    }

    private static List<string> VerbPhrases(string content)
    {
        var words = content.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !InfinitiveLike(words[0])) return [];
        var starts = new List<int> { 0 };
        for (var k = 1; k < words.Length; k++)
        {
            bool Joins(int at) => at >= 0 && (words[at].EndsWith(',') || words[at] is "och" or "samt");
            var joined = Joins(k - 1) || words[k - 1] == "att" && Joins(k - 2);
            if (joined && InfinitiveLike(words[k])) starts.Add(k);
        }
        var phrases = new List<List<string>>();
        for (var i = 0; i < starts.Count; i++)
        {
            var phrase = words[starts[i]..(i + 1 < starts.Count ? starts[i + 1] : words.Length)].ToList();
            while (phrase.Count > 1 && phrase[^1] is "och" or "samt" or "att") phrase.RemoveAt(phrase.Count - 1);
            phrase[^1] = phrase[^1].TrimEnd(',');
            phrases.Add(phrase);
        }
        // "utveckla och förbättra X": a verb alone shares the next phrase's object.
        for (var i = phrases.Count - 2; i >= 0; i--)
        {
            if (phrases[i].Count > 1) continue;
            phrases[i + 1].InsertRange(0, [phrases[i][0], "och"]);
            phrases.RemoveAt(i);
        }
        return phrases.Select(p => Capital(string.Join(' ', p))).ToList();
    }

    private static readonly HashSet<string> NotVerbs = ["andra", "alla", "nya", "hela", "flera", "bästa", "sina", "våra", "egna", "stora", "olika", "svenska", "många", "samma", "gamla", "unga", "vissa", "goda", "båda", "enda", "övriga", "lokala", "globala", "regionala", "internationella", "nationella", "europeiska", "kommunala", "sociala"];

    private static bool InfinitiveLike(string word) =>
        Regex.IsMatch(word, @"^\p{Ll}{2,}a$") && !NotVerbs.Contains(word) && !Regex.IsMatch(word, @"(?:rna|[eo]na)$");

    /// <summary>Coordinated purpose nouns, a compound's shared head given to its hyphenated first parts ("kompetens- och verksamhetsutveckling").</summary>
    private static List<string> NounList(string content)
    {
        var tokens = Regex.Matches(content, @"\p{L}[\p{L}-]*|,").Select(m => m.Value).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!ListItem(tokens[i])) continue;
            var items = new List<string> { tokens[i] };
            var coordinated = false;
            var k = i + 1;
            while (k + 1 < tokens.Count && tokens[k] is "," or "och" or "samt" && ListItem(tokens[k + 1]))
            {
                coordinated |= tokens[k] is "och" or "samt";
                items.Add(tokens[k + 1]);
                k += 2;
            }
            while (items.Count > 0 && items[^1].EndsWith('-')) items.RemoveAt(items.Count - 1);
            if (items.Count < 2 || !coordinated) { i = k - 1; continue; }
            var names = new List<string>();
            for (var j = 0; j < items.Count; j++)
            {
                if (!items[j].EndsWith('-')) { names.Add(Capital(items[j])); continue; }
                var full = items.Skip(j + 1).First(x => !x.EndsWith('-'));
                names.Add(Capital(items[j].TrimEnd('-') + CompoundHead(full)));
            }
            return names;
        }
        return [];

        static bool ListItem(string w) => w.Length >= 3 && char.IsLower(w[0]) && (w.EndsWith('-') && !w.Contains("--") || AbstractNoun(w));
    }

    private static readonly string[] CompoundHeads =
        ["utveckling", "utbyte", "samarbete", "arbete", "bevakning", "spridning", "förståelse", "tillväxt", "lärande", "kunskap",
         "kunskaper", "kompetens", "integration", "planering", "område", "områden", "frågor", "politik", "hållbarhet", "samverkan"];

    /// <summary>The head a compound shares with a hyphenated first part: a common head word, else what follows the last linking s.</summary>
    private static string CompoundHead(string word)
    {
        var known = CompoundHeads.Where(h => word.Length > h.Length && word.EndsWith(h, StringComparison.Ordinal)).MaxBy(h => h.Length);
        if (known is not null) return known;
        var s = word.Length > 7 ? word.LastIndexOf('s', word.Length - 5) : -1;
        return s >= 3 ? word[(s + 1)..] : word;
    }

    /// <summary>A noun naming an activity or quality (utveckling, utbyte, kunskap, förståelse, integration, …), in any form.</summary>
    private static bool AbstractNoun(string word) =>
        Regex.IsMatch(word, @"^\p{Ll}{2,}(?:ing|het|skap|else|ande|ende|tion|sion|itet|byte|arbete|verkan|växt|ism)(?:en|et|er|ar|na|erna|arna)?$");

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>Items of a flattened list: each opens with a capitalised word after a lower-case word, or with a capitalised infinitive; the list ends at the first item that reads as a sentence.</summary>
    private static List<TextSpan> FlatItems(string text, int start, int end)
    {
        var words = Regex.Matches(text[start..end], @"\S+").Select(w => (Start: start + w.Index, w.Value)).ToList();
        var starts = new List<int>();
        for (var k = 0; k < words.Count; k++)
        {
            var w = words[k].Value;
            if (!char.IsUpper(w[0])) continue;
            var prev = k > 0 ? words[k - 1].Value : null;
            if (prev is null || char.IsLower(prev[0]) && !prev.EndsWith(',') || Infinitive().IsMatch(w) && prev is not null && !prev.EndsWith(',')) starts.Add(k);
        }
        var items = new List<TextSpan>();
        for (var k = 0; k < starts.Count; k++)
        {
            var from = starts[k];
            var to = k + 1 < starts.Count ? starts[k + 1] : words.Count;
            var slice = words.Skip(from).Take(to - from).ToList();
            var itemText = string.Join(' ', slice.Select(s => s.Value));
            if (slice.Count > 10 || DutyWord().IsMatch(itemText) || itemText.Contains('.') || k > 0 && Infinitive().IsMatch(words[starts[0]].Value) != Infinitive().IsMatch(slice[0].Value)) break;
            var last = slice[^1];
            items.Add(new TextSpan(slice[0].Start, last.Start + last.Value.Length - slice[0].Start));
        }
        return items;
    }

    private static ProposedGoal Goal(string text, TextSpan span, GoalKind kind, List<ProposedGoal> existing)
    {
        var clause = text.Substring(span.Start, span.Length);
        var comma = clause.IndexOf(',');
        var name = comma > 0 && clause[..comma].Split(' ').Length <= 4 ? clause[..comma] : clause.TrimEnd('.', ';', ',');
        var code = Code(name);
        var unique = code;
        for (var n = 2; existing.Any(g => g.Code == unique); n++) unique = code + "_" + n.ToString(CultureInfo.InvariantCulture);
        return new ProposedGoal(unique, name, kind, Passage(text, span));
    }

    /// <summary>A goal code (or document key) from a name: ASCII upper snake case, å/ä → A, ö → O.</summary>
    public static string Code(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.ToUpperInvariant())
        {
            var a = c switch { 'Å' or 'Ä' => 'A', 'Ö' => 'O', 'É' => 'E', 'Ü' => 'U', _ => c };
            if (a is >= 'A' and <= 'Z' or >= '0' and <= '9') sb.Append(a);
            else if (sb.Length > 0 && sb[^1] != '_') sb.Append('_');
        }
        var code = sb.ToString().Trim('_');
        if (code.Length > 40) code = code[..(code.LastIndexOf('_', 40) is > 0 and var cut ? cut : 40)];
        return code.Length == 0 || !char.IsLetter(code[0]) ? "MAL_" + code : code;
    }

    /// <summary>The list stands under a "Syfte"/"Syften" heading, not a goals heading: its items are purposes.</summary>
    private static bool PurposeContext(string text, int at)
    {
        var window = text[Math.Max(0, at - 1500)..at];
        var heading = Regex.Matches(window, @"(?:^|\n|[.!?]\s+)(?:\d+(?:\.\d+)*\s+)?(Syften?|Syfte och mål|Mål(?:en)?|Målsättning(?:ar)?|Inriktning)(?=\s*\n|\s+[A-ZÅÄÖ])").LastOrDefault();
        return heading is not null && heading.Groups[1].Value.StartsWith("Syfte", StringComparison.Ordinal) && heading.Groups[1].Value != "Syfte och mål";
    }

    private static TextSpan LastSentence(List<TextSpan> sentences, TextSpan line) =>
        sentences.LastOrDefault(s => s.Start >= line.Start && s.End <= line.End) is { Length: > 0 } s ? s : line;

    private static List<TextSpan> LineSpans(string text)
    {
        var result = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            if (i > start) result.Add(new TextSpan(start, i - start));
            start = i + 1;
        }
        return result;
    }

    // ---------------------------------------------------------------- precondition

    private static ProposedPrecondition? Precondition(string text, List<TextSpan> sentences)
    {
        for (var i = 0; i < sentences.Count; i++)
        {
            var s = text.Substring(sentences[i].Start, sentences[i].Length);
            var criteria = Criteria(s);
            if (criteria.Count < 2 || !PartnerCondition().IsMatch(s)) continue;
            var span = sentences[i];
            string? body = null;
            // The exception, where the text gives one, follows in the next sentence or two.
            for (var k = i; k < Math.Min(sentences.Count, i + 3); k++)
            {
                var t = text.Substring(sentences[k].Start, sentences[k].Length);
                if (!Regex.IsMatch(t, @"\bundanta\w*", RegexOptions.IgnoreCase)) continue;
                span = new TextSpan(span.Start, sentences[k].End - span.Start);
                body = BodyCode(BodyName().Match(t) is { Success: true } b ? b.Value : null);
                break;
            }
            return new ProposedPrecondition(criteria, body, Passage(text, span));
        }
        return null;
    }

    private static List<PreconditionCriterion> Criteria(string s)
    {
        var list = new List<PreconditionCriterion>();
        if (Regex.IsMatch(s, @"mänskliga rättighet", RegexOptions.IgnoreCase)) list.Add(PreconditionCriterion.HumanRights);
        if (Regex.IsMatch(s, @"\bdemokrati", RegexOptions.IgnoreCase)) list.Add(PreconditionCriterion.Democracy);
        if (Regex.IsMatch(s, @"rättssäkerhet|rättsstat", RegexOptions.IgnoreCase)) list.Add(PreconditionCriterion.RuleOfLaw);
        return list;
    }

    // ---------------------------------------------------------------- checks

    private static List<ProposedCheck> Checks(string text, List<TextSpan> sentences, List<ProposedGoal> goals, List<TextSpan> goalIntros, ProposedPrecondition? precondition)
    {
        var found = new List<(CheckKind Kind, Dictionary<string, object> Parameters, TextSpan Span)>();
        string S(TextSpan s) => text.Substring(s.Start, s.Length);
        bool InBox(TextSpan s) => S(s).Contains(':') && LabelPatterns.Any(p => Regex.IsMatch(S(s), @"(?:" + p.Pattern + @")\s*:"));

        // In a flattened list the sentence after the list runs on from its last item; a check's passage starts after it.
        var afterGoals = sentences.Select(s =>
        {
            var inside = goals.Where(g => s.Start <= g.Clause.Span.Start && g.Clause.Span.End <= s.End).Select(g => g.Clause.Span.End).DefaultIfEmpty(-1).Max();
            if (inside < 0 || inside >= s.End - 1) return s;
            var start = inside;
            while (start < s.End && !char.IsLetterOrDigit(text[start])) start++;
            return new TextSpan(start, s.End - start);
        }).ToList();

        foreach (var s in afterGoals)
        {
            var t = S(s);
            if (InBox(s)) continue;
            var modal = Modal(t);

            if (Regex.IsMatch(t, @"motiver\w*", RegexOptions.IgnoreCase) && Regex.IsMatch(t, @"\b(?:inte|ej|ingen|inget|utanför)\b", RegexOptions.IgnoreCase)
                && Regex.IsMatch(t, @"\b(?:kopplas|knytas|hänföras|mål|syfte|områden)\w*", RegexOptions.IgnoreCase))
                found.Add((CheckKind.MotivationWhenNoGoal, [], s));

            var parties = Regex.Match(t, @"\b(?:flera|minst (två|tre|fyra|\d+)|fler än en) (?:parter|partner|samarbetsparter|aktörer|organisationer)\b", RegexOptions.IgnoreCase);
            if (parties.Success && goals.FirstOrDefault(g => g.Clause.Span.Start <= s.Start && s.End <= g.Clause.Span.End) is { } goal)
            {
                var n = parties.Groups[1].Value switch { "" => 2, "två" => 2, "tre" => 3, "fyra" => 4, var d => int.Parse(d, CultureInfo.InvariantCulture) };
                found.Add((CheckKind.ProjectCooperationParties, new() { ["goalCode"] = goal.Code, ["minimumParties"] = Math.Max(2, n) }, s));
            }

            if (Regex.IsMatch(t, @"extern\w* (?:finansiering|medel|bidrag)|EU-medel|EU:s fonder|\bfonder\b|medfinansiering|EU-bidrag|projektmedel", RegexOptions.IgnoreCase)
                && (modal is not null || Regex.IsMatch(t, @"viktigt att|pröva\w* möjlighet|eftersträva|sträva\w* efter", RegexOptions.IgnoreCase)))
                found.Add((CheckKind.ExternalFundingSought, new() { ["severity"] = FundingSeverity(t, modal) }, s));

            if (Regex.IsMatch(t, @"handlingsplan|aktivitetsplan|internationell plan", RegexOptions.IgnoreCase))
            {
                var every = Regex.IsMatch(t, @"vartannat år|varannat år", RegexOptions.IgnoreCase) ? 2
                    : Regex.IsMatch(t, @"årligen|varje år|\bårlig", RegexOptions.IgnoreCase) ? 1 : 0;
                if (every > 0 && (modal is not null || Regex.IsMatch(t, @"upprättas|tas fram|utvärderas", RegexOptions.IgnoreCase)))
                    found.Add((CheckKind.YearlyActionPlan, new() { ["unitKinds"] = UnitKinds(text, s, sentences, includeContext: true), ["evaluatedEveryYears"] = every }, s));
            }

            if (Regex.IsMatch(t, @"kontaktperson", RegexOptions.IgnoreCase) && Regex.IsMatch(t, @"\b(?:varje|per|alla|samtliga)\b", RegexOptions.IgnoreCase))
            {
                var per = Regex.Match(t, @"\b(?:varje|per|alla|samtliga)\s+(\w+)", RegexOptions.IgnoreCase);
                var kinds = UnitWords(per.Success ? per.Groups[1].Value : t);
                if (kinds.Count == 0) kinds = UnitWords(t);
                if (kinds.Count > 0) found.Add((CheckKind.ContactPersonPerOffice, new() { ["unitKinds"] = kinds }, s));
            }

            // Who bears a project's cost ("har det ekonomiska ansvaret för deltagande i projekt"): the budget owner
            // recorded with each project's approval; a "bör" makes it a warning.
            if (Regex.IsMatch(t, @"ekonomisk\w* ansvar\w*|kostnadsansvar\w*|\b(?:bär|står för|svarar för)\w* (?:\w+ )?kostnad\w*", RegexOptions.IgnoreCase)
                && Regex.IsMatch(t, @"projekt", RegexOptions.IgnoreCase))
                found.Add((CheckKind.ProjectBudgetOwner, new() { ["severity"] = modal is "bör" ? "warning" : "blocking" }, s));

            if ((modal is not null || Regex.IsMatch(t, @"\bansvarar\b|\bgenomför\b|\båligger\b", RegexOptions.IgnoreCase))
                && Regex.IsMatch(t, @"uppföljning|följa upp|följas upp|rapporter|redovis|återrapport", RegexOptions.IgnoreCase)
                && !Regex.IsMatch(t, @"policyn|styrdokumentet|dokumentet|strategin|programmet|riktlinjerna", RegexOptions.IgnoreCase))
            {
                var yearly = Regex.IsMatch(t, @"årlig|årligen|varje år|ordinarie|verksamhetsberättelse|årsredovisning", RegexOptions.IgnoreCase);
                var atEnd = Regex.IsMatch(t, @"avslut|slutrapport|slutredovis|efter genomför|lett fram till|\bresultat", RegexOptions.IgnoreCase);
                // The passage goes on where the next sentences say what is to be reported.
                found.Add((CheckKind.ResultsReported, new() { ["yearly"] = yearly || !atEnd, ["atCompletion"] = atEnd }, s));
            }
        }

        // Child perspective: a section headed so, or a duty sentence about children and young people.
        foreach (var m in Regex.Matches(text, @"(?:^|\n)(?:\d+(?:\.\d+)*\s+)?(Barnperspektiv\w*|Barnrätt\w*|Barnkonventionen)\s*\n").Cast<Match>())
        {
            var start = m.Index + m.Length;
            while (start < text.Length && text[start] == '\n') start++;
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0) end = text.Length;
            if (end > start) found.Add((CheckKind.ChildPerspective, [], new TextSpan(start, end - start)));
        }
        if (!found.Any(f => f.Kind == CheckKind.ChildPerspective))
        {
            foreach (var s in sentences.Where(s => Modal(S(s)) is not null && Regex.IsMatch(S(s), @"\bbarn(?:s|en|ens)?\b|barnperspektiv|barnkonvention|barnrätt", RegexOptions.IgnoreCase)))
                found.Add((CheckKind.ChildPerspective, [], s));
        }

        // Goal linkage: the list of goals is introduced as a demand ("ska bidra till"), unless the text allows an
        // activity outside the goals with a motivation; then that motivation is the check instead.
        if (!found.Any(f => f.Kind == CheckKind.MotivationWhenNoGoal))
        {
            foreach (var intro in goalIntros.Where(i => Modal(S(i)) is "ska"))
                found.Add((CheckKind.GoalLinkage, new() { ["minimumGoals"] = 1 }, intro));
        }

        if (precondition is not null && precondition.ExceptionBody is not null)
            found.Add((CheckKind.PartnerPrecondition, new() { ["exceptionBody"] = precondition.ExceptionBody }, precondition.Clause.Span));

        // One proposal per kind, its passages in source order; parameters from the first passage, unit kinds merged.
        return found.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g =>
        {
            var spans = g.Select(f => f.Span).Distinct().OrderBy(x => x.Start).ToList();
            var parameters = new Dictionary<string, object>(g.First().Parameters);
            if (parameters.ContainsKey("unitKinds"))
                parameters["unitKinds"] = UnitOrder.Where(u => g.Any(f => ((IReadOnlyList<string>)f.Parameters["unitKinds"]).Contains(u))).ToList();
            if (g.Key == CheckKind.ResultsReported)
            {
                parameters["yearly"] = g.Any(f => (bool)f.Parameters["yearly"]);
                parameters["atCompletion"] = g.Any(f => (bool)f.Parameters["atCompletion"]);
            }
            if (g.Key == CheckKind.ExternalFundingSought)
                parameters["severity"] = g.Select(f => (string)f.Parameters["severity"]).OrderBy(SeverityRank).Last();
            return new ProposedCheck(g.Key, parameters, spans.Select(x => Passage(text, x)).ToList());
        }).ToList();
    }

    private static int SeverityRank(string severity) => severity switch { "info" => 0, "warning" => 1, _ => 2 };

    /// <summary>ska/skall is a demand, bör a recommendation; a demand to make an effort ("aktivt arbeta för", "där så är möjligt") is a warning, not a block.</summary>
    private static string FundingSeverity(string sentence, string? modal)
    {
        var effort = Regex.IsMatch(sentence, @"arbeta för|verka för|sträva|eftersträva|där så är möjligt|om möjligt|i möjligaste mån|pröva", RegexOptions.IgnoreCase);
        return modal switch
        {
            "ska" => effort ? "warning" : "blocking",
            "bör" => Regex.IsMatch(sentence, @"pröva\w* möjlighet", RegexOptions.IgnoreCase) ? "info" : "warning",
            _ => "info",
        };
    }

    private static string? Modal(string sentence)
    {
        if (Regex.IsMatch(sentence, @"\b(?:ska|skall|måste|åligger)\b", RegexOptions.IgnoreCase)) return "ska";
        if (Regex.IsMatch(sentence, @"\bbör\b", RegexOptions.IgnoreCase)) return "bör";
        return null;
    }

    private static readonly string[] UnitOrder = ["committee", "administration", "company", "office"];

    private static List<string> UnitWords(string s)
    {
        var kinds = new List<string>();
        if (Regex.IsMatch(s, @"nämnd|styrelse", RegexOptions.IgnoreCase)) kinds.Add("committee");
        if (Regex.IsMatch(s, @"förvaltning", RegexOptions.IgnoreCase)) kinds.Add("administration");
        if (Regex.IsMatch(s, @"\bbolag", RegexOptions.IgnoreCase)) kinds.Add("company");
        if (Regex.IsMatch(s, @"\bkontor|\benhet", RegexOptions.IgnoreCase)) kinds.Add("office");
        return kinds;
    }

    /// <summary>The units a demand binds: named in the sentence, else in the sentence before it or the section heading.</summary>
    private static List<string> UnitKinds(string text, TextSpan s, List<TextSpan> sentences, bool includeContext)
    {
        var own = UnitWords(text.Substring(s.Start, s.Length));
        if (own.Count > 0 || !includeContext) return own;
        var index = sentences.IndexOf(s);
        if (index > 0)
        {
            var prev = UnitWords(text.Substring(sentences[index - 1].Start, sentences[index - 1].Length));
            if (prev.Count > 0) return prev;
        }
        var heading = text[..s.Start].TrimEnd().Split('\n').Reverse().Take(3).FirstOrDefault(l => l.Length < 60 && !l.Contains('.'));
        return heading is null ? [] : UnitWords(heading);
    }

    // ---------------------------------------------------------------- SDGs

    // The goals' official Swedish short names, as printed under their icons (Globala målen, FN).
    private static readonly string[] SdgCaptions =
    [
        "INGEN FATTIGDOM", "INGEN HUNGER", "GOD HÄLSA OCH VÄLBEFINNANDE", "GOD UTBILDNING FÖR ALLA", "JÄMSTÄLLDHET",
        "RENT VATTEN OCH SANITET FÖR ALLA", "HÅLLBAR ENERGI FÖR ALLA", "ANSTÄNDIGA ARBETSVILLKOR OCH EKONOMISK TILLVÄXT",
        "HÅLLBAR INDUSTRI, INNOVATIONER OCH INFRASTRUKTUR", "MINSKAD OJÄMLIKHET", "HÅLLBARA STÄDER OCH SAMHÄLLEN",
        "HÅLLBAR KONSUMTION OCH PRODUKTION", "BEKÄMPA KLIMATFÖRÄNDRINGARNA", "HAV OCH MARINA RESURSER",
        "EKOSYSTEM OCH BIOLOGISK MÅNGFALD", "FREDLIGA OCH INKLUDERANDE SAMHÄLLEN", "GENOMFÖRANDE OCH GLOBALT PARTNERSKAP",
    ];

    private static ProposedSdgs Sdgs(string text)
    {
        var numbers = new SortedSet<int>();
        var sources = new List<Passage>();
        if (!Regex.IsMatch(text, @"globala mål|Agenda 2030|hållbarhetsmål|Sustainable Development Goals", RegexOptions.IgnoreCase)) return new ProposedSdgs([], []);
        for (var i = 0; i < SdgCaptions.Length; i++)
        {
            var pattern = @"(?<![\p{Lu}])" + string.Join(@"\s+", SdgCaptions[i].Split(' ').Select(Regex.Escape)) + @"(?![\p{Lu}])";
            var m = Regex.Match(text, pattern);
            if (!m.Success) continue;
            numbers.Add(i + 1);
            sources.Add(Passage(text, new TextSpan(m.Index, m.Length)));
        }
        // "mål 3, 4 och 11", "globala mål nr 5"
        foreach (Match m in Regex.Matches(text, @"(?:globala )?mål(?:en)?(?: nr\.?| nummer)? ((?:\d{1,2})(?:(?:, | och | & )\d{1,2})*)(?!\d|\s*(?:år|procent|%))", RegexOptions.IgnoreCase))
        {
            var context = text[Math.Max(0, m.Index - 120)..m.Index];
            if (!Regex.IsMatch(context + m.Value, @"globala|Agenda 2030|hållbar", RegexOptions.IgnoreCase)) continue;
            foreach (Match d in Regex.Matches(m.Groups[1].Value, @"\d{1,2}"))
            {
                var n = int.Parse(d.Value, CultureInfo.InvariantCulture);
                if (n is >= 1 and <= 17) numbers.Add(n);
            }
            sources.Add(Passage(text, new TextSpan(m.Index, m.Length)));
        }
        if (sources.Count == 0)
        {
            var m = Regex.Match(text, @"Agenda 2030|globala målen", RegexOptions.IgnoreCase);
            sources.Add(Passage(text, new TextSpan(m.Index, m.Length)));
        }
        return new ProposedSdgs(numbers.ToList(), sources);
    }

    // ---------------------------------------------------------------- patterns

    [GeneratedRegex(@"\b(?:ska|skall|bör|måste|ansvarar för|åligger)(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex DutyWord();

    [GeneratedRegex(@"^\s*(?:[•·▪●◦‣○■–*-]|\d{1,2}[.)]|[a-z]\))\s*")]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"^(?:polic\w*|strategi\w*|program\w*|\w*plan(?:en)?|riktlinje\w*|regler\w*|regelverk\w*)$", RegexOptions.IgnoreCase)]
    private static partial Regex KindWord();

    [GeneratedRegex(@"^(?:fastställs|fastställdes|antas|antogs|gäller|ska|skall|är|anger|beslutar|beslutade|föreslår|besluta)$", RegexOptions.IgnoreCase)]
    private static partial Regex DecisionVerb();

    [GeneratedRegex(@"[Kk]ommunfullmäktige|[Kk]ommunstyrelsen|\bKF\b|\bKS\b|[A-ZÅÄÖ][a-zåäö-]*nämnden\b")]
    private static partial Regex BodyName();

    [GeneratedRegex(@"(?:fastställ\w*|antag\w*|beslutad\w*|beslutat)\s+av\s+(?<body>Kommunfullmäktige|Kommunstyrelsen|[A-ZÅÄÖ]\w*nämnden)(?:\s+den)?\s+(?<date>\d{4}-\d{2}-\d{2}|\d{1,2}\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex AdoptionSentence();

    [GeneratedRegex(@"(?:[A-ZÅÄÖ][\w-]+s |[Aa]lla |[Kk]ommunens |[Ss]tadens )?nämnder(?:, (?:styrelser|förvaltningar|bolag|kommunala bolag))*(?: och (?:styrelser|förvaltningar|bolag|kommunala bolag|de kommunala bolagen))")]
    private static partial Regex AppliesToPhrase();

    [GeneratedRegex(@"[A-ZÅÄÖ]{0,5}\s?[\d.]+[/\-:][\d.:/\-]+|\d{4}/\d+|[A-ZÅÄÖ]+ \d{4}\.\d+")]
    private static partial Regex CaseNumberValue();

    [GeneratedRegex(@"(?:KF|KS|Kommunfullmäktige|Kommunstyrelsen)\w*\s*§\s*(\d{1,4})|§\s*(\d{1,4})(?=\s*\(?(?:KF|KS)\b)")]
    private static partial Regex MinuteParagraphPattern();

    [GeneratedRegex(@"^\d+(?:\.\d+)*\s+")]
    private static partial Regex SectionNumber();

    // Words that introduce a list of goals, purposes or directions.
    [GeneratedRegex(@"\b(?:mål|målen|målet|målsättning\w*|syfte|syften|syftet|syftar|inriktning\w*|fokusområden?|bidra till|bidrar till|ska leda till|vill uppnå)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GoalIntro();

    // Lists that are not the policy's goals: another body's priorities, activity kinds, services.
    [GeneratedRegex(@"\b(?:prioriteringar|aktiviteter är|tjänster|exempel|bland annat)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotGoalIntro();

    [GeneratedRegex(@"(?:bidra till(?: att)?|syfte(?:t)? är att|mål(?:en)? är att|målen är|syften är|följande)\s*:\s+(?=[A-ZÅÄÖ])")]
    private static partial Regex FlatListIntro();

    [GeneratedRegex(@"\b(?:har|finns|anges|är)\s+(?<n>två|tre|fyra|fem|sex|sju)\s+(?:övergripande\s+|huvudsakliga\s+)?(?<what>mål|syften|målsättningar|inriktningar)\b[^.:\n]*[.:]", RegexOptions.IgnoreCase)]
    private static partial Regex ProseGoalsAnnouncement();

    // Purpose constructions; "för att" (weak) counts only where it enumerates purpose nouns, and never after "ansvar(ar)".
    [GeneratedRegex(@"(?<weak>(?<!\bansvar\w*\s+)\bför att\b)|\b(?:i|med) syfte att\b|\bsyftar till att\b|\b(?:syftet|målet|målen|målsättningen)(?: med (?<what>[^.,]{1,80}?))? är att\b|\b(?:ska|skall|bör)\s+(?:\p{Ll}+\s+)?bidra till(?: att)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex PurposeMarker();

    // "En aktiv omvärldsbevakning är en oomtvistad framgångsfaktor", "Kunskapsutbyte är ett viktigt syfte med arbetet".
    [GeneratedRegex(@"^(?:(?:En|Ett|Den|Det)\s+)?(?:\p{Ll}+\s+)?(?<noun>\p{L}\p{Ll}+)\s+är\s+(?:en|ett|det|den)\s+(?:\p{Ll}+\s+){0,2}(?:framgångsfaktor(?:n|er)?|nyckelfaktor(?:n|er)?|syfte(?:t)?|mål(?:et)?|målsättning(?:en)?)\b")]
    private static partial Regex PurposeNoun();

    // The document itself, named as the subject of an aim: why it was written, not what the work is for.
    [GeneratedRegex(@"\b(?:policyn|programmet|strategin|riktlinjerna|dokumentet|styrdokumentet|planen|policyskrivningen|denna (?:policy|strategi|plan)|detta (?:program|dokument|styrdokument)|dessa riktlinjer)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentItself();

    // A subject that is the municipality's work or one of its units.
    [GeneratedRegex(@"\b(?:\p{L}*arbete\w*|kommun\w*|\p{L}*nämnd\w*|styrelse\w*|förvaltning\w*|bolag\w*|verksamhet\w*|vi|projekt\w*|\p{L}*utbyte\w*|kontakter\w*|deltagande\w*|engagemang\w*|staden|stadens)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WorkSubject();

    // Where a purpose clause ends: a contrast, a means or a consequence that follows it.
    [GeneratedRegex(@",?\s+(?:men|genom att|vilket|så att|samtidigt som)\b|;|\s+–\s+")]
    private static partial Regex PurposeContentEnd();

    [GeneratedRegex(@"^[A-ZÅÄÖ][a-zåäö]{2,}a$")]
    private static partial Regex Infinitive();

    [GeneratedRegex(@"\b(?:förutsättning|krav|villkor|kriteri\w*|respekter\w*)\b[^.]*\b(?:land\w*|stad\w*|part\w*|partner\w*|samarbetsland\w*|kommun\w*)\b|\b(?:land\w*|länder\w*|stad\w*|städer\w*|part\w*|partner\w*)\b[^.]*\b(?:förutsättning|krav|villkor|respekterar|uppfyller)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PartnerCondition();
}
