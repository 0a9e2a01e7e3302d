using Omvarld.Domain.Policies;

namespace Omvarld.Domain.Tests.Policies;

/// <summary>R2 over Borås's real history: 2009 (until replaced), 2016 (extended to 2021), 2023 (to 2027).</summary>
public class InForceTests
{
    private static readonly VersionPeriod Boras2009 = new(Guid.NewGuid(), "2009", new DateOnly(2002, 2, 19), Validity.Replaced);
    private static readonly VersionPeriod Boras2016 = new(Guid.NewGuid(), "2016", new DateOnly(2016, 1, 28), Validity.ThroughYear(2021));
    private static readonly VersionPeriod Boras2023 = new(Guid.NewGuid(), "2023", new DateOnly(2023, 6, 21), Validity.ThroughYear(2027));
    private static readonly VersionPeriod[] Boras = [Boras2009, Boras2016, Boras2023];

    [Theory]
    [InlineData("2010-05-01", "2009")]
    [InlineData("2016-01-27", "2009")]
    [InlineData("2016-01-28", "2016")]
    [InlineData("2017-06-01", "2016")]
    [InlineData("2021-12-31", "2016")]
    [InlineData("2023-06-21", "2023")]
    [InlineData("2024-01-01", "2023")]
    [InlineData("2027-12-31", "2023")]
    public void On_BorasHistory_GivesTheVersionInForce(string date, string label)
    {
        var result = InForce.On(DateOnly.Parse(date), Boras);
        Assert.Equal(InForceOutcome.InForce, result.Outcome);
        Assert.Equal(label, result.Version!.Label);
    }

    [Theory]
    [InlineData("2022-03-01")]
    [InlineData("2023-06-20")]
    public void On_AfterTheExtendedVersionExpired_ReportsAGapNamingTheExpiredVersion(string date)
    {
        var result = InForce.On(DateOnly.Parse(date), Boras);
        Assert.Equal(InForceOutcome.Gap, result.Outcome);
        Assert.Null(result.Version);
        Assert.Equal("2016", result.LastExpired!.Label);
    }

    [Fact]
    public void On_After2027_ReportsAGap() =>
        Assert.Equal(InForceOutcome.Gap, InForce.On(new DateOnly(2028, 1, 1), Boras).Outcome);

    [Fact]
    public void On_BeforeAnyAdoption_IsNotYetAdopted() =>
        Assert.Equal(InForceOutcome.NotYetAdopted, InForce.On(new DateOnly(2001, 1, 1), Boras).Outcome);

    [Fact]
    public void On_TwoVersionsWithOverlappingValidity_ReportsBothAndGuessesNone()
    {
        var rival = new VersionPeriod(Guid.NewGuid(), "2024-utkast", new DateOnly(2024, 1, 1), Validity.ThroughYear(2028));
        var result = InForce.On(new DateOnly(2025, 1, 1), [.. Boras, rival]);
        Assert.Equal(InForceOutcome.Overlap, result.Outcome);
        Assert.Equal(["2023", "2024-utkast"], result.Conflicting.Select(v => v.Label).Order());
    }

    [Fact]
    public void OverlapsWith_NewVersionInsideAnExistingPeriod_NamesTheConflict()
    {
        var candidate = new VersionPeriod(Guid.NewGuid(), "2025", new DateOnly(2025, 3, 1), Validity.ThroughYear(2029));
        Assert.Equal(["2023"], InForce.OverlapsWith(candidate, Boras).Select(v => v.Label));
    }

    [Fact]
    public void OverlapsWith_NewVersionAfterTheLastExpires_HasNone()
    {
        var candidate = new VersionPeriod(Guid.NewGuid(), "2028", new DateOnly(2028, 1, 1), Validity.ThroughYear(2031));
        Assert.Empty(InForce.OverlapsWith(candidate, Boras));
    }

    [Theory]
    [InlineData("2027", "2027-12-31")]
    [InlineData("2027-06-30", "2027-06-30")]
    [InlineData("replaced", null)]
    public void Validity_Parse_KnowsYearsDatesAndReplacement(string text, string? lastDay) =>
        Assert.Equal(lastDay is null ? null : DateOnly.Parse(lastDay), Validity.Parse(text)!.Value.LastDay);

    [Theory]
    [InlineData("")]
    [InlineData("27")]
    [InlineData("2027-13-01")]
    [InlineData("snart")]
    public void Validity_Parse_RefusesWhatItCannotRead(string text) => Assert.Null(Validity.Parse(text));
}

public class PolicyStatusTests
{
    private static readonly VersionPeriod V2009 = new(Guid.NewGuid(), "2009", new DateOnly(2002, 2, 19), Validity.Replaced);
    private static readonly VersionPeriod V2016 = new(Guid.NewGuid(), "2016", new DateOnly(2016, 1, 28), Validity.ThroughYear(2021));
    private static readonly VersionPeriod V2023 = new(Guid.NewGuid(), "2023", new DateOnly(2023, 6, 21), Validity.ThroughYear(2027));
    private static readonly VersionPeriod[] All = [V2009, V2016, V2023];

    [Fact]
    public void Of_BorasIn2026_ReplacedReplacedInForce()
    {
        var today = new DateOnly(2026, 11, 23);
        Assert.Equal(PolicyStatus.Replaced, PolicyStatuses.Of(V2009, All, today));
        Assert.Equal(PolicyStatus.Replaced, PolicyStatuses.Of(V2016, All, today));
        Assert.Equal(PolicyStatus.InForce, PolicyStatuses.Of(V2023, All, today));
    }

    [Fact]
    public void Of_2016In2022_IsExpiredNotReplaced() =>
        Assert.Equal(PolicyStatus.Expired, PolicyStatuses.Of(V2016, All, new DateOnly(2022, 3, 1)));

    [Fact]
    public void Of_NeverAdopted_IsDraft() => Assert.Equal(PolicyStatus.Draft, PolicyStatuses.Of(null, All, new DateOnly(2026, 1, 1)));

    [Fact]
    public void Of_AdoptedForALaterDate_IsAdoptedNotYetInForce() =>
        Assert.Equal(PolicyStatus.Adopted, PolicyStatuses.Of(V2023, All, new DateOnly(2023, 1, 1)));
}

public class RevisionWatchTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(null, RevisionState.NotDue)]          // valid until replaced (Upplands-Bro 2020)
    [InlineData("2027-12-31", RevisionState.NotDue)]  // Borås 2023, more than six months left
    [InlineData("2027-05-23", RevisionState.Due)]     // exactly six months left
    [InlineData("2026-11-23", RevisionState.Due)]     // last day today
    [InlineData("2021-12-31", RevisionState.Overdue)] // Borås 2016 after its extension ran out
    public void Assess_SixMonthsWarning(string? lastDay, RevisionState expected) =>
        Assert.Equal(expected, RevisionWatch.Assess(lastDay is null ? null : DateOnly.Parse(lastDay), Today, 6));
}
