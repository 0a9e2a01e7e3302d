using Omvarld.Domain.Organisation;
using Omvarld.Domain.Policies;

namespace Omvarld.Domain.Activities;

/// <summary>A goal the activity serves, by its code in the policy version, and how it serves it.</summary>
public sealed record GoalServed(string? Code, string? How);

/// <summary>
/// What the activity form and the API send for an activity's own fields, goals and SDGs; both call
/// <see cref="Activity.Create"/> and <see cref="Activity.Update"/> with it.
/// </summary>
/// <param name="End">The planned last day; null for open-ended work such as a network membership.</param>
/// <param name="Motivation">What the activity brings the city when it serves none of the policy's goals (Borås 2009).</param>
/// <param name="ChildPerspective">How children and young people are affected or take part (R19).</param>
/// <param name="CaseNumber"><i>Diarienummer</i>.</param>
/// <param name="AimedAtEnablingInternationalWork">
/// 003: an activity "som tydligt syftar till att underlätta" work with organisations in other countries is international
/// even without a foreign partner (e.g. a course preparing an EU application). Stated by the user, never guessed.
/// </param>
/// <param name="Sdgs">Goals (<c>11</c>) or targets (<c>11.3</c>).</param>
public sealed record ActivityDetails(
    string? Title,
    string? Description,
    ActivityKind Kind,
    Guid OwnerUnitId,
    Guid ResponsibleUserId,
    DateOnly Start,
    DateOnly? End,
    string? Purpose,
    string? ExpectedResults,
    string? Motivation,
    string? ChildPerspective,
    string? CaseNumber,
    bool AimedAtEnablingInternationalWork,
    IReadOnlyList<GoalServed> Goals,
    IReadOnlyList<string> Sdgs);

/// <summary>
/// What the details name, loaded by the caller: the owning unit (null when no unit of the municipality has the id) and
/// the goal codes of the policy version in force on the activity's start date (R7; none when no version is in force).
/// </summary>
public sealed record ActivityReferences(Unit? OwnerUnit, IReadOnlyCollection<string> GoalCodes)
{
    public static ActivityReferences For(Unit? ownerUnit, PolicyDefinition? policyInForceAtStart) =>
        new(ownerUnit, policyInForceAtStart?.Version.Goals.Select(g => g.Code).ToList() ?? []);
}
