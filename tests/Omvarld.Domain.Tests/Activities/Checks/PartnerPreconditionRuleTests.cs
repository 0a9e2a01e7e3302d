using Omvarld.Domain.Activities;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Domain.Countries;
using Omvarld.Domain.Partners;
using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Checks;
using Omvarld.Domain.Tests.Countries;
using static Omvarld.Domain.Tests.Activities.ActivityTestData;

namespace Omvarld.Domain.Tests.Activities.Checks;

/// <summary>The partner precondition of Borås 2023 on an activity, with partners assessed from the shipped country data.</summary>
public class PartnerPreconditionRuleTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);
    private static readonly PolicyDefinition Policy = SeedPolicies.Boras2023.With(SeedPolicies.Boras2023.CheckOf(CheckKind.PartnerPrecondition));
    private static readonly IReadOnlySet<string> KnownCountries = new HashSet<string> { "SE", "CN", "HU", "AD", "LT" };
    private static readonly PreconditionCriterion[] Criteria = [PreconditionCriterion.HumanRights, PreconditionCriterion.Democracy, PreconditionCriterion.RuleOfLaw];

    private static readonly AssessmentResult Sweden = Assess("SWE", "SE", "Sverige");
    private static readonly AssessmentResult China = Assess("CHN", "CN", "Kina");
    private static readonly AssessmentResult Andorra = Assess("AND", "AD", "Andorra");
    private static readonly AssessmentResult Lithuania = Assess("LTU", "LT", "Litauen");

    private static AssessmentResult Assess(string iso3, string alpha2, string name) =>
        CountryAssessment.Assess(ReferenceData.Evidence(iso3, alpha2, name), PreconditionCriteria.Default, Criteria, Today);

    private static PartnerOrganisation NewPartner(string name, string country)
    {
        var (partner, result) = PartnerOrganisation.Create(Municipality, new PartnerDetails(name, PartnerType.University, null, country, null), KnownCountries);
        Assert.True(result.IsOk, result.Error);
        return partner!;
    }

    private static Activity WithPartners(params PartnerOrganisation[] partners)
    {
        var activity = NewActivity();
        foreach (var p in partners) Ok(activity.AddPartner(p, PartnerRole.Partner));
        return activity;
    }

    private static PreconditionException Exception(Activity activity, PartnerOrganisation partner, DateOnly decidedOn, DateOnly validUntil)
    {
        var decision = new ExceptionDecision(null, decidedOn, "§ 87", "KS 2025/00042", "Undantag medges.", activity.Id, partner.Id, validUntil);
        var (exception, result) = PreconditionException.Create(Municipality, decision, activity.Partners.Select(p => p.PartnerId).ToList(),
            PreconditionExceptionTests.KsSecretariat, PreconditionExceptionTests.Secretary, DateTimeOffset.UnixEpoch);
        Assert.True(result.IsOk, result.Error);
        return exception!;
    }

    private static IReadOnlyList<Finding> Evaluate(Activity activity, params (PartnerOrganisation Partner, AssessmentResult Assessment, PreconditionException[] Exceptions)[] standings) =>
        ActivityRules.Evaluate(new ActivityCheckContext(activity, Policy, Today)
        {
            PartnerStandings = standings.ToDictionary(s => s.Partner.Id, s => PartnerStanding.Of(s.Partner, s.Assessment, s.Exceptions)),
        });

    private static void AssertCitesTheClause(Finding finding)
    {
        Assert.Equal(CheckKind.PartnerPrecondition, finding.Check);
        Assert.Equal(SeedPolicies.Boras2023PreconditionClause, finding.Clause);
        Assert.Equal(("BORAS-2023", "2023", "Partners"), (finding.PolicyVersionKey, finding.PolicyVersionLabel, finding.Field));
    }

    [Fact]
    public void PartnerNotMet_BlocksNamingPartnerAndCountry_CitingTheClause()
    {
        var fudan = NewPartner("Fudan-universitetet", "CN");
        var activity = WithPartners(fudan);

        var finding = Assert.Single(Evaluate(activity, (fudan, China, [])));

        AssertCitesTheClause(finding);
        Assert.Equal((FindingSeverity.Blocking, "Finding_PartnerPreconditionNotMet"), (finding.Severity, finding.MessageKey));
        Assert.Equal(new object[] { "Fudan-universitetet", "Kina", "KS" }, finding.Args);
        Assert.True(ActivityRules.AnyBlocking([finding]));
    }

    [Fact]
    public void PartnerUnclear_Blocks()
    {
        var andorra = NewPartner("Comú d'Andorra la Vella", "AD");
        var finding = Assert.Single(Evaluate(WithPartners(andorra), (andorra, Andorra, [])));
        Assert.Equal((FindingSeverity.Blocking, "Finding_PartnerPreconditionUnclear"), (finding.Severity, finding.MessageKey));
    }

    [Fact]
    public void SwedishPartner_AssessedAndMet_NoFinding()
    {
        var hb = NewPartner("Högskolan i Borås", "SE");
        Assert.Equal(AssessmentOutcome.Met, Sweden.Outcome);
        Assert.Empty(Evaluate(WithPartners(hb), (hb, Sweden, [])));
    }

    [Fact]
    public void ValidException_InformsInsteadOfBlocking()
    {
        var fudan = NewPartner("Fudan-universitetet", "CN");
        var activity = WithPartners(fudan);
        var exception = Exception(activity, fudan, new DateOnly(2025, 2, 26), new DateOnly(2026, 12, 31));

        var finding = Assert.Single(Evaluate(activity, (fudan, China, [exception])));

        AssertCitesTheClause(finding);
        Assert.Equal((FindingSeverity.Info, "Finding_PartnerPreconditionException"), (finding.Severity, finding.MessageKey));
        Assert.Equal(new object[] { "Fudan-universitetet", "Kina", "Kommunstyrelsen", new DateOnly(2025, 2, 26), "§ 87", "KS 2025/00042", new DateOnly(2026, 12, 31) }, finding.Args);
        Assert.False(ActivityRules.AnyBlocking([finding]));
    }

    [Fact]
    public void ValidException_EndingBeforeTheActivity_AlsoWarns()
    {
        var fudan = NewPartner("Fudan-universitetet", "CN");
        var activity = WithPartners(fudan); // planned to end 2026-03-31
        var exception = Exception(activity, fudan, new DateOnly(2025, 2, 26), new DateOnly(2025, 12, 31));

        var findings = Evaluate(activity, (fudan, China, [exception]));

        Assert.Equal(["Finding_PartnerPreconditionException", "Finding_PartnerPreconditionExceptionEndsEarly"], findings.Select(f => f.MessageKey));
        Assert.Equal(FindingSeverity.Warning, findings[1].Severity);
        Assert.False(ActivityRules.AnyBlocking(findings));
    }

    [Fact]
    public void ExpiredException_BlocksAgain()
    {
        var fudan = NewPartner("Fudan-universitetet", "CN");
        var activity = WithPartners(fudan);
        var expired = Exception(activity, fudan, new DateOnly(2024, 2, 1), new DateOnly(2025, 5, 31));

        var finding = Assert.Single(Evaluate(activity, (fudan, China, [expired])));

        AssertCitesTheClause(finding);
        Assert.Equal((FindingSeverity.Blocking, "Finding_PartnerPreconditionExceptionExpired"), (finding.Severity, finding.MessageKey));
        Assert.Equal(new object[] { "Fudan-universitetet", "Kina", "Kommunstyrelsen", new DateOnly(2024, 2, 1), new DateOnly(2025, 5, 31) }, finding.Args);
    }

    [Fact]
    public void ExpiredAndRenewedException_TheRenewalCounts()
    {
        var fudan = NewPartner("Fudan-universitetet", "CN");
        var activity = WithPartners(fudan);
        var expired = Exception(activity, fudan, new DateOnly(2024, 2, 1), new DateOnly(2025, 5, 31));
        var renewed = Exception(activity, fudan, new DateOnly(2025, 5, 28), new DateOnly(2026, 6, 30));

        Assert.Equal(FindingSeverity.Info, Assert.Single(Evaluate(activity, (fudan, China, [expired, renewed]))).Severity);
    }

    [Fact]
    public void ExceptionForAnotherActivityOrPartner_DoesNotCover()
    {
        var fudan = NewPartner("Fudan-universitetet", "CN");
        var tsinghua = NewPartner("Tsinghua-universitetet", "CN");
        var activity = WithPartners(fudan, tsinghua);
        var other = WithPartners(fudan);
        var forOtherActivity = Exception(other, fudan, new DateOnly(2025, 2, 26), new DateOnly(2026, 12, 31));
        var forOtherPartner = Exception(activity, tsinghua, new DateOnly(2025, 2, 26), new DateOnly(2026, 12, 31));

        var findings = Evaluate(activity, (fudan, China, [forOtherActivity, forOtherPartner]), (tsinghua, China, [forOtherPartner]));

        Assert.Equal([("Finding_PartnerPreconditionNotMet", "Fudan-universitetet"), ("Finding_PartnerPreconditionException", "Tsinghua-universitetet")],
            findings.Select(f => (f.MessageKey, (string)f.Args[0])));
    }

    [Fact]
    public void ManualJudgementMet_NoFinding()
    {
        var fudan = NewPartner("Fudan-universitetet", "CN");
        var (judgement, result) = ManualJudgement.Create(Municipality,
            new JudgementDetails("CN", null, AssessmentOutcome.Met, "Bedömt av kommunstyrelsen efter dialog.", null), KnownCountries, Editor, DateTimeOffset.UnixEpoch);
        Assert.True(result.IsOk, result.Error);
        var judged = CountryAssessment.Judge(China, [judgement!]);

        Assert.Empty(Evaluate(WithPartners(fudan), (fudan, judged, [])));
        Assert.Single(Evaluate(WithPartners(fudan), (fudan, China, [])));
    }

    [Fact]
    public void NoStandings_NoFinding()
    {
        var fudan = NewPartner("Fudan-universitetet", "CN");
        var vilnius = NewPartner("Vilniaus universitetas", "LT");
        var activity = WithPartners(fudan, vilnius);

        Assert.Empty(ActivityRules.Evaluate(new ActivityCheckContext(activity, Policy, Today)));
        // A standing for Vilnius only: Fudan, without one, is not judged.
        Assert.Empty(Evaluate(activity, (vilnius, Lithuania, [])));
    }

    [Fact]
    public void Standing_OfAnotherCountrysAssessment_IsABugOfTheCaller()
    {
        var fudan = NewPartner("Fudan-universitetet", "CN");
        Assert.Throws<ArgumentException>(() => PartnerStanding.Of(fudan, Sweden, []));
    }

    [Fact]
    public void PolicyWithoutTheCheck_NoFinding()
    {
        var fudan = NewPartner("Fudan-universitetet", "CN");
        var activity = WithPartners(fudan);
        var ctx = new ActivityCheckContext(activity, SeedPolicies.Boras2016, Today)
        {
            PartnerStandings = new Dictionary<Guid, PartnerStanding> { [fudan.Id] = PartnerStanding.Of(fudan, China, []) },
        };
        Assert.DoesNotContain(ActivityRules.Evaluate(ctx), f => f.Check == CheckKind.PartnerPrecondition);
    }
}
