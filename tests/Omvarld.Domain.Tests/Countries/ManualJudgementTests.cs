using Omvarld.Domain.Countries;

namespace Omvarld.Domain.Tests.Countries;

public class ManualJudgementTests
{
    private static readonly Guid Municipality = Guid.NewGuid();
    private static readonly Guid Coordinator = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2025, 5, 2, 9, 0, 0, TimeSpan.FromHours(2));
    private static readonly IReadOnlySet<string> Countries = new HashSet<string> { "SE", "CN", "HU" };

    private static JudgementDetails Details(string? country = "hu", string? city = null, AssessmentOutcome outcome = AssessmentOutcome.Met,
        string? reason = "Samarbetet gäller universitetet i Pécs, som är fristående.", string? evidence = null) =>
        new(country, city, outcome, reason, evidence);

    [Fact]
    public void Create_CarriesWhoWhenWhy()
    {
        var (judgement, result) = ManualJudgement.Create(Municipality, Details(city: "  Pécs ", evidence: "Rapport från ICLD 2024"), Countries, Coordinator, At);

        Assert.True(result.IsOk, result.Error);
        Assert.Equal(("HU", "Pécs", AssessmentOutcome.Met), (judgement!.CountryAlpha2, judgement.City, judgement.Outcome));
        Assert.Equal((Coordinator, At, Municipality), (judgement.JudgedByUserId, judgement.JudgedAt, judgement.MunicipalityId));
        Assert.Equal("Rapport från ICLD 2024", judgement.Evidence);
        Assert.StartsWith("Samarbetet", judgement.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<JudgementDetails, string> Invalid => new()
    {
        { Details(reason: "   "), "Judgement_ReasonRequired" },
        { Details(reason: new string('a', ManualJudgement.ReasonMaxLength + 1)), "Judgement_ReasonTooLong" },
        { Details(evidence: new string('a', ManualJudgement.EvidenceMaxLength + 1)), "Judgement_EvidenceTooLong" },
        { Details(outcome: AssessmentOutcome.Unclear), "Judgement_OutcomeInvalid" },
        { Details(country: null), "Judgement_CountryRequired" },
        { Details(country: "XX"), "Judgement_CountryUnknown" },
        { Details(city: new string('a', ManualJudgement.CityMaxLength + 1)), "Judgement_CityTooLong" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Create_Refuses(JudgementDetails details, string key)
    {
        var (judgement, result) = ManualJudgement.Create(Municipality, details, Countries, Coordinator, At);
        Assert.Null(judgement);
        Assert.Equal(key, result.Error);
    }

    [Fact]
    public void Update_ChangesEverythingOrNothing()
    {
        var (judgement, _) = ManualJudgement.Create(Municipality, Details(), Countries, Coordinator, At);
        var other = Guid.NewGuid();

        var refused = judgement!.Update(Details(outcome: AssessmentOutcome.NotMet, reason: null), Countries, other, At.AddDays(1));
        Assert.Equal("Judgement_ReasonRequired", refused.Error);
        Assert.Equal((AssessmentOutcome.Met, Coordinator), (judgement.Outcome, judgement.JudgedByUserId));

        Assert.True(judgement.Update(Details(outcome: AssessmentOutcome.NotMet), Countries, other, At.AddDays(1)).IsOk);
        Assert.Equal((AssessmentOutcome.NotMet, other, At.AddDays(1)), (judgement.Outcome, judgement.JudgedByUserId, judgement.JudgedAt));
    }
}
