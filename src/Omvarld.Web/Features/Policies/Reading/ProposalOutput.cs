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

    /// <summary>
    /// The proposal as a draft policy file: no decisions (a draft is never adopted by a file; the adoption the
    /// document states is given as a comment, for the version's page), <c>null</c> where the document says nothing.
    /// </summary>
    public static string Yaml(PolicyProposal p)
    {
        var sb = new StringBuilder();
        string Q(string? s) => s is null ? "null" : "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
        void Block(string indent, string key, string text)
        {
            sb.Append(indent).Append(key).AppendLine(": |-");
            foreach (var line in text.Split('\n')) sb.Append(indent).Append("  ").AppendLine(line);
        }
        var title = p.Title.Value;
        var key = title is null ? "UTKAST" : Omvarld.Domain.Policies.Reading.PolicyReader.Code(title).Replace('_', '-');
        sb.AppendLine("# Proposed by Omvärld's policy reader: review every item against the document before saving.");
        sb.AppendLine("format: omvarld-policy/1");
        sb.Append("key: ").AppendLine(Q(key + "-UTKAST"));
        sb.AppendLine("document:");
        sb.Append("  key: ").AppendLine(Q(key));
        sb.Append("  title: ").AppendLine(Q(title));
        sb.Append("  kind: ").AppendLine(Q(p.Kind.Value));
        var group = p.Kind.Value is "strategi" or "program" or "plan" ? "planerande" : p.Kind.Value is null ? null : "normerande";
        sb.Append("  kindGroup: ").AppendLine(Q(group));
        sb.AppendLine("  municipality: null");
        sb.AppendLine("version:");
        sb.Append("  label: ").AppendLine(Q(p.AdoptedOn.Value?[..4]));
        sb.Append("  adoptedBy: ").AppendLine(Q(p.AdoptedBy.Value));
        sb.Append("  revisionResponsible: ").AppendLine(Q(p.RevisionResponsible.Value));
        sb.Append("  followUpResponsible: ").AppendLine(Q(p.FollowUpResponsible.Value));
        sb.Append("  appliesTo: ").AppendLine(Q(p.AppliesTo.Value));
        sb.Append("  appliesToCompanies: ").AppendLine(p.AppliesToCompanies ? "true" : "false");
        sb.Append("  validUntil: ").AppendLine(Q(p.ValidUntil.Value));
        sb.Append("  sdgs: [").Append(string.Join(", ", p.Sdgs.Numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)))).AppendLine("]");
        if (p.AdoptedOn.Value is not null || p.CaseNumber.Value is not null || p.MinuteParagraph.Value is not null)
            sb.Append("  # The document states: adopted by ").Append(p.AdoptedBy.Value ?? "?").Append(" on ").Append(p.AdoptedOn.Value ?? "?")
              .Append(p.CaseNumber.Value is null ? "" : ", case " + p.CaseNumber.Value).Append(p.MinuteParagraph.Value is null ? "" : ", " + p.MinuteParagraph.Value)
              .AppendLine(". Record the adoption on the version's page.");
        sb.AppendLine("  decisions: []");
        sb.AppendLine(p.Goals.Count == 0 ? "  goals: []" : "  goals:");
        foreach (var g in p.Goals)
        {
            sb.Append("    - code: ").AppendLine(g.Code);
            sb.Append("      name: ").AppendLine(Q(g.Name));
            sb.Append("      kind: ").AppendLine(PolicyCodes.GoalKinds.Code(g.Kind));
            Block("      ", "clause", g.Clause.Text);
        }
        if (p.Precondition is { } pc)
        {
            sb.AppendLine("  precondition:");
            sb.Append("    criteria: [").Append(string.Join(", ", pc.Criteria.Select(PolicyCodes.Criteria.Code))).AppendLine("]");
            sb.Append("    exceptionBody: ").AppendLine(Q(pc.ExceptionBody));
            Block("    ", "clause", pc.Clause.Text);
        }
        sb.AppendLine(p.Checks.Count == 0 ? "  checks: []" : "  checks:");
        foreach (var c in p.Checks)
        {
            sb.Append("    - kind: ").AppendLine(PolicyCodes.CheckKinds.Code(c.Kind));
            Block("      ", "clause", c.Clause);
            if (c.Parameters.Count == 0) sb.AppendLine("      parameters: {}");
            else
            {
                sb.AppendLine("      parameters:");
                foreach (var (name, value) in c.Parameters)
                {
                    sb.Append("        ").Append(name).Append(": ").AppendLine(value switch
                    {
                        bool b => b ? "true" : "false",
                        int i => i.ToString(CultureInfo.InvariantCulture),
                        IEnumerable<string> list => "[" + string.Join(", ", list) + "]",
                        var v => v.ToString(),
                    });
                }
            }
        }
        foreach (var u in p.UnplacedDemands) sb.Append("# Unplaced demand: ").AppendLine(u.Text.Replace("\n", " "));
        Block("", "text", p.Source.Text);
        return sb.ToString();
    }
}
