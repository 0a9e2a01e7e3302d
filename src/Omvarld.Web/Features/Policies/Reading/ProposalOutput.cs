using System.Globalization;
using System.Text;
using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Reading;

namespace Omvarld.Web.Features.Policies.Reading;

/// <summary>A passage of the normalised text: where it stands there and on which source page it begins.</summary>
public sealed record PassageDto(int Start, int Length, int Page, string Text);

public sealed record FieldDto(string Name, string? Value, PassageDto? Passage);

public sealed record GoalDto(string Code, string Name, string Kind, PassageDto Clause);

public sealed record PreconditionDto(IReadOnlyList<string> Criteria, string? ExceptionBody, PassageDto Clause);

public sealed record CheckDto(string Kind, IReadOnlyDictionary<string, object> Parameters, IReadOnlyList<PassageDto> Clauses);

/// <summary>The reader's proposal as the API returns it: every item with its passage, the normalised text, and the draft as <c>omvarld-policy/1</c> YAML.</summary>
public sealed record ProposalDto(
    IReadOnlyList<FieldDto> Metadata,
    bool AppliesToCompanies,
    IReadOnlyList<GoalDto> Goals,
    PreconditionDto? Precondition,
    IReadOnlyList<CheckDto> Checks,
    IReadOnlyList<int> Sdgs,
    IReadOnlyList<PassageDto> SdgPassages,
    IReadOnlyList<PassageDto> UnplacedDemands,
    string Text,
    string Yaml);

public static class ProposalOutput
{
    public static ProposalDto ToDto(PolicyProposal p)
    {
        PassageDto P(Passage x) => new(x.Span.Start, x.Span.Length, x.Span.Length == 0 ? 1 : p.Source.SourceOf(x.Span.Start).Page, x.Text);
        return new ProposalDto(
            p.Metadata.Select(m => new FieldDto(m.Name, m.Field.Value, m.Field.Source is null ? null : P(m.Field.Source))).ToList(),
            p.AppliesToCompanies,
            p.Goals.Select(g => new GoalDto(g.Code, g.Name, PolicyCodes.GoalKinds.Code(g.Kind), P(g.Clause))).ToList(),
            p.Precondition is null ? null : new PreconditionDto(p.Precondition.Criteria.Select(PolicyCodes.Criteria.Code).ToList(), p.Precondition.ExceptionBody, P(p.Precondition.Clause)),
            p.Checks.Select(c => new CheckDto(PolicyCodes.CheckKinds.Code(c.Kind), c.Parameters, c.Clauses.Select(P).ToList())).ToList(),
            p.Sdgs.Numbers, p.Sdgs.Sources.Select(P).ToList(),
            p.UnplacedDemands.Select(P).ToList(),
            p.Source.Text,
            Yaml(p));
    }

    /// <summary>The proposal as a draft policy file (see <see cref="DraftFile.Yaml"/>).</summary>
    public static string Yaml(PolicyProposal p) => DraftFile.From(p).Yaml();
}

public sealed record DraftGoal(string Code, string Name, string Kind, string Clause);

public sealed record DraftPrecondition(IReadOnlyList<string> Criteria, string? ExceptionBody, string Clause);

public sealed record DraftCheck(string Kind, IReadOnlyDictionary<string, object?> Parameters, string Clause);

public sealed record DraftClause(string Code, string Clause, string Handling, string Why);

/// <summary>
/// A draft policy file's content, as the reader proposes it or as the coordinator reviewed it: the one writer of
/// <c>omvarld-policy/1</c> drafts from a read document. The file is then read and stored like any imported file.
/// </summary>
public sealed record DraftFile(
    string Key,
    string DocumentKey,
    string? Title,
    string? Kind,
    string? Municipality,
    string? Label,
    string? AdoptedBy,
    string? AdoptedOn,
    string? CaseNumber,
    string? MinuteParagraph,
    string? RevisionResponsible,
    string? FollowUpResponsible,
    string? AppliesTo,
    bool AppliesToCompanies,
    string? ValidUntil,
    IReadOnlyList<int> Sdgs,
    IReadOnlyList<DraftGoal> Goals,
    DraftPrecondition? Precondition,
    IReadOnlyList<DraftCheck> Checks,
    IReadOnlyList<DraftClause> Clauses,
    IReadOnlyList<string> Unplaced,
    string Text)
{
    /// <summary>The document's key from its title (<c>UTKAST</c> when it has none): ASCII upper case and hyphens.</summary>
    public static string KeyOf(string? title) => title is null ? "UTKAST" : PolicyReader.Code(title).Replace('_', '-');

    public static DraftFile From(PolicyProposal p)
    {
        var key = KeyOf(p.Title.Value);
        return new DraftFile(key + "-UTKAST", key, p.Title.Value, p.Kind.Value, null, p.AdoptedOn.Value?[..4], p.AdoptedBy.Value, p.AdoptedOn.Value,
            p.CaseNumber.Value, p.MinuteParagraph.Value, p.RevisionResponsible.Value, p.FollowUpResponsible.Value, p.AppliesTo.Value,
            p.AppliesToCompanies, p.ValidUntil.Value, p.Sdgs.Numbers,
            p.Goals.Select(g => new DraftGoal(g.Code, g.Name, PolicyCodes.GoalKinds.Code(g.Kind), g.Clause.Text)).ToList(),
            p.Precondition is { } pc ? new DraftPrecondition(pc.Criteria.Select(PolicyCodes.Criteria.Code).ToList(), pc.ExceptionBody, pc.Clause.Text) : null,
            p.Checks.Select(c => new DraftCheck(PolicyCodes.CheckKinds.Code(c.Kind), c.Parameters.ToDictionary(x => x.Key, x => (object?)x.Value), c.Clause)).ToList(),
            [], p.UnplacedDemands.Select(u => u.Text).ToList(), p.Source.Text);
    }

    /// <summary>
    /// The draft as a policy file: no decisions (a draft is never adopted by a file; the adoption the document states
    /// is given as a comment, for the version's page), <c>null</c> where the document says nothing.
    /// </summary>
    public string Yaml()
    {
        var sb = new StringBuilder();
        static string Q(string? s) => s is null ? "null" : "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
        void Block(string indent, string key, string text)
        {
            sb.Append(indent).Append(key).AppendLine(": |-");
            foreach (var line in text.Split('\n')) sb.Append(indent).Append("  ").AppendLine(line);
        }
        sb.AppendLine("# Proposed by Omvärld's policy reader: review every item against the document before saving.");
        sb.AppendLine("format: omvarld-policy/1");
        sb.Append("key: ").AppendLine(Q(Key));
        sb.AppendLine("document:");
        sb.Append("  key: ").AppendLine(Q(DocumentKey));
        sb.Append("  title: ").AppendLine(Q(Title));
        sb.Append("  kind: ").AppendLine(Q(Kind));
        // The group follows from the kind as the policy file reader judges it (one rule, Domain's DocumentKind.Group).
        var group = PolicyCodes.DocumentKinds.Parse(Kind) is { } kind ? PolicyCodes.DocumentKindGroups.Code(kind.Group()) : null;
        sb.Append("  kindGroup: ").AppendLine(Q(group));
        sb.Append("  municipality: ").AppendLine(Q(Municipality));
        sb.AppendLine("version:");
        sb.Append("  label: ").AppendLine(Q(Label));
        sb.Append("  adoptedBy: ").AppendLine(Q(AdoptedBy));
        sb.Append("  revisionResponsible: ").AppendLine(Q(RevisionResponsible));
        sb.Append("  followUpResponsible: ").AppendLine(Q(FollowUpResponsible));
        sb.Append("  appliesTo: ").AppendLine(Q(AppliesTo));
        sb.Append("  appliesToCompanies: ").AppendLine(AppliesToCompanies ? "true" : "false");
        sb.Append("  validUntil: ").AppendLine(Q(ValidUntil));
        sb.Append("  sdgs: [").Append(string.Join(", ", Sdgs.Select(n => n.ToString(CultureInfo.InvariantCulture)))).AppendLine("]");
        if (AdoptedOn is not null || CaseNumber is not null || MinuteParagraph is not null)
            sb.Append("  # The document states: adopted by ").Append(AdoptedBy ?? "?").Append(" on ").Append(AdoptedOn ?? "?")
              .Append(CaseNumber is null ? "" : ", case " + CaseNumber).Append(MinuteParagraph is null ? "" : ", " + MinuteParagraph)
              .AppendLine(". Record the adoption on the version's page.");
        sb.AppendLine("  decisions: []");
        sb.AppendLine(Goals.Count == 0 ? "  goals: []" : "  goals:");
        foreach (var g in Goals)
        {
            sb.Append("    - code: ").AppendLine(g.Code);
            sb.Append("      name: ").AppendLine(Q(g.Name));
            sb.Append("      kind: ").AppendLine(g.Kind);
            Block("      ", "clause", g.Clause);
        }
        if (Precondition is { } pc)
        {
            sb.AppendLine("  precondition:");
            sb.Append("    criteria: [").Append(string.Join(", ", pc.Criteria)).AppendLine("]");
            sb.Append("    exceptionBody: ").AppendLine(Q(pc.ExceptionBody));
            Block("    ", "clause", pc.Clause);
        }
        sb.AppendLine(Checks.Count == 0 ? "  checks: []" : "  checks:");
        foreach (var c in Checks)
        {
            sb.Append("    - kind: ").AppendLine(c.Kind);
            Block("      ", "clause", c.Clause);
            if (c.Parameters.Count == 0) sb.AppendLine("      parameters: {}");
            else
            {
                sb.AppendLine("      parameters:");
                foreach (var (name, value) in c.Parameters)
                {
                    sb.Append("        ").Append(name).Append(": ").AppendLine(value switch
                    {
                        null => "null",
                        bool b => b ? "true" : "false",
                        int i => i.ToString(CultureInfo.InvariantCulture),
                        string s => Q(s),
                        IEnumerable<string> list => "[" + string.Join(", ", list) + "]",
                        var v => Q(Convert.ToString(v, CultureInfo.InvariantCulture)),
                    });
                }
            }
        }
        if (Clauses.Count > 0)
        {
            sb.AppendLine("  clauses:");
            foreach (var c in Clauses)
            {
                sb.Append("    - code: ").AppendLine(c.Code);
                Block("      ", "clause", c.Clause);
                sb.Append("      handling: ").AppendLine(c.Handling);
                sb.Append("      why: ").AppendLine(Q(c.Why));
            }
        }
        foreach (var u in Unplaced) sb.Append("# Unplaced demand: ").AppendLine(u.Replace("\n", " "));
        Block("", "text", Text);
        return sb.ToString();
    }
}
