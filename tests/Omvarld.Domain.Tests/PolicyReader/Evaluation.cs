using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Reading;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Omvarld.Domain.Tests.PolicyReader;

/// <summary>What a document should yield: from a hand-made seed file or a variant's expected answers.</summary>
public sealed record ExpectedPolicy(
    string Name,
    bool HoldsPolicy,
    IReadOnlyDictionary<string, string?> Metadata,
    IReadOnlyList<string> GoalClauses,
    IReadOnlyList<string> CheckKinds,
    bool Precondition,
    IReadOnlyList<int>? Sdgs);

/// <summary>One document's score: counts, so the totals add up.</summary>
public sealed record Score(
    string Name,
    int GoalsExpected, int GoalsProposed, int GoalsFound, int GoalsRight,
    int ChecksExpected, int ChecksProposed, int ChecksRight,
    bool PreconditionExpected, bool PreconditionProposed,
    int MetaRight, int MetaNull, int MetaWrong, IReadOnlyList<string> Wrong, IReadOnlyList<string> Missed,
    bool? SdgsRight, bool PolicyRight, string CheckDetail);

/// <summary>
/// Runs the reader on the four raw seed texts and the variants and compares with what they should yield
/// (the hand-made seed YAML, the variants' expected answers written before the reader ran on them).
/// </summary>
public static class Evaluation
{
    public static readonly string[] MetadataFields =
        ["title", "kind", "adoptedBy", "adoptedOn", "revisedOn", "revisionResponsible", "followUpResponsible", "appliesTo", "validUntil", "caseNumber", "minuteParagraph"];

    public static string Dir(string sub) => Path.Combine(AppContext.BaseDirectory, "PolicyReader", sub);

    public static readonly (string Yaml, string Source)[] Seeds =
    [
        ("boras-2009.yaml", "003_75844eda42ce11f4.txt"), ("boras-2016.yaml", "002_3df0fc7a5502943d.txt"),
        ("boras-2023.yaml", "001_fd680962e325776f.txt"), ("upplandsbro-2020.yaml", "004_b20275be09a18728.txt"),
    ];

    public static string SeedText(string file) => File.ReadAllText(Path.Combine(Dir("Seeds"), file));

    public static ExpectedPolicy FromSeed(string yamlFile)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Dir("Expected"), yamlFile))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var doc = (YamlMappingNode)root["document"];
        var version = (YamlMappingNode)root["version"];
        string? S(YamlMappingNode m, string key) =>
            m.Children.TryGetValue(new YamlScalarNode(key), out var n) && n is YamlScalarNode s && s.Value is not (null or "null" or "~") ? s.Value : null;
        var decisions = ((YamlSequenceNode)version["decisions"]).Children.Cast<YamlMappingNode>().ToList();
        var adopted = decisions.FirstOrDefault(d => S(d, "kind") == "adopted");
        var revised = decisions.FirstOrDefault(d => S(d, "kind") == "revised");
        var validUntil = S(version, "validUntil");
        // A document revised in place (Borås 2009 says "Fastställt … 2002, Reviderad den … 2009") is shipped as a version
        // whose text is unknown (`text: null`) followed by the revised one: when the version just before this one of the
        // same document has no text, the document was adopted then, and this version's adoption is its revision.
        var adoptedOn = adopted is null ? null : S(adopted, "date");
        var revisedOn = revised is null ? null : S(revised, "date");
        var documentKey = S(doc, "key");
        var before = Directory.GetFiles(Dir("Expected"), "*.yaml").Where(f => Path.GetFileName(f) != yamlFile)
            .Select(f => { var st = new YamlStream(); st.Load(new StringReader(File.ReadAllText(f))); return (YamlMappingNode)st.Documents[0].RootNode; })
            .Where(r => S((YamlMappingNode)r["document"], "key") == documentKey)
            .Select(r => (Root: r, Adopted: ((YamlSequenceNode)((YamlMappingNode)r["version"])["decisions"]).Children.Cast<YamlMappingNode>()
                .Where(d => S(d, "kind") == "adopted").Select(d => S(d, "date")).FirstOrDefault()))
            .Where(v => v.Adopted is not null && adoptedOn is not null && string.CompareOrdinal(v.Adopted, adoptedOn) < 0)
            .OrderByDescending(v => v.Adopted, StringComparer.Ordinal).FirstOrDefault();
        if (before.Root is not null && S(before.Root, "text") is null && revisedOn is null) (adoptedOn, revisedOn) = (before.Adopted, adoptedOn);
        var meta = new Dictionary<string, string?>
        {
            ["title"] = S(doc, "title"), ["kind"] = S(doc, "kind"), ["adoptedBy"] = S(version, "adoptedBy"),
            ["adoptedOn"] = adoptedOn, ["revisedOn"] = revisedOn,
            ["revisionResponsible"] = S(version, "revisionResponsible"), ["followUpResponsible"] = S(version, "followUpResponsible"),
            ["appliesTo"] = S(version, "appliesTo"),
            // "replaced" is the format's word for "no end date given": the document itself states none.
            ["validUntil"] = validUntil == "replaced" ? null : validUntil,
            ["caseNumber"] = adopted is null ? null : S(adopted, "caseNumber"), ["minuteParagraph"] = adopted is null ? null : S(adopted, "minuteParagraph"),
        };
        var goals = ((YamlSequenceNode)version["goals"]).Children.Cast<YamlMappingNode>().Select(g => S(g, "clause")!).ToList();
        var checks = ((YamlSequenceNode)version["checks"]).Children.Cast<YamlMappingNode>().Select(c => S(c, "kind")!).ToList();
        var sdgs = ((YamlSequenceNode)version["sdgs"]).Children.Cast<YamlScalarNode>().Select(n => int.Parse(n.Value!, CultureInfo.InvariantCulture)).ToList();
        return new ExpectedPolicy(yamlFile.Replace(".yaml", ""), true, meta, goals, checks, version.Children.ContainsKey(new YamlScalarNode("precondition")), sdgs);
    }

    public static ExpectedPolicy FromVariant(string expectedFile)
    {
        var meta = new Dictionary<string, string?>();
        var goals = new List<string>();
        var checks = new List<string>();
        var precondition = false;
        var holds = true;
        List<int>? sdgs = null;
        foreach (var raw in File.ReadAllLines(expectedFile))
        {
            if (raw.StartsWith('#') || !raw.Contains(':')) continue;
            var key = raw[..raw.IndexOf(':')];
            var value = raw[(raw.IndexOf(':') + 1)..].Trim();
            switch (key)
            {
                case "goal": goals.Add(value); break;
                case "checks": checks.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => Regex.Replace(c, @"\(.*\)", ""))); break;
                case "precondition": precondition = value == "yes"; break;
                case "policy": holds = value != "no"; break;
                case "sdgs": sdgs = value.Split(',', StringSplitOptions.TrimEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList(); break;
                default: meta[key] = value == "null" ? null : value; break;
            }
        }
        return new ExpectedPolicy(Path.GetFileNameWithoutExtension(expectedFile), holds, meta, goals, checks, precondition, sdgs);
    }

    public static IEnumerable<(ExpectedPolicy Expected, string Text)> Variants() =>
        Directory.GetFiles(Dir("Variants"), "*.expected").Order(StringComparer.Ordinal)
            .Select(f => (FromVariant(f), File.ReadAllText(Path.ChangeExtension(f, ".txt"))));

    private static string Collapse(string s) => Regex.Replace(s, @"\s+", " ").Trim();

    /// <summary>Two clauses are the same goal when one holds the other or they share most of their words.</summary>
    public static bool SameClause(string a, string b)
    {
        a = Collapse(a); b = Collapse(b);
        if (a.Contains(b, StringComparison.OrdinalIgnoreCase) || b.Contains(a, StringComparison.OrdinalIgnoreCase)) return true;
        var wa = Regex.Matches(a.ToLowerInvariant(), @"\w+").Select(m => m.Value).ToHashSet();
        var wb = Regex.Matches(b.ToLowerInvariant(), @"\w+").Select(m => m.Value).ToHashSet();
        return wa.Intersect(wb).Count() * 2 >= Math.Max(wa.Count, wb.Count) * 1.4;
    }

    public static Score Compare(ExpectedPolicy expected, PolicyProposal proposal)
    {
        var goalsFound = expected.GoalClauses.Count(e => proposal.Goals.Any(p => SameClause(e, p.Clause.Text)));
        var goalsRight = proposal.Goals.Count(p => expected.GoalClauses.Any(e => SameClause(e, p.Clause.Text)));
        var proposedKinds = proposal.Checks.Select(c => PolicyCodes.CheckKinds.Code(c.Kind)).ToHashSet();
        var expectedKinds = expected.CheckKinds.ToHashSet();
        var right = 0; var nul = 0; var wrongCount = 0;
        var wrong = new List<string>(); var missed = new List<string>();
        foreach (var field in MetadataFields)
        {
            var exp = expected.Metadata.GetValueOrDefault(field);
            var got = proposal.Metadata.First(m => m.Name == field).Field.Value;
            if (got is null) { nul++; if (exp is not null) missed.Add(field); }
            else if (exp is not null && Collapse(exp) == Collapse(got)) right++;
            else { wrongCount++; wrong.Add($"{field}: '{got}' (expected {(exp is null ? "null" : "'" + exp + "'")})"); }
        }
        bool? sdgsRight = expected.Sdgs is null && proposal.Sdgs.Numbers.Count == 0 ? null
            : (expected.Sdgs ?? []).SequenceEqual(proposal.Sdgs.Numbers);
        var detail = string.Join(", ", expectedKinds.Union(proposedKinds).Order(StringComparer.Ordinal)
            .Select(k => expectedKinds.Contains(k) && proposedKinds.Contains(k) ? k : expectedKinds.Contains(k) ? "−" + k : "+" + k));
        return new Score(expected.Name, expected.GoalClauses.Count, proposal.Goals.Count, goalsFound, goalsRight,
            expectedKinds.Count, proposedKinds.Count, expectedKinds.Intersect(proposedKinds).Count(),
            expected.Precondition, proposal.Precondition is not null, right, nul, wrongCount, wrong, missed,
            sdgsRight, expected.HoldsPolicy == proposal.HoldsPolicy, detail);
    }

    private static string Ratio(int a, int b) => b == 0 ? "–" : (a / (double)b).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Table(IReadOnlyList<Score> scores)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| Document | Goals P | Goals R | Checks P | Checks R | Precondition | Metadata right / null / wrong | SDGs | Checks (−missed, +false) |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var s in scores) sb.AppendLine(Row(s.Name, [s]));
        sb.AppendLine(Row("**Total**", scores));
        return sb.ToString();

        static string Row(string name, IReadOnlyList<Score> s) =>
            $"| {name} | {Ratio(s.Sum(x => x.GoalsRight), s.Sum(x => x.GoalsProposed))} | {Ratio(s.Sum(x => x.GoalsFound), s.Sum(x => x.GoalsExpected))} " +
            $"| {Ratio(s.Sum(x => x.ChecksRight), s.Sum(x => x.ChecksProposed))} | {Ratio(s.Sum(x => x.ChecksRight), s.Sum(x => x.ChecksExpected))} " +
            $"| {s.Count(x => x.PreconditionExpected == x.PreconditionProposed)}/{s.Count} right " +
            $"| {s.Sum(x => x.MetaRight)} / {s.Sum(x => x.MetaNull)} / {s.Sum(x => x.MetaWrong)} " +
            $"| {(s.All(x => x.SdgsRight is null) ? "–" : s.Count(x => x.SdgsRight == true) + "/" + s.Count(x => x.SdgsRight is not null))} " +
            $"| {(s.Count == 1 ? s[0].CheckDetail : "")} |";
    }
}

/// <summary>The evaluation as a test: it prints the table (README → Policy reader) and holds the reader to what it reaches now.</summary>
public sealed class EvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Seeds_and_variants()
    {
        var seedScores = Evaluation.Seeds.Select(s => Evaluation.Compare(Evaluation.FromSeed(s.Yaml), Omvarld.Domain.Policies.Reading.PolicyReader.Read(Evaluation.SeedText(s.Source)))).ToList();
        var variantScores = Evaluation.Variants().Select(v => Evaluation.Compare(v.Expected, Omvarld.Domain.Policies.Reading.PolicyReader.Read(v.Text))).ToList();
        var report = "Seeds\n\n" + Evaluation.Table(seedScores) + "\nVariants\n\n" + Evaluation.Table(variantScores) + "\n" +
            string.Join("\n", seedScores.Concat(variantScores).Where(s => s.Wrong.Count + s.Missed.Count > 0)
                .Select(s => $"{s.Name}: wrong [{string.Join("; ", s.Wrong)}] null where the source says [{string.Join(", ", s.Missed)}]"));
        output.WriteLine(report);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "policy-reader-evaluation.md"), report);

        // The issue's bar: no metadata field wrong, every goal and check of the seeds found, at most one false goal per
        // document and no false check; a text without a policy is said to be one.
        Assert.All(seedScores.Concat(variantScores), s => Assert.Empty(s.Wrong));
        Assert.All(seedScores, s => Assert.Equal(s.GoalsExpected, s.GoalsFound));
        Assert.All(seedScores, s => Assert.InRange(s.GoalsProposed - s.GoalsRight, 0, 1));
        Assert.All(seedScores, s => Assert.Equal((s.ChecksExpected, s.ChecksExpected), (s.ChecksRight, s.ChecksProposed)));
        Assert.All(seedScores.Concat(variantScores), s => Assert.True(s.PolicyRight, s.Name));
    }
}
