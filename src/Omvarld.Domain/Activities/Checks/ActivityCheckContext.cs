using Omvarld.Domain.Countries;
using Omvarld.Domain.Partners;
using Omvarld.Domain.Policies;

namespace Omvarld.Domain.Activities.Checks;

/// <summary>
/// What the activity rules need, loaded by the caller: the activity, the policy version whose checks apply (the one in
/// force at the activity's start, R7), today's date (no clock in the domain) and the municipality's due-date rules.
/// </summary>
public sealed record ActivityCheckContext(Activity Activity, PolicyDefinition Policy, DateOnly Today, ResultsDueRules DueRules)
{
    public ActivityCheckContext(Activity activity, PolicyDefinition policy, DateOnly today) : this(activity, policy, today, ResultsDueRules.Default) { }

    /// <summary>
    /// R8, R9: each partner's standing against the precondition, by partner id, with the exceptions recorded for this
    /// activity. Null when the caller has no country data at hand: <see cref="PartnerPreconditionRule"/> then says
    /// nothing, as it does for a partner missing from the dictionary.
    /// </summary>
    public IReadOnlyDictionary<Guid, PartnerStanding>? PartnerStandings { get; init; }

    /// <summary>
    /// Whether the owning unit is a municipal company (<i>bolag</i>) or part of one. A version that does not cover
    /// companies (Borås 2016, 2023: "nämnder och förvaltningar") judges none of their activities.
    /// </summary>
    public bool OwnerIsCompany { get; init; }

    /// <summary>Whether the version applies to the owning unit at all (its <c>appliesTo</c>, <c>appliesToCompanies</c>).</summary>
    public bool Covered => Policy.Version.Covers(OwnerIsCompany);

    /// <summary>The codes of the activity's goals that are goals of <see cref="Policy"/>.</summary>
    public IReadOnlySet<string> GoalsServed { get; } =
        Activity.Goals.Select(g => g.GoalCode).Intersect(Policy.Version.Goals.Select(g => g.Code), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
}

/// <summary>
/// R11: when results reports are due. A yearly report covers one calendar year and is due on the last day of
/// <see cref="YearlyDueMonth"/> of the following year (default: the end of February, in time for the annual reports).
/// The final report is due <see cref="FinalDueDays"/> days after the actual end (default 60). A report is flagged as
/// due soon from <see cref="DueSoonDays"/> days before its due date (default 30), as overdue from the day after it.
/// </summary>
public sealed record ResultsDueRules
{
    public ResultsDueRules(int yearlyDueMonth = 2, int finalDueDays = 60, int dueSoonDays = 30)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(yearlyDueMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(yearlyDueMonth, 12);
        ArgumentOutOfRangeException.ThrowIfNegative(finalDueDays);
        ArgumentOutOfRangeException.ThrowIfNegative(dueSoonDays);
        YearlyDueMonth = yearlyDueMonth;
        FinalDueDays = finalDueDays;
        DueSoonDays = dueSoonDays;
    }

    public static readonly ResultsDueRules Default = new();

    public int YearlyDueMonth { get; }
    public int FinalDueDays { get; }
    public int DueSoonDays { get; }

    /// <summary>The last day to report <paramref name="year"/>: the last day of <see cref="YearlyDueMonth"/> of the next year.</summary>
    public DateOnly YearlyDue(int year) => new(year + 1, YearlyDueMonth, DateTime.DaysInMonth(year + 1, YearlyDueMonth));

    public DateOnly FinalDue(DateOnly actualEnd) => actualEnd.AddDays(FinalDueDays);
}

/// <summary>
/// One partner of the activity against the precondition: its assessment's outcome (after any judgement) and the KS
/// exceptions recorded for it. <see cref="Exceptions"/> may hold exceptions for other activities or partners; the rule
/// uses only those covering this activity and partner.
/// </summary>
public sealed record PartnerStanding(string PartnerName, string CountryAlpha2, string CountryName, AssessmentOutcome Outcome)
{
    public IReadOnlyList<PreconditionException> Exceptions { get; init; } = [];

    /// <param name="assessment">The assessment of the partner's country (or city), after any judgement.</param>
    public static PartnerStanding Of(PartnerOrganisation partner, AssessmentResult assessment, IEnumerable<PreconditionException> exceptions)
    {
        if (!string.Equals(partner.CountryCode, assessment.Alpha2, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"The assessment is of {assessment.Alpha2}, the partner is in {partner.CountryCode}.", nameof(assessment));
        return new(partner.Name, partner.CountryCode, assessment.CountryName, assessment.Outcome)
        {
            Exceptions = exceptions.Where(e => e.PartnerId == partner.Id).ToList(),
        };
    }
}
