using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Reading;

namespace Omvarld.Web.Features.Policies.Reading;

/// <summary>A proposed metadata field: kept (as edited) or left out (null in the draft).</summary>
// Validated by ReviewModel.Validate in Swedish, not by the binder (hidden fields may be posted empty).
[ValidateNever]
public sealed class FieldItem
{
    public string Name { get; set; } = "";
    public string? Value { get; set; }
    public bool Keep { get; set; } = true;
    public int Start { get; set; } = -1;
    public int Length { get; set; }
}

// Validated by ReviewModel.Validate in Swedish, not by the binder (hidden fields may be posted empty).
[ValidateNever]
public sealed class GoalItem
{
    public bool Keep { get; set; } = true;
    public string Code { get; set; } = "";
    public string? Name { get; set; }
    public string Kind { get; set; } = "goal";
    public string? Clause { get; set; }
    public int Start { get; set; } = -1;
    public int Length { get; set; }
}

// Validated by ReviewModel.Validate in Swedish, not by the binder (hidden fields may be posted empty).
[ValidateNever]
public sealed class PreconditionItem
{
    public bool Present { get; set; }
    public bool Keep { get; set; } = true;
    public string Criteria { get; set; } = "";
    public string? ExceptionBody { get; set; }
    public string? Clause { get; set; }
    public int Start { get; set; } = -1;
    public int Length { get; set; }
}

// Validated by ReviewModel.Validate in Swedish, not by the binder (hidden fields may be posted empty).
[ValidateNever]
public sealed class CheckItem
{
    public bool Keep { get; set; } = true;
    public string Kind { get; set; } = "";
    /// <summary>The check's parameters as the reader proposed them (JSON); they travel with the form unchanged.</summary>
    public string Parameters { get; set; } = "{}";
    public string? Clause { get; set; }
    /// <summary>The passages as <c>start:length</c>, separated by <c>;</c>.</summary>
    public string Spans { get; set; } = "";
}

// Validated by ReviewModel.Validate in Swedish, not by the binder (hidden fields may be posted empty).
[ValidateNever]
public sealed class SdgItem
{
    public bool Keep { get; set; } = true;
    public string? Numbers { get; set; }
    public string Spans { get; set; } = "";
}

/// <summary>A duty-bearing sentence the reader could not place, or a passage the coordinator added: left out, a goal, or a clause (text only).</summary>
// Validated by ReviewModel.Validate in Swedish, not by the binder (hidden fields may be posted empty).
[ValidateNever]
public sealed class DemandItem
{
    public const string Omit = "omit", AsGoal = "goal", AsClause = "clause";
    public string Use { get; set; } = Omit;
    public string? Text { get; set; }
    public string? Name { get; set; }
    public int Start { get; set; } = -1;
    public int Length { get; set; }
}

/// <summary>A passage to mark in the source text, with the id of the item it belongs to.</summary>
public sealed record MarkedSpan(string Item, int Start, int Length);

/// <summary>
/// The reader's proposal as the review page's form carries it between requests: the web tier keeps nothing, so the
/// normalised text and every item (with its passage's position) are posted back, and the reviewed result is written
/// as a draft policy file (<see cref="DraftFile"/>) that is then imported like any other.
/// </summary>
// Validated by ReviewModel.Validate in Swedish, not by the binder (hidden fields may be posted empty).
[ValidateNever]
public sealed class ReviewForm
{
    /// <summary>The metadata the file takes, in the order the form shows them; the rest are shown for the adoption decision.</summary>
    public static readonly string[] Required = ["title", "kind", "adoptedBy", "appliesTo", "validUntil"];

    public string Text { get; set; } = "";
    public string? Label { get; set; }
    public List<FieldItem> Fields { get; set; } = [];
    public bool AppliesToCompanies { get; set; }
    public List<GoalItem> Goals { get; set; } = [];
    public PreconditionItem Precondition { get; set; } = new();
    public List<CheckItem> Checks { get; set; } = [];
    public SdgItem Sdgs { get; set; } = new();
    public List<DemandItem> Demands { get; set; } = [];
    public string? NewText { get; set; }
    public string? NewName { get; set; }
    public string NewAs { get; set; } = DemandItem.AsGoal;

    public static ReviewForm From(PolicyProposal p) => new()
    {
        Text = p.Source.Text,
        Label = p.AdoptedOn.Value?[..4],
        Fields = p.Metadata.Select(m => new FieldItem
        {
            Name = m.Name, Value = m.Field.Value, Keep = m.Field.Value is not null,
            Start = m.Field.Source?.Span.Start ?? -1, Length = m.Field.Source?.Span.Length ?? 0,
        }).ToList(),
        AppliesToCompanies = p.AppliesToCompanies,
        Goals = p.Goals.Select(g => new GoalItem
        {
            Code = g.Code, Name = g.Name, Kind = PolicyCodes.GoalKinds.Code(g.Kind), Clause = g.Clause.Text,
            Start = g.Clause.Span.Start, Length = g.Clause.Span.Length,
        }).ToList(),
        Precondition = p.Precondition is { } pc
            ? new PreconditionItem
            {
                Present = true, Criteria = string.Join(",", pc.Criteria.Select(PolicyCodes.Criteria.Code)), ExceptionBody = pc.ExceptionBody,
                Clause = pc.Clause.Text, Start = pc.Clause.Span.Start, Length = pc.Clause.Span.Length,
            }
            : new PreconditionItem { Present = false, Keep = false },
        Checks = p.Checks.Select(c => new CheckItem
        {
            Kind = PolicyCodes.CheckKinds.Code(c.Kind), Parameters = JsonSerializer.Serialize(c.Parameters), Clause = c.Clause,
            Spans = Spans(c.Clauses),
        }).ToList(),
        Sdgs = new SdgItem { Numbers = string.Join(", ", p.Sdgs.Numbers), Keep = p.Sdgs.Numbers.Count > 0, Spans = Spans(p.Sdgs.Sources) },
        Demands = p.UnplacedDemands.Select(u => new DemandItem { Text = u.Text, Start = u.Span.Start, Length = u.Span.Length }).ToList(),
    };

    private static string Spans(IEnumerable<Passage> passages) =>
        string.Join(";", passages.Select(x => $"{x.Span.Start.ToString(CultureInfo.InvariantCulture)}:{x.Span.Length.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The passages of a <c>start:length;…</c> list that lie inside the text; anything else (a tampered form) is ignored.</summary>
    public IEnumerable<(int Start, int Length)> ParseSpans(string? spans)
    {
        foreach (var part in (spans ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var bits = part.Split(':');
            if (bits.Length == 2 && int.TryParse(bits[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                && int.TryParse(bits[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length) && Inside(start, length))
                yield return (start, length);
        }
    }

    private bool Inside(int start, int length) => start >= 0 && length > 0 && start + length <= Text.Length;

    /// <summary>Every item's passage, by the id its card and its marks share (<c>m-title</c>, <c>g-0</c>, <c>p</c>, <c>c-1</c>, <c>s</c>, <c>u-2</c>).</summary>
    public IReadOnlyList<MarkedSpan> Marks()
    {
        var marks = new List<MarkedSpan>();
        void Add(string id, int start, int length) { if (Inside(start, length)) marks.Add(new(id, start, length)); }
        foreach (var f in Fields) Add("m-" + f.Name, f.Start, f.Length);
        for (var i = 0; i < Goals.Count; i++) Add("g-" + i, Goals[i].Start, Goals[i].Length);
        if (Precondition.Present) Add("p", Precondition.Start, Precondition.Length);
        for (var i = 0; i < Checks.Count; i++) foreach (var (s, l) in ParseSpans(Checks[i].Spans)) Add("c-" + i, s, l);
        foreach (var (s, l) in ParseSpans(Sdgs.Spans)) Add("s", s, l);
        for (var i = 0; i < Demands.Count; i++) Add("u-" + i, Demands[i].Start, Demands[i].Length);
        return marks;
    }

    /// <summary>Where a passage the coordinator added stands in the text (its first occurrence), so it is marked like the reader's.</summary>
    public (int Start, int Length) Locate(string passage)
    {
        var at = Text.IndexOf(passage, StringComparison.Ordinal);
        return at < 0 ? (-1, 0) : (at, passage.Length);
    }

    public string? Field(string name) => Fields.FirstOrDefault(f => f.Name == name) is { Keep: true } f ? Clean(f.Value) : null;

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Replace("\r\n", "\n").Trim();

    /// <summary>The SDG numbers written in the field (1–17, separated by commas or spaces), or null when one is not.</summary>
    public List<int>? SdgNumbers()
    {
        if (!Sdgs.Keep) return [];
        var numbers = new List<int>();
        foreach (var part in (Sdgs.Numbers ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 17) return null;
            if (!numbers.Contains(n)) numbers.Add(n);
        }
        return numbers;
    }

    /// <summary>The reviewed draft: kept items as edited, left-out items absent. Call only once the form is valid.</summary>
    public DraftFile ToDraft(string municipality, string clauseWhy)
    {
        var title = Field("title");
        var documentKey = DraftFile.KeyOf(title);
        var label = Clean(Label)!;
        var codes = new HashSet<string>(StringComparer.Ordinal);
        string Unique(string code)
        {
            var candidate = code;
            for (var n = 2; !codes.Add(candidate); n++) candidate = $"{code}_{n.ToString(CultureInfo.InvariantCulture)}";
            return candidate;
        }
        var goals = Goals.Where(g => g.Keep)
            .Select(g => new DraftGoal(Unique(string.IsNullOrWhiteSpace(g.Code) ? PolicyReader.Code(g.Name!) : g.Code), Clean(g.Name)!, g.Kind ?? "goal", Clean(g.Clause)!))
            .Concat(Demands.Where(d => d.Use == DemandItem.AsGoal).Select(d => new DraftGoal(Unique(PolicyReader.Code(d.Name!)), Clean(d.Name)!, "goal", Clean(d.Text)!)))
            .ToList();
        codes.Clear();
        var clauses = Demands.Where(d => d.Use == DemandItem.AsClause)
            .Select(d => new DraftClause(Unique(PolicyReader.Code(Clean(d.Name) ?? Clean(d.Text)!)), Clean(d.Text)!, "text", clauseWhy)).ToList();
        var precondition = Precondition is { Present: true, Keep: true } pc
            ? new DraftPrecondition((pc.Criteria ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), Clean(pc.ExceptionBody), Clean(pc.Clause)!)
            : null;
        var checks = Checks.Where(c => c.Keep).Select(c =>
        {
            var parameters = Parameters(c.Parameters ?? "{}");
            // The partner-precondition check names the body that decides exceptions: the precondition's, as edited.
            if (c.Kind == "partner-precondition" && precondition is not null) parameters["exceptionBody"] = precondition.ExceptionBody;
            return new DraftCheck(c.Kind ?? "", parameters, Clean(c.Clause)!);
        }).ToList();
        var labelKey = string.Join('-', new string(label.ToUpperInvariant().Select(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9' ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return new DraftFile($"{documentKey}-{(labelKey.Length == 0 ? "UTKAST" : labelKey)}", documentKey, title, Field("kind"), municipality, label,
            Field("adoptedBy"), Field("adoptedOn"), Field("caseNumber"), Field("minuteParagraph"), Field("revisionResponsible"),
            Field("followUpResponsible"), Field("appliesTo"), AppliesToCompanies, Field("validUntil"), SdgNumbers() ?? [],
            goals, precondition, checks, clauses, [], Text ?? "");
    }

    /// <summary>The posted parameters back as the catalogue's types (bool, int, string, list of strings); anything else is dropped for the file reader to name.</summary>
    private static Dictionary<string, object?> Parameters(string json)
    {
        var result = new Dictionary<string, object?>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return result;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                object? value = p.Value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number when p.Value.TryGetInt32(out var i) => i,
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Array => p.Value.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList(),
                    _ => null,
                };
                result[p.Name] = value;
            }
        }
        catch (JsonException) { }
        return result;
    }
}
