namespace Omvarld.Domain.Policies;

/// <summary>What the in-force rule needs of one adopted version of a governing document.</summary>
public sealed record VersionPeriod(Guid VersionId, string Label, DateOnly AdoptedOn, Validity Validity);

public enum InForceOutcome
{
    /// <summary>Exactly one version is in force.</summary>
    InForce,
    /// <summary>No version is in force: the last one expired and none has replaced it yet (R3: KS must revise).</summary>
    Gap,
    /// <summary>No version had been adopted yet on that date.</summary>
    NotYetAdopted,
    /// <summary>Two versions claim the date: a data error that must be mended, never guessed.</summary>
    Overlap,
}

public sealed record InForceResult(InForceOutcome Outcome, VersionPeriod? Version, VersionPeriod? LastExpired, IReadOnlyList<VersionPeriod> Conflicting)
{
    public bool IsInForce => Outcome == InForceOutcome.InForce;
}

/// <summary>
/// R2: the version in force on a date is the one adopted on or before it, not expired, and not replaced by a later
/// adopted version. A gap or an overlap is reported, not guessed.
/// </summary>
public static class InForce
{
    /// <summary>The day a version stops being valid (its last day), taking replacement by a later adoption into account.</summary>
    public static DateOnly? LastDay(VersionPeriod version, IEnumerable<VersionPeriod> allVersions)
    {
        var replacedBy = allVersions.Where(v => v.VersionId != version.VersionId && v.AdoptedOn > version.AdoptedOn)
            .OrderBy(v => v.AdoptedOn).FirstOrDefault();
        var byReplacement = replacedBy?.AdoptedOn.AddDays(-1);
        var byValidity = version.Validity.LastDay;
        return (byReplacement, byValidity) switch
        {
            (null, null) => null,
            ({ } r, null) => r,
            (null, { } v) => v,
            ({ } r, { } v) => r < v ? r : v,
        };
    }

    public static InForceResult On(DateOnly date, IReadOnlyCollection<VersionPeriod> versions)
    {
        var adopted = versions.Where(v => v.AdoptedOn <= date).ToList();
        if (adopted.Count == 0) return new(InForceOutcome.NotYetAdopted, null, null, []);
        // Validity alone decides overlap: two versions whose own validity both covers the date.
        var claiming = adopted.Where(v => v.Validity.LastDay is not { } last || last >= date).ToList();
        var inForce = adopted.Where(v => LastDay(v, versions) is not { } last || last >= date).ToList();
        var overlapping = claiming.Where(v => !v.Validity.UntilReplaced).ToList();
        if (overlapping.Count > 1) return new(InForceOutcome.Overlap, null, null, overlapping);
        if (inForce.Count == 1) return new(InForceOutcome.InForce, inForce[0], null, []);
        var lastExpired = adopted.OrderByDescending(v => v.AdoptedOn).First();
        return new(InForceOutcome.Gap, null, lastExpired, []);
    }

    /// <summary>Versions that would overlap <paramref name="candidate"/> if it were adopted: refused at adoption, naming them.</summary>
    public static IReadOnlyList<VersionPeriod> OverlapsWith(VersionPeriod candidate, IEnumerable<VersionPeriod> adopted)
    {
        var candidateEnd = candidate.Validity.LastDay ?? DateOnly.MaxValue;
        return adopted.Where(v => v.VersionId != candidate.VersionId && !v.Validity.UntilReplaced)
            .Where(v => v.AdoptedOn <= candidateEnd && (v.Validity.LastDay ?? DateOnly.MaxValue) >= candidate.AdoptedOn)
            .ToList();
    }
}
