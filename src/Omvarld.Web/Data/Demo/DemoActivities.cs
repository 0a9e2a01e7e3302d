using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Domain.Countries;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Partners;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Reference;

namespace Omvarld.Web.Data.Demo;

internal sealed record DemoPartner(string Key, string Name, PartnerType Type, string? City, string Country);

/// <summary>A funding line; <c>Programme</c> is an EU programme code, an other funder's name, or null for the unit's own budget.</summary>
internal sealed record DemoFunding(FundingSource Source, string? Programme, decimal Amount, FundingStatus Status, int StatusDaysFromStart = -60,
    Currency Currency = Currency.Sek, FunderKind? FunderKind = null);

internal sealed record DemoTrip(string City, string Country, int DaysFromStart, int Days, string Travellers, int Count, decimal? Cost, string Purpose);

/// <summary>
/// One demo activity and the status it is walked to through the workflow methods. <c>Partners</c> are keys of the
/// municipality's demo partners with their roles; <c>YearlyResults</c> are the calendar years reported.
/// </summary>
internal sealed record DemoActivity(
    string Title, ActivityKind Kind, string Unit, DateOnly Start, DateOnly? End, ActivityStatus Status, string Summary,
    string[] Goals, string[] Sdgs, (string Partner, PartnerRole Role)[] Partners, DemoFunding[] Funding,
    string? Child = null, DemoTrip[]? Trips = null, int[]? YearlyResults = null, string? CaseNumber = null,
    bool EnablesInternationalWork = false, int? RunsAtLeastDaysPastToday = null)
{
    /// <summary>
    /// The planned end, or, for an activity whose point in the demo is that it runs on (an exception ending while it
    /// runs), the day <see cref="RunsAtLeastDaysPastToday"/> days after the demo is created if that is later: the one
    /// kind of date besides the ending exception that follows the day the demo is created.
    /// </summary>
    public DateOnly? EndOn(DateOnly today) =>
        RunsAtLeastDaysPastToday is { } days && End is { } end && end < today.AddDays(days) ? today.AddDays(days) : End;
}

/// <summary>
/// The demo's partner directories and international activities: fictitious, marked so ("(fiktiv)" in partner names,
/// "(Fiktivt exempel)" in every description), of every kind and status, with goals of the policy version in force at
/// their start. Dates are fixed (<see cref="Anchor"/>) so the demo is the same whenever it is created; every status is
/// reached through the domain's workflow methods, so the demo cannot hold what the app would refuse.
/// Some activities deliberately carry findings: a draft serving no goal, projects without external funding, an
/// Upplands-Bro activity without a child perspective, overdue results.
/// </summary>
internal static class DemoActivities
{
    /// <summary>The fixed day the demo's dates are counted from: the seed policies of Borås run to 2027.</summary>
    public static readonly DateOnly Anchor = new(2026, 1, 1);

    private const string Marker = "(Fiktivt exempel)";

    private static DateOnly D(int year, int month, int day = 1) => new(year, month, day);

    private static readonly Dictionary<string, string> GoalHow = new()
    {
        ["VERKSAMHETSUTVECKLING"] = "Nya arbetssätt från partnerna prövas i den egna verksamheten.",
        ["KUNSKAPSUTBYTEN"] = "Medarbetare byter erfarenheter med kollegor i andra länder.",
        ["PROFILERING"] = "Borås visas upp som en kunnig och öppen partner.",
        ["OMVARLDSPAVERKAN"] = "Vi bevakar och påverkar frågor som avgörs på europeisk nivå.",
        ["PROJEKTSAMVERKAN"] = "Projektet genomförs tillsammans med partner i flera länder.",
        ["DEMOKRATISKA_VARDERINGAR"] = "Samarbetet stärker lokal demokrati och mänskliga rättigheter.",
        ["VANORTER"] = "Samarbetet håller vänortsrelationen levande med konkreta utbyten.",
        ["KUNSKAPSUTBYTE"] = "Personal och elever lär av verksamheter i andra länder.",
        ["KOMPETENSUTVECKLING"] = "Medarbetare utvecklar språk och yrkeskunnande.",
        ["OMVARLDSBEVAKNING"] = "Kommunen följer vad som händer i EU och omvärlden på området.",
    };

    // ---- Borås Stad ---------------------------------------------------------------------------------------------

    private static readonly DemoPartner[] BorasPartners =
    [
        new("musterhausen", "Stadt Musterhausen (fiktiv)", PartnerType.Municipality, "Musterhausen", "DE"),
        new("esimerkkila", "Esimerkkilän kaupunki (fiktiv)", PartnerType.Municipality, "Esimerkkilä", "FI"),
        new("przykladowo", "Gmina Przykładowo (fiktiv)", PartnerType.Municipality, "Przykładowo", "PL"),
        new("naidise", "Näidise vald (fiktiv)", PartnerType.Municipality, "Näidise", "EE"),
        new("zrazkove", "Zrazkove hromada (fiktiv)", PartnerType.Municipality, "Zrazkove", "UA"),
        new("esempio", "Regione Esempio (fiktiv)", PartnerType.Region, "Esempio", "IT"),
        new("ejemplo", "Universidad de Ejemplo (fiktiv)", PartnerType.University, "Ejemplo", "ES"),
        new("pavyzdys", "Pavyzdžio profesinė mokykla (fiktiv)", PartnerType.School, "Pavyzdys", "LT"),
        new("mfano-school", "Mfano Secondary School (fiktiv)", PartnerType.School, "Mfano", "KE"),
        new("mfano-youth", "Mfano Youth Initiative (fiktiv)", PartnerType.Ngo, "Mfano", "KE"),
        new("textile-network", "Europeiskt textilnätverk (fiktivt)", PartnerType.Network, "Bryssel", "BE"),
        new("kierratys", "Kierrätys Esimerkki Oy (fiktiv)", PartnerType.Company, "Esimerkkilä", "FI"),
        new("exempeltextil", "Exempeltextil AB (fiktivt)", PartnerType.Company, "Borås", "SE"),
        new("hogskolan", "Västsvenska exempelhögskolan (fiktiv)", PartnerType.University, "Borås", "SE"),
        new("regionen", "Exempelregionen Väst (fiktiv)", PartnerType.Region, "Göteborg", "SE"),
        new("myndigheten", "Myndigheten för exempelstudier (fiktiv)", PartnerType.Authority, "Stockholm", "SE"),
        // Partners in countries that do not meet the precondition (R8): KS decides on exceptions (the decision queue's demo).
        new("donghua", "Donghua exempeluniversitet (fiktivt)", PartnerType.University, "Shanghai", "CN"),
        new("hanoi", "Hanois exempelinstitut för textil (fiktivt)", PartnerType.University, "Hanoi", "VN"),
    ];

    private static readonly DemoActivity[] BorasActivities =
    [
        // Under the 2016 version (2016-01-28 to 2021): long done.
        new("Yrkespraktik i Finland för elever på Textil- och modeprogrammet", ActivityKind.StudyVisitOrExchange, "Gymnasie- och vuxenutbildningsförvaltningen",
            D(2018, 8, 15), D(2020, 6, 15), ActivityStatus.ResultsReported, "Elever gör fyra veckors arbetsplatsförlagt lärande hos textilföretag i vänorten.",
            ["KUNSKAPSUTBYTEN", "VERKSAMHETSUTVECKLING"], ["4", "8.6"], [("esimerkkila", PartnerRole.Host), ("kierratys", PartnerRole.Partner)],
            [new(FundingSource.EuProgramme, "ERASMUS_PLUS", 48_000m, FundingStatus.Paid, 30, Currency.Eur), new(FundingSource.OwnBudget, null, 60_000m, FundingStatus.Granted)],
            "Eleverna är 17–18 år; de förbereds och följs upp av mentorer.", [new("Esimerkkilä", "FI", 60, 28, "Sex elever och en lärare", 7, 84_000m, "Arbetsplatsförlagt lärande")],
            [2018, 2019], "2018/0311"),
        new("Cirkulär textil i Östersjöregionen", ActivityKind.TransnationalProject, "Näringslivsenheten",
            D(2019, 3, 1), D(2021, 8, 31), ActivityStatus.ResultsReported, "Ett projekt om återvinning av textilfibrer med företag och högskolor runt Östersjön.",
            ["VERKSAMHETSUTVECKLING", "PROFILERING"], ["9", "12.5"], [("kierratys", PartnerRole.Partner), ("przykladowo", PartnerRole.Partner), ("hogskolan", PartnerRole.Lead), ("exempeltextil", PartnerRole.Associate)],
            [new(FundingSource.EuProgramme, "INTERREG_BSR", 210_000m, FundingStatus.Paid, 60, Currency.Eur), new(FundingSource.OwnBudget, null, 400_000m, FundingStatus.Granted)],
            Trips: [new("Gdańsk", "PL", 200, 3, "Näringslivsutvecklare", 2, 18_500m, "Partnermöte")], YearlyResults: [2019, 2020], CaseNumber: "2019/0107"),
        new("Medlemskap i ett europeiskt textilnätverk", ActivityKind.Network, "Stadsledningskansliet",
            D(2017, 1, 1), D(2021, 12, 31), ActivityStatus.ResultsReported, "Borås är medlem i ett nätverk av textilstäder för erfarenhetsutbyte och påverkan.",
            ["OMVARLDSPAVERKAN", "PROFILERING"], ["9", "17.17"], [("textile-network", PartnerRole.Partner)],
            [new(FundingSource.OwnBudget, null, 45_000m, FundingStatus.Paid, 10)], YearlyResults: [2017, 2018, 2019, 2020]),
        new("Studieresa om äldreomsorg i Musterhausen", ActivityKind.StudyVisitOrExchange, "Vård- och äldreförvaltningen",
            D(2019, 10, 7), D(2019, 10, 10), ActivityStatus.Completed, "Chefer i äldreomsorgen besöker vänortens demensboenden.",
            ["KUNSKAPSUTBYTEN"], ["3"], [("musterhausen", PartnerRole.Host)],
            [new(FundingSource.OwnBudget, null, 38_000m, FundingStatus.Paid, 5)],
            Trips: [new("Musterhausen", "DE", 0, 4, "Tre enhetschefer", 3, 36_200m, "Studiebesök")]),
        new("Konferens om hållbar stadsutveckling med gäster från vänorterna", ActivityKind.ConferenceOrTraining, "Samhällsbyggnadsförvaltningen",
            D(2020, 3, 16), D(2020, 3, 17), ActivityStatus.Withdrawn, "En tvådagarskonferens i Borås; inställd när pandemin bröt ut.",
            ["KUNSKAPSUTBYTEN", "PROFILERING"], ["11"], [("musterhausen", PartnerRole.Partner), ("esimerkkila", PartnerRole.Partner)],
            [new(FundingSource.OwnBudget, null, 120_000m, FundingStatus.Planned)]),

        // Under the 2023 version (from 2023-06-21): recent and current work.
        new("Vänortssamarbete med Esimerkkilä: ungdomsutbyte", ActivityKind.TwinTownCooperation, "Fritids- och folkhälsoförvaltningen",
            D(2023, 9, 1), D(2025, 6, 30), ActivityStatus.ResultsReported, "Ungdomar från båda städerna träffas två gånger om året kring idrott och demokrati.",
            ["VANORTER", "DEMOKRATISKA_VARDERINGAR"], ["16.7", "10"], [("esimerkkila", PartnerRole.Partner)],
            [new(FundingSource.OtherFunder, "Nordplus", 95_000m, FundingStatus.Paid, 30, FunderKind: FunderKind.International), new(FundingSource.OwnBudget, null, 70_000m, FundingStatus.Granted)],
            "Ungdomarna (13–17 år) planerar själva programmet i ett ungdomsråd.", [new("Esimerkkilä", "FI", 270, 5, "Tolv ungdomar och tre ledare", 15, 92_000m, "Ungdomsläger")],
            [2023, 2024]),
        new("Erasmus+ ackreditering för vuxenutbildningen", ActivityKind.StudyVisitOrExchange, "Gymnasie- och vuxenutbildningsförvaltningen",
            D(2024, 1, 15), D(2027, 5, 31), ActivityStatus.Ongoing, "Lärare i vuxenutbildningen jobbskuggar kollegor i Spanien och Litauen.",
            ["KUNSKAPSUTBYTEN", "VERKSAMHETSUTVECKLING"], ["4.4", "4.c"], [("ejemplo", PartnerRole.Host), ("pavyzdys", PartnerRole.Host)],
            [new(FundingSource.EuProgramme, "ERASMUS_PLUS", 36_000m, FundingStatus.Granted, -20, Currency.Eur), new(FundingSource.OwnBudget, null, 40_000m, FundingStatus.Granted)],
            Trips: [new("Ejemplo", "ES", 120, 5, "Två lärare i svenska för invandrare", 2, 24_300m, "Jobbskuggning"), new("Pavyzdys", "LT", 400, 5, "Tre yrkeslärare", 3, 27_800m, "Jobbskuggning")],
            YearlyResults: [2024], CaseNumber: "2023/0877"),
        new("Interreg ÖKS: gröna kompetenser i textilindustrin", ActivityKind.TransnationalProject, "Näringslivsenheten",
            D(2024, 3, 1), D(2027, 2, 28), ActivityStatus.Ongoing, "Ett gränsöverskridande projekt om kompetensförsörjning för en cirkulär textilindustri.",
            ["PROJEKTSAMVERKAN", "VERKSAMHETSUTVECKLING"], ["8", "12"], [("hogskolan", PartnerRole.Lead), ("exempeltextil", PartnerRole.Partner), ("regionen", PartnerRole.Associate), ("kierratys", PartnerRole.Partner)],
            [new(FundingSource.EuProgramme, "INTERREG_OKS", 1_200_000m, FundingStatus.Granted, -30), new(FundingSource.OwnBudget, null, 600_000m, FundingStatus.Granted)],
            YearlyResults: [2024, 2025], CaseNumber: "2024/0102"),
        new("Återbruk av byggmaterial: benchmarking i Musterhausen", ActivityKind.StudyVisitOrExchange, "AB Bostäder i Borås",
            D(2024, 5, 13), D(2024, 5, 15), ActivityStatus.ResultsReported, "Förvaltare studerar hur vänorten återbrukar material vid renoveringar.",
            ["KUNSKAPSUTBYTEN"], ["12.5", "11.6"], [("musterhausen", PartnerRole.Host)],
            [new(FundingSource.OwnBudget, null, 42_000m, FundingStatus.Paid, 20)],
            Trips: [new("Musterhausen", "DE", 0, 3, "Två fastighetsförvaltare", 2, 19_800m, "Studiebesök")]),
        new("Partnerskap för lokal demokrati med Zrazkove", ActivityKind.AidOrDevelopmentCooperation, "Stadsledningskansliet",
            D(2024, 9, 1), D(2026, 12, 31), ActivityStatus.Ongoing, "Ett kommunalt partnerskap om medborgardialog och öppen förvaltning.",
            ["DEMOKRATISKA_VARDERINGAR", "PROJEKTSAMVERKAN"], ["16.6", "16.7"], [("zrazkove", PartnerRole.Partner)],
            [new(FundingSource.OtherFunder, "ICLD Kommunala partnerskap", 450_000m, FundingStatus.Granted, -40, FunderKind: FunderKind.National)],
            Trips: [new("Zrazkove", "UA", 200, 4, "Kommundirektör och två dialogutvecklare", 3, 33_000m, "Partnerskapsmöte")],
            YearlyResults: [2024], CaseNumber: "2024/0455"),
        new("Skolsamarbete med Mfano Secondary School", ActivityKind.AidOrDevelopmentCooperation, "Grundskoleförvaltningen",
            D(2024, 1, 8), D(2026, 6, 30), ActivityStatus.Ongoing, "Klasser i Borås och Mfano arbetar med gemensamma teman om klimat och vatten.",
            ["KUNSKAPSUTBYTEN", "DEMOKRATISKA_VARDERINGAR"], ["4.7", "6"], [("mfano-school", PartnerRole.Partner), ("mfano-youth", PartnerRole.Associate)],
            [new(FundingSource.OtherFunder, "Svenska institutet", 80_000m, FundingStatus.Paid, 30, FunderKind: FunderKind.National), new(FundingSource.OwnBudget, null, 25_000m, FundingStatus.Granted)],
            "Eleverna i årskurs 7–9 formulerar själva frågorna de vill utforska med sina jämnåriga.",
            // 2024 is reported, 2025 is not yet: due at the end of February.
            YearlyResults: [2024]),
        new("Kulturutbyte om textilkonst med Regione Esempio", ActivityKind.ConferenceOrTraining, "Kulturförvaltningen",
            D(2024, 10, 1), D(2025, 9, 30), ActivityStatus.Completed, "En utställning och en workshop-serie om textilkonst, i Borås och i Italien.",
            ["PROFILERING", "KUNSKAPSUTBYTEN"], ["11.4"], [("esempio", PartnerRole.Partner)],
            [new(FundingSource.EuProgramme, "CREATIVE_EUROPE", 22_000m, FundingStatus.Paid, 15, Currency.Eur), new(FundingSource.OwnBudget, null, 150_000m, FundingStatus.Granted)],
            Trips: [new("Esempio", "IT", 180, 4, "Intendent och två konstnärer", 3, 31_000m, "Utställningsbyggnad")], YearlyResults: [2024]),
        new("Energieffektiva värmeverk: utbyte med Näidise", ActivityKind.StudyVisitOrExchange, "Borås Energi och Miljö AB",
            D(2025, 4, 22), D(2025, 4, 24), ActivityStatus.Completed, "Ingenjörer från Näidise besöker kraftvärmeverket och avfallssorteringen.",
            ["KUNSKAPSUTBYTEN", "PROFILERING"], ["7.3", "12"], [("naidise", PartnerRole.Partner)],
            [new(FundingSource.OwnBudget, null, 30_000m, FundingStatus.Paid, 10)]),
        new("Djurparkernas bevarandenätverk", ActivityKind.Network, "Borås Djurpark AB",
            D(2023, 7, 1), null, ActivityStatus.Ongoing, "Medlemskap i ett europeiskt nätverk för avelsprogram och naturvård.",
            ["KUNSKAPSUTBYTEN", "OMVARLDSPAVERKAN"], ["15"], [],
            [new(FundingSource.OwnBudget, null, 60_000m, FundingStatus.Paid, 0)], EnablesInternationalWork: true,
            // 2023 is reported; 2024 and 2025 are not: the check shows them overdue or due.
            YearlyResults: [2023]),
        new("Förskolornas utomhuspedagogik: Erasmus+ kortprojekt", ActivityKind.StudyVisitOrExchange, "Förskoleförvaltningen",
            D(2025, 2, 1), D(2026, 7, 31), ActivityStatus.Ongoing, "Förskollärare lär sig utomhuspedagogik hos förskolor i Finland och Estland.",
            ["KUNSKAPSUTBYTEN", "VERKSAMHETSUTVECKLING"], ["4.2"], [("esimerkkila", PartnerRole.Host), ("naidise", PartnerRole.Host)],
            [new(FundingSource.EuProgramme, "ERASMUS_PLUS", 30_000m, FundingStatus.Granted, -30, Currency.Eur)],
            "Barnens egna observationer av naturen styr vad personalen tar med sig hem.",
            [new("Näidise", "EE", 90, 4, "Fyra förskollärare", 4, 28_000m, "Jobbskuggning")], [2025]),
        new("Arbetsmarknadsinsatser för nyanlända: ESF+", ActivityKind.TransnationalProject, "Arbetslivsförvaltningen",
            D(2025, 1, 1), D(2027, 12, 31), ActivityStatus.Ongoing, "Ett projekt med partner i Polen och Italien om vägar till arbete för nyanlända.",
            ["PROJEKTSAMVERKAN", "VERKSAMHETSUTVECKLING"], ["8.5", "10.2"], [("przykladowo", PartnerRole.Partner), ("esempio", PartnerRole.Partner)],
            [new(FundingSource.EuProgramme, "ESF_PLUS", 2_400_000m, FundingStatus.Granted, -45), new(FundingSource.OwnBudget, null, 800_000m, FundingStatus.Granted)],
            YearlyResults: [2025], CaseNumber: "2024/0901"),
        new("Klimatanpassning av dagvatten: studiebesök i Esimerkkilä", ActivityKind.StudyVisitOrExchange, "Tekniska förvaltningen",
            D(2025, 9, 8), D(2025, 9, 10), ActivityStatus.Completed, "VA-ingenjörer studerar vänortens gröna dagvattenlösningar.",
            ["KUNSKAPSUTBYTEN"], ["13.1", "6"], [("esimerkkila", PartnerRole.Host)],
            [new(FundingSource.OwnBudget, null, 35_000m, FundingStatus.Granted)],
            Trips: [new("Esimerkkilä", "FI", 0, 3, "Tre VA-ingenjörer", 3, 27_400m, "Studiebesök")]),
        new("Miljötillsyn i hamnar och industri: nätverk med Gmina Przykładowo", ActivityKind.Network, "Miljöförvaltningen",
            D(2024, 2, 1), D(2025, 12, 31), ActivityStatus.Completed, "Miljöinspektörer delar metoder för tillsyn av industriutsläpp.",
            ["KUNSKAPSUTBYTEN", "OMVARLDSPAVERKAN"], ["12.4", "14"], [("przykladowo", PartnerRole.Partner), ("myndigheten", PartnerRole.Associate)],
            [new(FundingSource.OwnBudget, null, 50_000m, FundingStatus.Granted)], YearlyResults: [2024, 2025]),

        // In approval and planning: for the approver and the coordinator to act on.
        new("Digitala verktyg i yrkesutbildningen: mobilitet till Litauen", ActivityKind.StudyVisitOrExchange, "Gymnasie- och vuxenutbildningsförvaltningen",
            D(2026, 9, 1), D(2027, 6, 15), ActivityStatus.Approved, "Elever och lärare på el- och energiprogrammet gör praktik i Litauen.",
            ["KUNSKAPSUTBYTEN", "VERKSAMHETSUTVECKLING"], ["4.4"], [("pavyzdys", PartnerRole.Host)],
            [new(FundingSource.EuProgramme, "ERASMUS_PLUS", 25_000m, FundingStatus.Applied, -200, Currency.Eur), new(FundingSource.OwnBudget, null, 30_000m, FundingStatus.Planned)],
            "Eleverna är 17–19 år; vårdnadshavare informeras och godkänner resan."),
        new("Vänortsmöte i Musterhausen 2026", ActivityKind.TwinTownCooperation, "Stadsledningskansliet",
            D(2026, 10, 5), D(2026, 10, 8), ActivityStatus.Approved, "Politiker och tjänstepersoner följer upp vänortsavtalet.",
            ["VANORTER", "PROFILERING"], ["17.17"], [("musterhausen", PartnerRole.Host)],
            [new(FundingSource.OwnBudget, null, 55_000m, FundingStatus.Planned)],
            Trips: [new("Musterhausen", "DE", 0, 4, "Kommunstyrelsens ordförande och två tjänstepersoner", 3, 41_000m, "Vänortsmöte")]),
        new("Horizon Europe: klimatneutrala textilkvarter", ActivityKind.TransnationalProject, "Samhällsbyggnadsförvaltningen",
            D(2026, 11, 1), D(2029, 10, 31), ActivityStatus.Submitted, "En ansökan om ett forskningsprojekt om klimatneutrala stadsdelar i före detta textilkvarter.",
            ["PROJEKTSAMVERKAN", "OMVARLDSPAVERKAN"], ["11.3", "13.2"], [("ejemplo", PartnerRole.Lead), ("esempio", PartnerRole.Partner), ("hogskolan", PartnerRole.Partner)],
            [new(FundingSource.EuProgramme, "HORIZON_EUROPE", 310_000m, FundingStatus.Applied, -120, Currency.Eur), new(FundingSource.OwnBudget, null, 500_000m, FundingStatus.Planned)],
            CaseNumber: "2026/0315"),
        new("Studiebesök om språkintroduktion i Finland", ActivityKind.StudyVisitOrExchange, "Gymnasie- och vuxenutbildningsförvaltningen",
            D(2027, 3, 8), D(2027, 3, 11), ActivityStatus.Submitted, "Lärare på språkintroduktion besöker finska skolor som tar emot nyanlända elever.",
            ["KUNSKAPSUTBYTEN"], ["4.5"], [("esimerkkila", PartnerRole.Host)],
            [new(FundingSource.OwnBudget, null, 40_000m, FundingStatus.Planned)],
            "Elevernas egna erfarenheter av mottagandet samlas in före resan."),
        new("Socialtjänstens arbete mot hedersrelaterat våld: europeiskt utbyte", ActivityKind.ConferenceOrTraining, "Individ- och familjeomsorgsförvaltningen",
            D(2026, 5, 20), D(2026, 5, 21), ActivityStatus.Rejected, "Socialsekreterare deltar i en europeisk utbildning om hedersrelaterat våld.",
            ["KUNSKAPSUTBYTEN"], ["5.3", "16.1"], [],
            [new(FundingSource.OwnBudget, null, 28_000m, FundingStatus.Planned)]),
        new("Ungdomsfotboll för integration: utbyte med Mfano", ActivityKind.AidOrDevelopmentCooperation, "Fritids- och folkhälsoförvaltningen",
            D(2026, 8, 1), D(2027, 7, 31), ActivityStatus.Withdrawn, "Ett planerat utbyte mellan idrottsföreningar; dras tillbaka i väntan på finansiering.",
            ["DEMOKRATISKA_VARDERINGAR", "KUNSKAPSUTBYTEN"], ["3", "10"], [("mfano-youth", PartnerRole.Partner)],
            [new(FundingSource.OtherFunder, "ICLD Kommunala partnerskap", 200_000m, FundingStatus.Rejected, -30, FunderKind: FunderKind.National)],
            "Barn och unga 10–16 år i föreningarna deltar."),
        // Findings on purpose: a project with own money only (external funding not sought) ...
        new("Gemensam upphandling av återvunnen textil med nordiska städer", ActivityKind.TransnationalProject, "Tekniska förvaltningen",
            D(2026, 9, 15), D(2027, 9, 14), ActivityStatus.Draft, "Ett projekt om samordnad upphandling av arbetskläder i återvunnen textil.",
            ["PROJEKTSAMVERKAN", "VERKSAMHETSUTVECKLING"], ["12.7"], [("kierratys", PartnerRole.Partner), ("esimerkkila", PartnerRole.Partner)],
            [new(FundingSource.OwnBudget, null, 250_000m, FundingStatus.Planned)]),
        // ... a draft that serves no goal of the policy yet (goal linkage blocks approval) ...
        new("Idé: internationell designvecka på Textile Fashion Center", ActivityKind.ConferenceOrTraining, "Kulturförvaltningen",
            D(2027, 4, 12), D(2027, 4, 16), ActivityStatus.Draft, "En första idé; syfte och mål är ännu inte bestämda.",
            [], ["9"], [], []),
        // ... and project cooperation with no partner yet (too few parties).
        new("Förstudie: Interreg Europe om smarta vårdboenden", ActivityKind.TransnationalProject, "Vård- och äldreförvaltningen",
            D(2026, 12, 1), D(2027, 5, 31), ActivityStatus.Draft, "En förstudie inför en ansökan om välfärdsteknik i vårdboenden.",
            ["PROJEKTSAMVERKAN"], ["3.8"], [],
            [new(FundingSource.EuProgramme, "INTERREG_EUROPE", 40_000m, FundingStatus.Planned, Currency: Currency.Eur)]),
        new("Kurs i EU-ansökningar för förvaltningarna", ActivityKind.ConferenceOrTraining, "Internationella kontoret",
            D(2026, 2, 10), D(2026, 3, 31), ActivityStatus.Completed, "En kurs i fyra träffar om hur man söker EU-medel, för handläggare i alla förvaltningar.",
            ["VERKSAMHETSUTVECKLING", "OMVARLDSPAVERKAN"], ["17.9"], [("regionen", PartnerRole.Partner)],
            [new(FundingSource.OwnBudget, null, 20_000m, FundingStatus.Granted)], EnablesInternationalWork: true),
        new("Praktikplatser för ukrainska lärarstudenter", ActivityKind.StudyVisitOrExchange, "Grundskoleförvaltningen",
            D(2026, 4, 1), D(2026, 12, 20), ActivityStatus.Ongoing, "Lärarstudenter från partnerkommunen gör praktik i Borås grundskolor.",
            ["DEMOKRATISKA_VARDERINGAR", "KUNSKAPSUTBYTEN"], ["4.c"], [("zrazkove", PartnerRole.Partner), ("myndigheten", PartnerRole.Associate)],
            [new(FundingSource.OtherFunder, "Svenska institutet", 120_000m, FundingStatus.Granted, -20, FunderKind: FunderKind.National)],
            "Eleverna får möta lärare med erfarenhet av skolgång i kris."),
        // KS's decision queue (issue 15): one activity waits for KS's exception, one runs under an exception in force, and
        // one runs on an exception that ends soon (BorasExceptions).
        new("Studiebesök om textilåtervinning i Shanghai", ActivityKind.StudyVisitOrExchange, "Samhällsbyggnadsförvaltningen",
            D(2027, 4, 12), D(2027, 4, 16), ActivityStatus.Submitted, "Planerare studerar hur ett universitet och staden samlar in och sorterar textil.",
            ["KUNSKAPSUTBYTEN"], ["12.5"], [("donghua", PartnerRole.Host)],
            [new(FundingSource.OwnBudget, null, 65_000m, FundingStatus.Planned)]),
        new("Forskarutbyte om återvunna fibrer med Donghua", ActivityKind.StudyVisitOrExchange, "Gymnasie- och vuxenutbildningsförvaltningen",
            D(2026, 3, 16), D(2027, 6, 30), ActivityStatus.Ongoing, "Lärare på textilprogrammet och forskare byter erfarenheter om återvunna fibrer.",
            ["KUNSKAPSUTBYTEN"], ["12.5", "9.5"], [("donghua", PartnerRole.Partner)],
            [new(FundingSource.OwnBudget, null, 90_000m, FundingStatus.Granted, -30)],
            "Gymnasieelever på textilprogrammet (16–19 år) tar del av resultaten."),
        new("Samarbete om hållbart mode med Hanoi", ActivityKind.StudyVisitOrExchange, "Kulturförvaltningen",
            D(2025, 9, 1), D(2027, 8, 31), ActivityStatus.Ongoing, "Designer och lärare utbyter kunskap om hållbart mode och textilt hantverk.",
            ["KUNSKAPSUTBYTEN"], ["8.3"], [("hanoi", PartnerRole.Partner)],
            [new(FundingSource.OwnBudget, null, 70_000m, FundingStatus.Granted, -30)], YearlyResults: [2025], RunsAtLeastDaysPastToday: 120),
        new("Europeiskt nätverk för hållbar mobilitet", ActivityKind.Network, "Samhällsbyggnadsförvaltningen",
            D(2026, 1, 1), null, ActivityStatus.Submitted, "Ansökan om medlemskap i ett nätverk av medelstora städer för hållbara resor.",
            ["OMVARLDSPAVERKAN", "KUNSKAPSUTBYTEN"], ["11.2"], [("textile-network", PartnerRole.Partner)],
            [new(FundingSource.OwnBudget, null, 15_000m, FundingStatus.Planned)]),
    ];

    // ---- Upplands-Bro kommun ------------------------------------------------------------------------------------

    private static readonly DemoPartner[] UpplandsBroPartners =
    [
        new("beispielstadt", "Gemeinde Beispielstadt (fiktiv)", PartnerType.Municipality, "Beispielstadt", "DE"),
        new("region-ejemplo", "Región de Ejemplo (fiktiv)", PartnerType.Region, "Ejemplo", "ES"),
        new("naidisulikool", "Näidisülikool (fiktiv)", PartnerType.University, "Tallinn", "EE"),
        new("liceo", "Liceo Esempio (fiktiv)", PartnerType.School, "Esempio", "IT"),
        new("fundacion", "Fundación Ejemplo (fiktiv)", PartnerType.Ngo, "Ejemplo", "ES"),
        new("exempelbygg", "Exempelbygg AB (fiktivt)", PartnerType.Company, "Kungsängen", "SE"),
        new("exempelverket", "Exempelverket (fiktiv myndighet)", PartnerType.Authority, "Stockholm", "SE"),
        new("skolnatverket", "Europeiskt exempelnätverk för skolutveckling (fiktivt)", PartnerType.Network, "Bryssel", "BE"),
    ];

    private static readonly DemoActivity[] UpplandsBroActivities =
    [
        new("Erasmus+ utbyte för gymnasieelever i Italien", ActivityKind.StudyVisitOrExchange, "Gymnasie- och arbetsmarknadskontoret",
            D(2022, 9, 1), D(2024, 6, 15), ActivityStatus.ResultsReported, "Elever på samhällsprogrammet gör ett utbyte med en skola i Italien.",
            ["KUNSKAPSUTBYTE", "KOMPETENSUTVECKLING"], ["4.7"], [("liceo", PartnerRole.Host)],
            [new(FundingSource.EuProgramme, "ERASMUS_PLUS", 28_000m, FundingStatus.Paid, 30, Currency.Eur)],
            "Eleverna (16–18 år) utvärderar utbytet själva.", [new("Esempio", "IT", 180, 7, "Tolv elever och två lärare", 14, 96_000m, "Elevutbyte")], [2022, 2023]),
        new("Skolutvecklingsnätverk i Europa", ActivityKind.Network, "Utbildningskontoret",
            D(2023, 1, 1), null, ActivityStatus.Ongoing, "Medlemskap i ett nätverk för skolutveckling och digitalisering.",
            ["KUNSKAPSUTBYTE", "OMVARLDSBEVAKNING"], ["4"], [("skolnatverket", PartnerRole.Partner)],
            [new(FundingSource.OwnBudget, null, 20_000m, FundingStatus.Paid, 0)],
            "Elevråden deltar i nätverkets årliga elevkonferens.", YearlyResults: [2023, 2024]),
        new("Vänortssamarbete med Beispielstadt om fritidsgårdar", ActivityKind.TwinTownCooperation, "Kultur- och fritidskontoret",
            D(2024, 4, 1), D(2026, 12, 31), ActivityStatus.Ongoing, "Fritidsledare och ungdomar utbyter erfarenheter av öppen fritidsverksamhet.",
            ["KUNSKAPSUTBYTE", "VERKSAMHETSUTVECKLING"], ["10", "16.7"], [("beispielstadt", PartnerRole.Partner)],
            [new(FundingSource.OwnBudget, null, 60_000m, FundingStatus.Granted)],
            "Ungdomarna (13–17 år) väljer teman och planerar besöken.", [new("Beispielstadt", "DE", 300, 4, "Två fritidsledare och sex ungdomar", 8, 44_000m, "Utbyte")], [2024]),
        // No child perspective written: Upplands-Bro's policy asks for it (a warning).
        new("EU-bevakning av hållbart byggande", ActivityKind.ConferenceOrTraining, "Samhällsbyggnadskontoret",
            D(2025, 3, 10), D(2025, 3, 12), ActivityStatus.Completed, "Planarkitekter deltar i en europeisk konferens om hållbart byggande.",
            ["OMVARLDSBEVAKNING", "KOMPETENSUTVECKLING"], ["11.3", "9.4"], [("exempelbygg", PartnerRole.Associate)],
            [new(FundingSource.OwnBudget, null, 25_000m, FundingStatus.Paid, 20)],
            Trips: [new("Bryssel", "BE", 0, 3, "Två planarkitekter", 2, 21_000m, "Konferens")]),
        new("Socialt entreprenörskap: utbyte med Fundación Ejemplo", ActivityKind.StudyVisitOrExchange, "Socialkontoret",
            D(2025, 10, 6), D(2025, 10, 9), ActivityStatus.ResultsReported, "Socialsekreterare studerar sociala företag som vägar till arbete.",
            ["KUNSKAPSUTBYTE"], ["8.3"], [("fundacion", PartnerRole.Host)],
            [new(FundingSource.OwnBudget, null, 32_000m, FundingStatus.Paid, 20)],
            "Barn i familjerna som får stöd berörs indirekt; deras behov tas upp i uppföljningen."),
        new("Interreg: kompetensförsörjning i äldreomsorgen", ActivityKind.TransnationalProject, "Socialkontoret",
            D(2026, 9, 1), D(2028, 8, 31), ActivityStatus.Approved, "Ett projekt med Estland och Spanien om utbildning av undersköterskor.",
            ["KOMPETENSUTVECKLING", "VERKSAMHETSUTVECKLING"], ["3.c", "4.3"], [("naidisulikool", PartnerRole.Lead), ("region-ejemplo", PartnerRole.Partner)],
            [new(FundingSource.EuProgramme, "INTERREG_EUROPE", 95_000m, FundingStatus.Applied, -100, Currency.Eur), new(FundingSource.OwnBudget, null, 150_000m, FundingStatus.Planned)],
            "Projektet berör inte barn direkt; ungdomar som väljer vårdyrken är en målgrupp."),
        new("Studiebesök om digital tillsyn hos Exempelverket", ActivityKind.StudyVisitOrExchange, "Samhällsbyggnadskontoret",
            D(2026, 11, 10), D(2026, 11, 10), ActivityStatus.Submitted, "En dag om digitala verktyg i miljötillsynen, som förberedelse för ett EU-projekt.",
            ["OMVARLDSBEVAKNING"], ["16.6"], [("exempelverket", PartnerRole.Host)],
            [new(FundingSource.OwnBudget, null, 5_000m, FundingStatus.Planned)],
            "Tillsynen gäller bland annat skolor och förskolor.", EnablesInternationalWork: true),
        new("Språkresa för lärare till Spanien", ActivityKind.StudyVisitOrExchange, "Utbildningskontoret",
            D(2026, 6, 22), D(2026, 6, 26), ActivityStatus.Rejected, "Moderna språklärare fortbildar sig i spanska.",
            ["KOMPETENSUTVECKLING"], ["4.c"], [("region-ejemplo", PartnerRole.Host)],
            [new(FundingSource.OwnBudget, null, 45_000m, FundingStatus.Planned)],
            "Eleverna får bättre undervisning i spanska."),
        new("Projektidé: klimatsmarta skolgårdar", ActivityKind.TransnationalProject, "Utbildningskontoret",
            D(2027, 1, 15), D(2028, 12, 31), ActivityStatus.Draft, "En idé om att bygga om skolgårdar tillsammans med partner i Tyskland och Italien.",
            ["VERKSAMHETSUTVECKLING"], ["13.3", "4.a"], [("beispielstadt", PartnerRole.Partner), ("liceo", PartnerRole.Partner)],
            [new(FundingSource.OwnBudget, null, 100_000m, FundingStatus.Planned)],
            "Eleverna ritar själva förslag till sina skolgårdar."),
        new("Skolbibliotek i samarbete med Fundación Ejemplo", ActivityKind.AidOrDevelopmentCooperation, "Kultur- och fritidskontoret",
            D(2026, 5, 12), D(2027, 5, 11), ActivityStatus.Withdrawn, "Bibliotekarier skulle stödja uppbyggnaden av skolbibliotek; dras tillbaka utan finansiering.",
            ["KUNSKAPSUTBYTE"], ["4.6"], [("fundacion", PartnerRole.Partner)],
            [new(FundingSource.OtherFunder, "ICLD Kommunala partnerskap", 150_000m, FundingStatus.Rejected, -40, FunderKind: FunderKind.National)],
            "Barn i åldern 7–12 år är de som ska använda biblioteken."),
    ];

    public static IReadOnlyList<DemoActivity> For(DemoMunicipality m) => m == DemoOrganisations.Boras ? BorasActivities : UpplandsBroActivities;

    private static IReadOnlyList<DemoPartner> PartnersFor(DemoMunicipality m) => m == DemoOrganisations.Boras ? BorasPartners : UpplandsBroPartners;

    /// <summary>
    /// Adds the municipality's partner directory and activities to <paramref name="db"/> without saving (the caller saves
    /// once). The owning unit's approval is given by the demo approver with an approver's scope for that unit.
    /// </summary>
    public static async Task AddAsync(OmvarldDbContext db, PolicyService policies, ReferenceData reference, TimeProvider clock,
        DemoMunicipality m, Municipality municipality, IReadOnlyDictionary<string, Unit> units, CancellationToken ct)
    {
        var countries = reference.CountriesByAlpha2.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var euCodes = reference.EuProgrammes.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var unitIds = units.Values.Select(u => u.Id).ToHashSet();
        var tree = UnitTree.From(units.Values);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

        var users = await db.Users.Where(u => u.MunicipalityId == municipality.Id)
            .Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Email!.Split('@')[0], u => u.Id, ct);
        var editor = users["redaktor"];
        var coordinator = users["samordnare"];
        var approver = users["godkannare"];

        var partners = new Dictionary<string, PartnerOrganisation>();
        foreach (var p in PartnersFor(m))
        {
            var (partner, result) = PartnerOrganisation.Create(municipality.Id, new(p.Name, p.Type, p.City, p.Country, null), countries);
            Check(result, p.Name);
            partners[p.Key] = partner!;
            db.Partners.Add(partner!);
        }

        var byTitle = new Dictionary<string, Activity>();
        var policyCache = new Dictionary<DateOnly, ActivityPolicy?>();
        foreach (var a in For(m))
        {
            if (!policyCache.TryGetValue(a.Start, out var policy)) policyCache[a.Start] = policy = await policies.ActivityPolicyOnAsync(a.Start, ct);
            var unit = units[a.Unit];
            var details = new ActivityDetails(a.Title, $"{a.Summary}\n\n{Marker}", a.Kind, unit.Id, editor, a.Start, a.EndOn(today),
                a.Goals.Length == 0 ? null : "Att utveckla verksamheten genom utbyte med andra länder.",
                a.Goals.Length == 0 ? null : "Nya arbetssätt och kontakter som lever vidare efter aktiviteten.",
                null, a.Child, a.CaseNumber, a.EnablesInternationalWork,
                a.Goals.Select(g => new GoalServed(g, GoalHow[g])).ToList(), a.Sdgs);
            var (activity, created) = Activity.Create(municipality.Id, details, ActivityReferences.For(unit, policy?.Definition));
            Check(created, a.Title);
            foreach (var (key, role) in a.Partners) Check(activity!.AddPartner(partners[key], role), a.Title);
            foreach (var f in a.Funding)
            {
                var input = new FundingInput(f.Source, f.Source == FundingSource.OwnBudget ? unit.Id : null,
                    f.Source == FundingSource.EuProgramme ? f.Programme : null, f.Source == FundingSource.OtherFunder ? f.Programme : null,
                    f.FunderKind, f.Amount, f.Currency, f.Currency == Currency.Eur ? 11.2m : null, f.Status,
                    f.Status == FundingStatus.Planned ? null : a.Start.AddDays(f.StatusDaysFromStart));
                Check(activity!.AddFunding(input, new FundingReferences(unitIds, euCodes)).Result, a.Title);
            }
            foreach (var t in a.Trips ?? [])
            {
                var depart = a.Start.AddDays(t.DaysFromStart);
                Check(activity!.AddTrip(new TripInput(t.Travellers, t.Count, t.City, t.Country, depart, depart.AddDays(t.Days - 1), t.Cost, t.Purpose), countries).Result, a.Title);
            }
            Walk(activity!, a, policy, approver, coordinator, tree, today, now);
            // R20: Borås has published its running and finished activities on its open pages; the approved ones that
            // have not started yet are not published (yet), so the demo shows both.
            if (m == DemoOrganisations.Boras && a.Status is ActivityStatus.Ongoing or ActivityStatus.Completed or ActivityStatus.ResultsReported)
                Check(activity!.Publish(new AccessScope(false, [(Role.Coordinator, null)], tree), coordinator,
                    new[] { new DateTimeOffset(a.Start.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), now }.Min()), a.Title);
            db.Activities.Add(activity!);
            byTitle[a.Title] = activity!;
        }
        if (m == DemoOrganisations.Boras) AddExceptions(db, municipality, byTitle, partners, users["ks"], tree, today, now);
        if (m == DemoOrganisations.Boras)
            db.OpenDataSettings.Add(new OpenDataSetting { MunicipalityId = municipality.Id, Id = Guid.CreateVersion7(), Licence = OpenDataLicence.CcBy40, ContactEmail = "oppnadata@boras.demo", Version = 1 });
    }

    /// <summary>
    /// R9: KS's exception decisions of the demo, recorded by the KS secretariat: one in force for the whole activity, one
    /// that ends 45 days after the day the demo is created (the one date that follows that day, so that the decision queue
    /// always shows an exception ending soon while the activity runs on).
    /// </summary>
    private static void AddExceptions(OmvarldDbContext db, Municipality municipality, Dictionary<string, Activity> activities,
        Dictionary<string, PartnerOrganisation> partners, Guid ks, UnitTree tree, DateOnly today, DateTimeOffset now)
    {
        var scope = new AccessScope(false, [(Role.KsSecretariat, null)], tree);
        DateOnly NotAfterToday(DateOnly day) => day > today ? today : day;
        var decisions = new[]
        {
            (Activity: "Forskarutbyte om återvunna fibrer med Donghua", Partner: "donghua", DecidedOn: D(2026, 1, 19), Paragraph: "§ 9",
                CaseNumber: "KS 2025/00871", ValidUntil: D(2027, 6, 30)),
            (Activity: "Samarbete om hållbart mode med Hanoi", Partner: "hanoi", DecidedOn: D(2025, 6, 30), Paragraph: "§ 145",
                CaseNumber: "KS 2025/00512", ValidUntil: today.AddDays(45)),
        };
        foreach (var d in decisions)
        {
            var activity = activities[d.Activity];
            var partner = partners[d.Partner];
            var (exception, result) = PreconditionException.Create(municipality.Id, new ExceptionDecision(null, NotAfterToday(d.DecidedOn), d.Paragraph, d.CaseNumber,
                    $"Kommunstyrelsen beslutar om undantag från förutsättningen i Internationell policy för samarbetet med {partner.Name} inom aktiviteten. {Marker}",
                    activity.Id, partner.Id, d.ValidUntil, null),
                activity.Partners.Select(p => p.PartnerId).ToList(), scope, ks, new[] { new DateTimeOffset(d.DecidedOn.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero), now }.Min());
            Check(result, d.Activity);
            db.PreconditionExceptions.Add(exception!);
        }
    }

    /// <summary>Moves the activity to its demo status through the workflow, each step dated before the next and never after now.</summary>
    private static void Walk(Activity activity, DemoActivity a, ActivityPolicy? policy, Guid approver, Guid coordinator, UnitTree tree, DateOnly today, DateTimeOffset now)
    {
        DateTimeOffset At(DateOnly day) => new[] { new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), now }.Min();
        var editor = activity.ResponsibleUserId;
        var submittedOn = a.Start.AddDays(-75);

        if (a.Status == ActivityStatus.Draft) return;
        // Withdrawn before approval when it lies ahead (no funding came); an older one was approved, then called off.
        if (a.Status == ActivityStatus.Withdrawn && a.Start > Anchor)
        {
            Check(activity.Submit(editor, At(submittedOn)).Result, a.Title);
            Check(activity.Withdraw(editor, At(submittedOn.AddDays(10)), "Finansieringen beviljades inte.").Result, a.Title);
            return;
        }
        Check(activity.Submit(editor, At(submittedOn)).Result, a.Title);
        if (a.Status == ActivityStatus.Submitted) return;
        var scope = new AccessScope(false, [(Role.UnitApprover, activity.OwnerUnitId)], tree);
        if (a.Status == ActivityStatus.Rejected)
        {
            Check(activity.Reject(approver, scope, "Beskriv vad verksamheten ska ta med sig hem och hur resultaten sprids.", At(submittedOn.AddDays(14))).Result, a.Title);
            return;
        }
        var findings = ActivityRules.Evaluate(new ActivityCheckContext(activity, policy!.Definition, today));
        Check(activity.Approve(approver, scope, policy.VersionId, findings, At(submittedOn.AddDays(21))).Result, a.Title);
        if (a.Status == ActivityStatus.Withdrawn)
        {
            Check(activity.Withdraw(editor, At(a.Start.AddDays(-7)), "Inställd av arrangören.").Result, a.Title);
            return;
        }
        if (a.Status == ActivityStatus.Approved) return;
        Check(activity.Start(editor, At(a.Start)).Result, a.Title);
        // A year is reported in February after it; the last year of a completed activity after it was completed.
        var ends = a.Status != ActivityStatus.Ongoing;
        foreach (var year in (a.YearlyResults ?? []).Where(y => !ends || y < a.End!.Value.Year)) ReportYear(year);
        if (!ends) return;
        Check(activity.Complete(editor, At(a.End!.Value), a.End).Result, a.Title);
        foreach (var year in (a.YearlyResults ?? []).Where(y => y >= a.End.Value.Year)) ReportYear(year);
        if (a.Status == ActivityStatus.Completed) return;
        Check(activity.ReportFinalResults($"Aktiviteten genomfördes som planerat. Deltagarna har tagit med sig nya arbetssätt som nu prövas i verksamheten, och kontakterna med partnerna lever vidare. {Marker}",
            coordinator, At(a.End.Value.AddDays(30))).Result, a.Title);

        void ReportYear(int year) => Check(activity.ReportYearlyResults(year,
            $"Under {year} genomfördes de planerade aktiviteterna; erfarenheterna har delats på arbetsplatsträffar. {Marker}", editor, At(new DateOnly(year + 1, 2, 10))), a.Title);
    }

    private static void Check(Omvarld.Domain.Common.Result result, string what)
    {
        if (!result.IsOk) throw new InvalidOperationException($"Demo activity or partner '{what}': {result.Error} ({result.Field})");
    }
}
