using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Tests.Activities;

/// <summary>
/// The goals and checks of the seed policies (SeedData/Policies/*.yaml in the web project), built directly: the domain
/// tests do not reference the web project's file reader. Clauses are the files' own.
/// </summary>
internal static class SeedPolicies
{
    public const string Boras2009MotivationClause =
        "I de fall internationella samarbeten inte direkt kan kopplas till dessa områden bör det motiveras vad aktiviteten bidrar med till staden.";
    public const string Boras2009ResultsClause =
        "Att följa upp alla internationella aktiviteter som genomförs i en organisation innebär ett betydande arbete och därför är det naturligt att den uppföljning som sker av det internationella arbetet bör integreras vid rapportering av ordinarie verksamhet. Verksamheterna ska kunna besvara frågor kring utbyten, projekt och nätverk som man deltagit eller deltar i. Detta innebär att det finns information om vad har dessa lett fram till, vad mål och syfte varit alternativt finnas tillgängligt på annat sätt.";
    public const string Boras2009FundingClause =
        "Det är också viktigt att förvaltningen i samarbete med Internationell samordnare prövar möjligheterna till att genomföra projekt och initiativ med en internationell dimension i syfte att nå extern finansiering för genomförande av olika projekt.";
    public const string Boras2023GoalLinkageClause = "Internationella samarbeten ska bidra till följande:";
    public const string Boras2023PartiesClause = "Projektsamverkan, där en förutsättning är att flera parter medverkar.";
    public const string Boras2023FundingClause = "Det bör även finnas extern finansiering där så är möjligt, exempelvis genom EU-medel.";
    public const string Boras2023PreconditionClause =
        "En förutsättning för Borås Stads deltagande i internationella samarbeten är att landet/staden som samarbetet ingås med respekterar mänskliga rättigheter, är en demokrati och upprätthåller rättsstatens principer. Om en verksamhet vill ingå ett samarbete med en part som inte uppfyller kraven ska beslut om undantag fattas av Kommunstyrelsen.";
    public const string UpplandsBroChildClause =
        "Internationellt arbete syftar till att utveckla och förbättra de verksamheter som möts för kontakt och kunskapsutbyte. Detta gynnar barn och unga i deras kontakter med alla deltagande verksamheter. Barn och unga lever idag i en internationell värld och påverkas av omvärlden i sin vardag. Därför är det viktigt att barn och unga lär sig att förstå den roll de spelar i världen, för att bättre kunna förstå både omvärlden och sig själva. Det hjälper också barn och unga att aktivt delta i samhället.";
    public const string UpplandsBroResultsClause =
        "Ansvarar för den strategiska ledningen av det internationella arbetet och genomför årlig uppföljning och sammanställning.";
    public const string UpplandsBroFundingClause =
        "Upplands-Bros nämnder, styrelser och bolag skall aktivt arbeta för att ta del av EU:s fonder för verksamhetsutveckling, kunskapsutbyte och kompetensutveckling.";

    public static readonly PolicyDefinition Boras2009 = Policy("BORAS-2009", "2009",
        ["UTVECKLA_VERKSAMHET_OCH_NARINGSLIV", "PROFILERA_BORAS", "BEVAKA_OCH_PAVERKA_OMVARLDEN"],
        Check(CheckKind.MotivationWhenNoGoal, Boras2009MotivationClause),
        Check(CheckKind.ResultsReported, Boras2009ResultsClause, ("yearly", true), ("atCompletion", true)),
        Check(CheckKind.ExternalFundingSought, Boras2009FundingClause, ("severity", "info")));

    public static readonly PolicyDefinition Boras2016 = Policy("BORAS-2016", "2016",
        ["VERKSAMHETSUTVECKLING", "KUNSKAPSUTBYTEN", "PROFILERING", "OMVARLDSPAVERKAN"],
        Check(CheckKind.GoalLinkage, "Internationella samarbeten ska bidra till", ("minimumGoals", 1)));

    public static readonly PolicyDefinition Boras2023 = Policy("BORAS-2023", "2023",
        ["VERKSAMHETSUTVECKLING", "PROJEKTSAMVERKAN", "KUNSKAPSUTBYTEN", "PROFILERING", "OMVARLDSPAVERKAN", "DEMOKRATISKA_VARDERINGAR", "VANORTER"],
        Check(CheckKind.GoalLinkage, Boras2023GoalLinkageClause, ("minimumGoals", 1)),
        Check(CheckKind.ProjectCooperationParties, Boras2023PartiesClause, ("goalCode", "PROJEKTSAMVERKAN"), ("minimumParties", 2)),
        Check(CheckKind.ExternalFundingSought, Boras2023FundingClause, ("severity", "warning")),
        Check(CheckKind.PartnerPrecondition, Boras2023PreconditionClause, ("exceptionBody", "KS")));

    public static readonly PolicyDefinition UpplandsBro2020 = Policy("UPPLANDSBRO-2020", "2020",
        ["VERKSAMHETSUTVECKLING", "KUNSKAPSUTBYTE", "KOMPETENSUTVECKLING", "OMVARLDSBEVAKNING"],
        Check(CheckKind.ExternalFundingSought, UpplandsBroFundingClause, ("severity", "warning")),
        Check(CheckKind.YearlyActionPlan, "Arbetet skall beskrivas i en utvärderingsbar handlingsplan som utvärderas och revideras årligen.",
            ("unitKinds", (IReadOnlyList<string>)["committee", "company"]), ("evaluatedEveryYears", 1)),
        Check(CheckKind.ContactPersonPerOffice, "Nämnderna ansvarar för att en kontaktperson för informationsspridning och inspiration utses från varje kontor.",
            ("unitKinds", (IReadOnlyList<string>)["office"])),
        Check(CheckKind.ChildPerspective, UpplandsBroChildClause),
        Check(CheckKind.ResultsReported, UpplandsBroResultsClause, ("yearly", true), ("atCompletion", false)));

    public static readonly PolicyDefinition[] All = [Boras2009, Boras2016, Boras2023, UpplandsBro2020];

    public static CheckDefinition Check(CheckKind kind, string clause, params (string Name, object Value)[] parameters) =>
        new(kind, parameters.ToDictionary(p => p.Name, p => p.Value), clause);

    public static CheckDefinition CheckOf(this PolicyDefinition policy, CheckKind kind) => policy.Version.Checks.Single(c => c.Kind == kind);

    /// <summary>A copy of <paramref name="policy"/> demanding only <paramref name="checks"/>.</summary>
    public static PolicyDefinition With(this PolicyDefinition policy, params CheckDefinition[] checks) =>
        policy with { Version = policy.Version with { Checks = checks } };

    private static PolicyDefinition Policy(string key, string label, string[] goalCodes, params CheckDefinition[] checks)
    {
        var goals = goalCodes.Select(c => new GoalDefinition(c, c, GoalKind.Goal, c)).ToList();
        var version = new VersionDefinition(label, "KF", "Kommunstyrelsen", "Kommunstyrelsen", "Alla nämnder", true, Validity.Replaced, [],
            [], goals, null, checks);
        var document = new DocumentDefinition(key, "Internationell policy", DocumentKind.Policy, DocumentKindGroup.Normative, "normerande", null, key);
        return new PolicyDefinition(key, document, version, [], [], "");
    }
}
