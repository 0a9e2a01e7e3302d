namespace Omvarld.Domain.Policies;

/// <summary>A version's status, derived from its decisions and dates, never typed.</summary>
public enum PolicyStatus
{
    /// <summary>Not adopted.</summary>
    Draft = 1,
    /// <summary>Adopted, with an adoption date still ahead.</summary>
    Adopted = 2,
    InForce = 3,
    /// <summary>Its validity ran out and nothing replaced it.</summary>
    Expired = 4,
    /// <summary>A later version was adopted.</summary>
    Replaced = 5,
}

public static class PolicyStatuses
{
    /// <summary>The status of <paramref name="version"/> (null: never adopted) on <paramref name="today"/>, among the document's adopted versions.</summary>
    public static PolicyStatus Of(VersionPeriod? version, IReadOnlyCollection<VersionPeriod> adopted, DateOnly today)
    {
        if (version is null) return PolicyStatus.Draft;
        if (version.AdoptedOn > today) return PolicyStatus.Adopted;
        var replaced = adopted.Any(v => v.VersionId != version.VersionId && v.AdoptedOn > version.AdoptedOn && v.AdoptedOn <= today);
        if (replaced) return PolicyStatus.Replaced;
        return version.Validity.LastDay is { } last && last < today ? PolicyStatus.Expired : PolicyStatus.InForce;
    }
}
