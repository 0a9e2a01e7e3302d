using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Policies.Reading;

/// <summary>A verbatim passage of the normalised text that a proposed item rests on.</summary>
public sealed record Passage(TextSpan Span, string Text);

/// <summary>A proposed metadata value with the passage it was read from; <c>Value</c> null means the document does not say.</summary>
public sealed record ProposedField(string? Value, Passage? Source)
{
    public static readonly ProposedField None = new(null, null);
}

public sealed record ProposedGoal(string Code, string Name, GoalKind Kind, Passage Clause);

public sealed record ProposedPrecondition(IReadOnlyList<PreconditionCriterion> Criteria, string? ExceptionBody, Passage Clause);

/// <summary>A catalogue check with its parameters (as <see cref="CheckDefinition"/> takes them) and the passages that demand it.</summary>
public sealed record ProposedCheck(CheckKind Kind, IReadOnlyDictionary<string, object> Parameters, IReadOnlyList<Passage> Clauses)
{
    /// <summary>The clause as the policy format writes it: passages in source order, separated by a blank line.</summary>
    public string Clause => string.Join("\n\n", Clauses.Select(c => c.Text));
}

public sealed record ProposedSdgs(IReadOnlyList<int> Numbers, IReadOnlyList<Passage> Sources);

/// <summary>
/// The draft the reader proposes for one document: every item with its passage. Metadata are read only from labelled
/// fields (the <i>styrdokument</i> box) or decision sentences, never guessed.
/// </summary>
public sealed record PolicyProposal(
    NormalisedText Source,
    ProposedField Title,
    ProposedField Kind,
    ProposedField AdoptedBy,
    ProposedField AdoptedOn,
    ProposedField RevisedOn,
    ProposedField RevisionResponsible,
    ProposedField FollowUpResponsible,
    ProposedField AppliesTo,
    ProposedField ValidUntil,
    ProposedField CaseNumber,
    ProposedField MinuteParagraph,
    IReadOnlyList<ProposedGoal> Goals,
    ProposedPrecondition? Precondition,
    IReadOnlyList<ProposedCheck> Checks,
    ProposedSdgs Sdgs,
    IReadOnlyList<Passage> UnplacedDemands)
{
    /// <summary>True where the text mentions companies (<i>bolag</i>) among those it applies to.</summary>
    public bool AppliesToCompanies => AppliesTo.Value?.Contains("bolag", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// A text with no goal, no catalogue check and no precondition is not a policy (a meeting agenda, a letter): the
    /// reader says so rather than hand back an empty draft.
    /// </summary>
    public bool HoldsPolicy => Goals.Count > 0 || Checks.Count > 0 || Precondition is not null;

    public IReadOnlyList<(string Name, ProposedField Field)> Metadata =>
    [
        ("title", Title), ("kind", Kind), ("adoptedBy", AdoptedBy), ("adoptedOn", AdoptedOn), ("revisedOn", RevisedOn),
        ("revisionResponsible", RevisionResponsible), ("followUpResponsible", FollowUpResponsible), ("appliesTo", AppliesTo),
        ("validUntil", ValidUntil), ("caseNumber", CaseNumber), ("minuteParagraph", MinuteParagraph),
    ];
}
