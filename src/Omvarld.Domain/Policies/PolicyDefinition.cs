using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Policies;

/// <summary>
/// One policy version as a policy file (<c>omvarld-policy/1</c>) states it: validated, immutable, not yet stored.
/// </summary>
/// <param name="Text">The full text; null when the text of the version is not known (Borås's 2002 version: only its
/// adoption is known). Such a version has no goals and no checks: nothing is judged by a text nobody has.</param>
public sealed record PolicyDefinition(
    string Key,
    DocumentDefinition Document,
    VersionDefinition Version,
    IReadOnlyList<ActivityKindDefinition> ActivityKinds,
    IReadOnlyList<TermDefinition> Definitions,
    string? Text)
{
    public bool TextKnown => Text is not null;
}

/// <summary>The governing document (<i>styrdokument</i>) the version belongs to; the same for all its versions.</summary>
/// <param name="KindGroupTerm">The seed's own word for the group: <c>planerande</c>, <c>aktiverande</c> (2016's name for planning) or <c>normerande</c>.</param>
public sealed record DocumentDefinition(
    string Key,
    string Title,
    DocumentKind Kind,
    DocumentKindGroup KindGroup,
    string KindGroupTerm,
    string? KindMeaning,
    string Municipality);

public sealed record VersionDefinition(
    string Label,
    string AdoptedBy,
    string? RevisionResponsible,
    string? FollowUpResponsible,
    string AppliesTo,
    bool AppliesToCompanies,
    Validity ValidUntil,
    IReadOnlyList<int> Sdgs,
    IReadOnlyList<DecisionDefinition> Decisions,
    IReadOnlyList<GoalDefinition> Goals,
    PreconditionDefinition? Precondition,
    IReadOnlyList<CheckDefinition> Checks)
{
    /// <summary>
    /// The version's clauses that are not checks of an activity: duties of a body, principles, what the version says
    /// the work shall be; each with what the software does with it (<see cref="ClauseHandling"/>).
    /// </summary>
    public IReadOnlyList<ClauseDefinition> Clauses { get; init; } = [];

    /// <summary>Whether the version covers municipal companies (<i>bolag</i>) besides committees and administrations.</summary>
    public bool Covers(bool isCompany) => !isCompany || AppliesToCompanies;

    /// <summary>The first adoption decision's date; null when the source gives none.</summary>
    public DateOnly? AdoptedOn => Decisions.FirstOrDefault(d => d.Kind == DecisionKind.Adopted)?.Date;
}

/// <summary>An adoption, revision, extension or replacement decision, with what the source gives of it.</summary>
public sealed record DecisionDefinition(
    DecisionKind Kind,
    string Body,
    DateOnly? Date,
    string? ProposedBy,
    string? CaseNumber,
    string? MinuteParagraph,
    Validity? ValidUntil,
    string? Text,
    string? Note);

/// <summary>A goal (or, in Borås 2009, a purpose: <i>syfte</i>) with the clause that names it.</summary>
public sealed record GoalDefinition(string Code, string Name, GoalKind Kind, string Clause);

/// <summary>The partner precondition (Borås 2023): what a partner must respect, and who may decide an exception.</summary>
public sealed record PreconditionDefinition(IReadOnlyList<PreconditionCriterion> Criteria, string ExceptionBody, string Clause);

/// <summary>An activity kind the policy itself lists (Borås 2009).</summary>
public sealed record ActivityKindDefinition(string Name, string Clause);

/// <summary>A term the policy defines (Borås 2009).</summary>
public sealed record TermDefinition(string Term, string Clause);

/// <summary>What the software does with a clause that is not an activity check.</summary>
public enum ClauseHandling
{
    /// <summary>A duty the software reports on (a list, a flag, a figure in the compilation), citing the clause.</summary>
    Report = 1,
    /// <summary>Shown as text: a principle or aim the software cannot judge.</summary>
    Text = 2,
}

/// <summary>A clause of the version that is not an activity check, verbatim, with how the software treats it and why.</summary>
/// <param name="Code">ASCII UPPER_SNAKE_CASE, unique within the version.</param>
/// <param name="Why">Why the software treats it so (English, from the policy file).</param>
public sealed record ClauseDefinition(string Code, string Clause, ClauseHandling Handling, string Why);
