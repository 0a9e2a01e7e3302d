using Omvarld.Domain.Common;

namespace Omvarld.Web.Data;

/// <summary>
/// How a policy version's precondition criteria are judged from the data in this municipality (issue 6.2): the
/// <see cref="Omvarld.Domain.Countries.PreconditionCriteria"/> as JSON. Absent: the documented defaults apply.
/// </summary>
public sealed class PolicyCriteriaSetting : ITenantOwned, IAudited, IVersioned
{
    public Guid MunicipalityId { get; set; }
    public Guid Id { get; set; }
    public Guid PolicyVersionId { get; set; }
    public string CriteriaJson { get; set; } = "{}";
    public int Version { get; set; }
}

/// <summary>
/// The last assessment of a partner country as the municipality saw it (issue 6.5): when a new data release changes
/// the outcome, the change is recorded as an <see cref="AssessmentChange"/>, never silently re-judged.
/// </summary>
public sealed class AssessmentSnapshot : ITenantOwned
{
    public Guid MunicipalityId { get; set; }
    public string CountryAlpha2 { get; set; } = "";
    public string Outcome { get; set; } = "";
    /// <summary>The readings behind it, in Swedish, one per line: what the coordinator compares.</summary>
    public string Summary { get; set; } = "";
    public string? Releases { get; set; }
    public DateTimeOffset AssessedAt { get; set; }
}

/// <summary>A partner country whose assessment changed with a new data release: old and new outcome and values, until the coordinator has seen it.</summary>
public sealed class AssessmentChange : ITenantOwned, IAudited
{
    public Guid MunicipalityId { get; set; }
    public Guid Id { get; set; }
    public string CountryAlpha2 { get; set; } = "";
    public string OldOutcome { get; set; } = "";
    public string NewOutcome { get; set; } = "";
    public string OldSummary { get; set; } = "";
    public string NewSummary { get; set; } = "";
    public string Release { get; set; } = "";
    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedBy { get; set; }
}
