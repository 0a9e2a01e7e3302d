using CsCheck;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Countries;
using Omvarld.Domain.Policies;
using Omvarld.Domain.Tests.Countries;
using static Omvarld.Domain.Tests.Activities.ActivityTestData;

namespace Omvarld.Domain.Tests.Properties;

/// <summary>
/// Property-based tests (CsCheck) of the domain's guards: for any input, the guard accepts exactly what its rule
/// allows and the accepted state keeps the rule. CsCheck prints the seed and the shrunk input of a failure.
/// </summary>
public class GuardPropertyTests
{
    private static readonly Gen<decimal> Amount = Gen.OneOf(
        Gen.Decimal[-1_000_000m, 2 * FundingLine.MaxAmount],
        Gen.Decimal[0m, FundingLine.MaxAmount],
        Gen.OneOf(new[] { 0m, FundingLine.MaxAmount, FundingLine.MaxAmount + 0.01m, -0.01m, decimal.MaxValue, decimal.MinValue }));

    [Fact]
    public void Funding_AnyAmount_AcceptedExactlyWithinZeroToTheMaximum() =>
        Amount.Sample(amount =>
        {
            var activity = NewActivity();
            var (line, result) = activity.AddFunding(Own(amount), FundingRefs);
            var allowed = amount is >= 0 and <= FundingLine.MaxAmount;
            Assert.Equal(allowed, result.IsOk);
            if (allowed)
            {
                Assert.Equal(amount, line!.Amount);
                Assert.Equal(amount, line.AmountSek);
            }
            else
            {
                Assert.Equal("Funding_AmountInvalid", result.Error);
                Assert.Empty(activity.Funding);
            }
        });

    [Fact]
    public void Funding_Eur_AcceptedExactlyForAPositiveRateUpToTheMaximum_AndConvertedAtIt() =>
        Gen.Select(Gen.Decimal[0m, FundingLine.MaxAmount], Gen.Decimal[-5m, 2 * FundingLine.MaxExchangeRate]).Sample((amount, rate) =>
        {
            var (line, result) = NewActivity().AddFunding(Eu(amount) with { Amount = amount, ExchangeRate = rate }, FundingRefs);
            var allowed = rate > 0 && rate <= FundingLine.MaxExchangeRate;
            Assert.Equal(allowed, result.IsOk);
            if (!allowed) return;
            Assert.Equal(Math.Round(amount * rate, 2, MidpointRounding.AwayFromZero), line!.AmountSek);
            Assert.True(line.AmountSek >= 0);
        });

    private static readonly Gen<DateOnly> AnyDate = Gen.OneOf(
        Gen.DateOnly[new DateOnly(1, 1, 1), new DateOnly(9999, 12, 31)],
        Gen.DateOnly[new DateOnly(Activity.FirstYear - 2, 1, 1), new DateOnly(Activity.LastYear + 2, 12, 31)]);

    [Fact]
    public void Activity_AnyPeriod_AcceptedExactlyWhenBothDatesAreInRangeAndInOrder() =>
        Gen.Select(AnyDate, AnyDate.Nullable()).Sample((start, end) =>
        {
            var (activity, result) = Activity.Create(Municipality, Details(start: start) with { End = end }, Refs());
            static bool InRange(DateOnly d) => d.Year is >= Activity.FirstYear and <= Activity.LastYear;
            var allowed = InRange(start) && (end is not { } e || (InRange(e) && e >= start));
            Assert.Equal(allowed, result.IsOk);
            if (allowed)
            {
                Assert.Equal(start, activity!.PlannedStart);
                Assert.Equal(end, activity.PlannedEnd);
            }
            else Assert.Contains(result.Error, new[] { "Activity_DateOutOfRange", "Activity_EndBeforeStart" });
        });

    [Fact]
    public void Activity_AnyKindNumber_AcceptedExactlyWhenItIsAKind() =>
        Gen.Int.Sample(kind =>
        {
            var result = Activity.Create(Municipality, Details(kind: (ActivityKind)kind), Refs()).Result;
            Assert.Equal(Enum.IsDefined((ActivityKind)kind), result.IsOk);
        });

    [Fact]
    public void Sdg_AnyText_ParsesOnlyToAGoalOneToSeventeen_AndRoundTrips() =>
        Gen.OneOf(Gen.String, Gen.Int[-5, 25].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Select(Gen.Int[-5, 25], Gen.Int[0, 12], (g, t) => $"{g}.{t}"), Gen.Select(Gen.Int[1, 17], Gen.Char["ab"], (g, t) => $"{g}.{t}"))
        .Sample(text =>
        {
            if (Sdg.Parse(text) is not { } sdg) return;
            Assert.InRange(sdg.Goal, 1, 17);
            Assert.Equal(sdg, Sdg.Parse(sdg.ToString()));
        });

    private static readonly Gen<Validity> AnyValidity = Gen.OneOf(
        Gen.Const(Validity.Replaced),
        Gen.Int[2000, 2040].Select(Validity.ThroughYear),
        Gen.DateOnly[new DateOnly(2000, 1, 1), new DateOnly(2040, 12, 31)].Select(Validity.Through));

    [Fact]
    public void Validity_AnyValidity_RoundTripsThroughItsText() =>
        AnyValidity.Sample(v => Assert.Equal(v, Validity.Parse(v.ToString())));

    [Fact]
    public void Validity_AnyText_ParsesWithoutThrowing() =>
        Gen.String.Sample(text => { _ = Validity.Parse(text); });

    private static readonly Gen<List<VersionPeriod>> AnyVersions =
        Gen.Select(Gen.DateOnly[new DateOnly(2000, 1, 1), new DateOnly(2040, 12, 31)], AnyValidity)
            .Select((adopted, validity) => new VersionPeriod(Guid.NewGuid(), adopted.ToString("O"), adopted, validity))
            .List[0, 6];

    private static readonly Gen<DateOnly> OnDate = Gen.DateOnly[new DateOnly(1999, 1, 1), new DateOnly(2042, 12, 31)];

    [Fact]
    public void InForce_AnyVersionsAndDate_TheAnswerKeepsTheRule() =>
        Gen.Select(AnyVersions, OnDate).Sample((versions, date) =>
        {
            var result = InForce.On(date, versions);
            var adopted = versions.Where(v => v.AdoptedOn <= date).ToList();
            switch (result.Outcome)
            {
                case InForceOutcome.NotYetAdopted:
                    Assert.Empty(adopted);
                    break;
                case InForceOutcome.InForce:
                    var version = result.Version!;
                    Assert.Contains(version, adopted);
                    Assert.True(InForce.LastDay(version, versions) is not { } last || last >= date, "in force after its last day");
                    // No other adopted version is valid on that date.
                    Assert.DoesNotContain(adopted, v => v != version && (InForce.LastDay(v, versions) is not { } l || l >= date));
                    break;
                case InForceOutcome.Overlap:
                    Assert.True(result.Conflicting.Count >= 2);
                    Assert.All(result.Conflicting, v => Assert.True(v.AdoptedOn <= date && !v.Validity.UntilReplaced && v.Validity.LastDay >= date));
                    break;
                case InForceOutcome.Gap:
                    Assert.NotEmpty(adopted);
                    Assert.Contains(result.LastExpired!, adopted);
                    break;
            }
        });

    [Fact]
    public void InForce_TheOrderOfTheVersions_DoesNotChangeTheAnswer() =>
        Gen.Select(AnyVersions, OnDate, Gen.Int).Sample((versions, date, seed) =>
        {
            var shuffled = versions.OrderBy(_ => new Random(seed).Next()).ToList();
            var (a, b) = (InForce.On(date, versions), InForce.On(date, shuffled));
            Assert.Equal(a.Outcome, b.Outcome);
            Assert.Equal(a.Version, b.Version);
            Assert.Equal(a.Conflicting.ToHashSet(), b.Conflicting.ToHashSet());
        });

    [Fact]
    public void InForce_OverlapsWith_IsSymmetricForFixedPeriods() =>
        Gen.Select(AnyVersions, AnyVersions).Sample((left, right) =>
        {
            foreach (var a in left.Where(v => !v.Validity.UntilReplaced))
            foreach (var b in right.Where(v => !v.Validity.UntilReplaced))
                Assert.Equal(InForce.OverlapsWith(a, [b]).Count, InForce.OverlapsWith(b, [a]).Count);
        });

    private static readonly Gen<AssessmentOutcome> AnyOutcome = Gen.OneOf(new[] { AssessmentOutcome.Met, AssessmentOutcome.NotMet, AssessmentOutcome.Unclear });

    [Fact]
    public void Assessment_Combine_IsTheWorstOutcomeWhateverTheOrder() =>
        AnyOutcome.List[0, 8].Sample(outcomes =>
        {
            var expected = outcomes.Contains(AssessmentOutcome.NotMet) ? AssessmentOutcome.NotMet
                : outcomes.Contains(AssessmentOutcome.Unclear) ? AssessmentOutcome.Unclear : AssessmentOutcome.Met;
            Assert.Equal(expected, CountryAssessment.Combine(outcomes));
            Assert.Equal(expected, CountryAssessment.Combine(Enumerable.Reverse(outcomes)));
        });

    private static readonly string[] Countries = ReferenceData.Governance.Select(g => g.Iso3).Distinct().Order(StringComparer.Ordinal).ToArray();
    private static readonly PreconditionCriterion[] AllCriteria = Enum.GetValues<PreconditionCriterion>();

    [Fact]
    public void Assessment_AnyCountryDateAndCriteria_EachLevelCombinesTheOneBelow() =>
        Gen.Select(Gen.OneOf(Countries), Gen.DateOnly[new DateOnly(1995, 1, 1), new DateOnly(2035, 12, 31)], Gen.Shuffle(AllCriteria, 0, AllCriteria.Length))
            .Sample((iso3, on, required) =>
            {
                var result = CountryAssessment.Assess(ReferenceData.Evidence(iso3, "XX", iso3), PreconditionCriteria.Default, required, on);
                Assert.Equal(required, result.Criteria.Select(c => c.Criterion));
                Assert.Equal(CountryAssessment.Combine(result.Criteria.Select(c => c.Outcome)), result.DataOutcome);
                foreach (var criterion in result.Criteria)
                {
                    Assert.Equal(CountryAssessment.Combine(criterion.Readings.Select(r => r.Outcome)), criterion.Outcome);
                    // Data newer than the date assessed is never read.
                    Assert.All(criterion.Readings, r => Assert.True(r.Year is not { } y || y <= on.Year, $"{r.Indicator} of {r.Year} read on {on}"));
                }
            }, iter: 300);
}
