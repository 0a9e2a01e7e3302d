using System.Globalization;
using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Common;
using Omvarld.Domain.Countries;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Tests.Features.Activities;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Compilations;

/// <summary>
/// Issue 7 (R13, R14) on both databases: the yearly compilation on a known data set in units and years of its own
/// (2030–2031, committees made for the test), with the figures computed by hand; the same figures in JSON, XLSX, DOCX and
/// PDF; an empty year; a unit's part.
/// </summary>
public abstract class CompilationTests(OmvarldApp app)
{
    private const int Year = 2031;
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");

    private sealed record Arranged(Guid Committee, Guid Administration, Guid Other, Guid Project, Guid TwinTown, Guid Draft, Guid Visit);

    /// <summary>
    /// Two new committees, one with an administration below it, and four activities:
    /// <list type="bullet">
    /// <item>Project: transnational, the administration, 2031-02-01–2031-11-30, a German partner, child perspective, goal X1,
    /// SDG 4; EU Interreg Europe 100 000 kr granted, own budget 20 000 kr planned; ran and ended in 2031 with its final report;
    /// a KS exception for the German partner decided 2031-01-20, valid to 2032-06-30.</item>
    /// <item>TwinTown: twin-town cooperation, the other committee, from 2030-05-01 open-ended, a Finnish partner, SDG 11,
    /// Nordplus 1 000 EUR at 11.5 applied; ongoing since 2030-05-01, yearly report for 2030 only.</item>
    /// <item>Draft: a network of the administration in 2030, never submitted: not counted.</item>
    /// <item>Visit: a study visit of the committee itself 2030-03-01–2030-03-05, submitted; own budget 5 000 kr planned.</item>
    /// </list>
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        // Each test arranges its own committees (xUnit makes a new instance per test), so tests never share rows.
        {
            return await app.WithDbAsync(async db =>
            {
                db.Tenant.Use(app.Boras);
                var suffix = app.ProviderName + Guid.NewGuid().ToString("N")[..6];
                var council = await db.Units.FirstAsync(u => u.Kind == UnitKind.Council);
                var (committee, r1) = Unit.Create(app.Boras, "Sammanställningsnämnden " + suffix, UnitKind.Committee, council);
                Assert.True(r1.IsOk, r1.Error);
                var (administration, r2) = Unit.Create(app.Boras, "Sammanställningsförvaltningen " + suffix, UnitKind.Administration, committee);
                Assert.True(r2.IsOk, r2.Error);
                var (other, r3) = Unit.Create(app.Boras, "Jämförelsenämnden " + suffix, UnitKind.Committee, council);
                Assert.True(r3.IsOk, r3.Error);
                db.Units.AddRange(committee!, administration!, other!);
                await db.SaveChangesAsync();

                var countries = new HashSet<string> { "SE", "DE", "FI" };
                var (german, _) = Domain.Partners.PartnerOrganisation.Create(app.Boras, new("Stadt Sammelstadt " + suffix, Domain.Partners.PartnerType.Municipality, "Mainz", "DE", null), countries);
                var (finnish, _) = Domain.Partners.PartnerOrganisation.Create(app.Boras, new("Koosteen kaupunki " + suffix, Domain.Partners.PartnerType.Municipality, "Vaasa", "FI", null), countries);
                db.Partners.AddRange(german!, finnish!);
                await db.SaveChangesAsync();

                var responsible = await db.Users.Where(u => u.Email == Coordinator).Select(u => u.Id).SingleAsync();
                var policyVersion = await db.PolicyVersions.Select(v => v.Id).FirstAsync();
                var tree = UnitTree.From(await db.Units.ToListAsync());
                var approver = new AccessScope(false, [(Role.UnitApprover, committee!.Id), (Role.UnitApprover, other!.Id)], tree);
                var at = new DateTimeOffset(2032, 1, 15, 10, 0, 0, TimeSpan.Zero);
                var references = new FundingReferences(new HashSet<Guid> { committee.Id, administration!.Id, other.Id }, new HashSet<string> { "INTERREG_EUROPE" });

                Activity New(string title, ActivityKind kind, Unit unit, DateOnly start, DateOnly? end, string? child, string[] goals, string[] sdgs)
                {
                    var details = new ActivityDetails(title + " " + suffix, "Beskrivning", kind, unit.Id, responsible, start, end, "Syfte", "Resultat", null, child, null, false,
                        goals.Select(g => new GoalServed(g, "Så här")).ToList(), sdgs);
                    var (a, r) = Activity.Create(app.Boras, details, new ActivityReferences(unit, goals.ToHashSet()));
                    Assert.True(r.IsOk, r.Error);
                    return a!;
                }
                void Ok(Result r) => Assert.True(r.IsOk, r.Error);
                void Step((ActivityTransition? Value, Result Result) step) => Assert.True(step.Result.IsOk, step.Result.Error);

                var project = New("Yrkesprojekt", ActivityKind.TransnationalProject, administration, new(2031, 2, 1), new(2031, 11, 30), "Eleverna deltar.", ["X1"], ["4"]);
                Ok(project.AddPartner(german!, PartnerRole.Lead));
                Ok(project.AddFunding(new FundingInput(FundingSource.EuProgramme, null, "INTERREG_EUROPE", null, null, 100_000m, Currency.Sek, null, FundingStatus.Granted, new(2031, 1, 10)), references).Result);
                Ok(project.AddFunding(new FundingInput(FundingSource.OwnBudget, administration.Id, null, null, null, 20_000m, Currency.Sek, null, FundingStatus.Planned, null), references).Result);
                Step(project.Submit(responsible, at));
                Step(project.Approve(responsible, approver, policyVersion, [], at));
                Step(project.Start(responsible, at, new(2031, 2, 1)));
                Step(project.Complete(responsible, at, new(2031, 11, 30)));
                Step(project.ReportFinalResults("Ett gemensamt kursupplägg.", responsible, at));

                var twinTown = New("Vänortsutbyte", ActivityKind.TwinTownCooperation, other, new(2030, 5, 1), null, null, [], ["11"]);
                Ok(twinTown.AddPartner(finnish!, PartnerRole.Partner));
                Ok(twinTown.AddFunding(new FundingInput(FundingSource.OtherFunder, null, null, "Nordplus", FunderKind.International, 1_000m, Currency.Eur, 11.5m, FundingStatus.Applied, new(2030, 3, 1)), references).Result);
                Step(twinTown.Submit(responsible, at));
                Step(twinTown.Approve(responsible, approver, policyVersion, [], at));
                Step(twinTown.Start(responsible, at, new(2030, 5, 1)));
                Ok(twinTown.ReportYearlyResults(2030, "Två besök.", responsible, at));

                var draft = New("Nätverksutkast", ActivityKind.Network, administration, new(2030, 1, 1), new(2030, 12, 31), null, [], []);

                var visit = New("Studiebesök", ActivityKind.StudyVisitOrExchange, committee, new(2030, 3, 1), new(2030, 3, 5), "Unga i fokus.", [], []);
                Ok(visit.AddFunding(new FundingInput(FundingSource.OwnBudget, committee.Id, null, null, null, 5_000m, Currency.Sek, null, FundingStatus.Planned, null), references).Result);
                Step(visit.Submit(responsible, at));

                db.Activities.AddRange(project, twinTown, draft, visit);
                await db.SaveChangesAsync();

                var ks = new AccessScope(false, [(Role.KsSecretariat, null)], tree);
                var (exception, r4) = PreconditionException.Create(app.Boras,
                    new ExceptionDecision("Kommunstyrelsen", new(2031, 1, 20), "§ 12", "KS 2031/1", "Undantag beviljas.", project.Id, german!.Id, new(2032, 6, 30)),
                    [german.Id], ks, responsible, at);
                Assert.True(r4.IsOk, r4.Error);
                db.PreconditionExceptions.Add(exception!);
                await db.SaveChangesAsync();
                return new Arranged(committee.Id, administration.Id, other.Id, project.Id, twinTown.Id, draft.Id, visit.Id);
            });
        }
    }

    private async Task<JsonElement> GetAsync(string query)
    {
        var api = await app.ApiClientAsync(Coordinator);
        var response = await api.GetAsync("/api/v1/compilation?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static JsonElement Section(JsonElement c, string key) =>
        c.GetProperty("sections").EnumerateArray().Single(s => s.Str("key") == key);

    /// <summary>(this year, previous year) of a row; (0, 0) when the section has no such row.</summary>
    private static (decimal Value, decimal Previous) Figure(JsonElement c, string section, string row) =>
        Section(c, section).GetProperty("rows").EnumerateArray().FirstOrDefault(r => r.Str("key") == row) is { ValueKind: JsonValueKind.Object } r
            ? (r.GetProperty("value").GetDecimal(), r.GetProperty("previous").GetDecimal())
            : (0m, 0m);

    [Fact]
    public async Task Build_KnownDataSet_HandComputedFigures()
    {
        var a = await ArrangeAsync();
        // Both committees together: the two test committees' parts added up.
        var committee = await GetAsync($"year={Year}&unit={a.Committee}");
        var other = await GetAsync($"year={Year}&unit={a.Other}");

        // The committee: 2031 the project; 2030 the submitted visit (the draft never counts).
        Assert.Equal((1m, 1m), Figure(committee, "summary", "active"));
        Assert.Equal((1m, 0m), Figure(committee, "kind", "TransnationalProject"));
        Assert.Equal((0m, 1m), Figure(committee, "kind", "StudyVisitOrExchange"));
        Assert.Equal((0m, 0m), Figure(committee, "kind", "Network"));
        Assert.Equal(6, Section(committee, "kind").GetProperty("rows").GetArrayLength());
        // R6: a German partner, 100 000 of 120 000 kr external, EU-funded.
        Assert.Equal((1m, 0m), Figure(committee, "classification", "International"));
        Assert.Equal((1m, 0m), Figure(committee, "classification", "EuropeanProject"));
        Assert.Equal((1m, 0m), Figure(committee, "classification", "EuProject"));
        // By unit within the committee: the administration's work under the administration, the committee's own under itself.
        Assert.Equal((1m, 0m), Figure(committee, "unit", a.Administration.ToString()));
        Assert.Equal((0m, 1m), Figure(committee, "unit", a.Committee.ToString()));
        Assert.Equal((1m, 0m), Figure(committee, "goal", "X1"));
        Assert.Equal((1m, 0m), Figure(committee, "sdg", "4"));
        Assert.Equal((1m, 0m), Figure(committee, "country", "DE"));
        // Money in SEK: own 20 000 (2031) and 5 000 (2030, planned own budget counts); external granted 100 000.
        Assert.Equal((20_000m, 5_000m), Figure(committee, "funding", "own"));
        Assert.Equal((100_000m, 0m), Figure(committee, "funding", "external"));
        Assert.Equal((100_000m, 0m), Figure(committee, "funding", "granted"));
        Assert.Equal((0m, 0m), Figure(committee, "funding", "applied"));
        Assert.Equal((100_000m, 0m), Figure(committee, "funding-granted", "eu:INTERREG_EUROPE"));
        Assert.Equal("Interreg Europe", Section(committee, "funding-granted").GetProperty("rows")[0].Str("label"));
        Assert.Equal((1m, 0m), Figure(committee, "exceptions", "decided"));
        Assert.Equal((1m, 0m), Figure(committee, "exceptions", "in-force"));
        Assert.Equal((1m, 0m), Figure(committee, "results", "final-reported"));
        // No Borås policy is in force in 2031 (the 2023 one runs to 2027): reports not made are "not reported", not "missing".
        Assert.DoesNotContain(Section(committee, "results").GetProperty("rows").EnumerateArray(), r => r.Str("key")!.EndsWith("missing", StringComparison.Ordinal));
        Assert.Equal((0m, 0m), Figure(committee, "results", "final-not-reported"));
        // R11's one rule (ResultsDue): the project's final report answers every demand, so no yearly report is owed.
        Assert.Equal((0m, 0m), Figure(committee, "results", "yearly-reported"));
        Assert.Equal((0m, 0m), Figure(committee, "results", "yearly-not-reported"));
        Assert.Equal((1m, 1m), Figure(committee, "child-perspective", "with"));
        Assert.Equal((0m, 0m), Figure(committee, "child-perspective", "without"));
        Assert.Equal(0, Section(committee, "twin-towns").GetProperty("items").GetArrayLength());

        // The other committee: the twin-town cooperation both years; Nordplus 1 000 EUR × 11.5 applied.
        Assert.Equal((1m, 1m), Figure(other, "summary", "active"));
        Assert.Equal((1m, 1m), Figure(other, "twin-towns", "count"));
        Assert.Contains("Vänortsutbyte", Section(other, "twin-towns").GetProperty("items")[0].Str("title"));
        Assert.Equal((11_500m, 11_500m), Figure(other, "funding", "applied"));
        Assert.Equal((11_500m, 11_500m), Figure(other, "funding-applied", "other:Nordplus"));
        Assert.Equal((1m, 1m), Figure(other, "classification", "International"));
        Assert.Equal((0m, 0m), Figure(other, "classification", "EuProject"));
        Assert.Equal((0m, 1m), Figure(other, "results", "yearly-reported"));
        // 2031 is not over yet: as the due list says, its report is not owed.
        Assert.Equal((0m, 0m), Figure(other, "results", "yearly-not-reported"));
        Assert.Equal((0m, 0m), Figure(other, "child-perspective", "with"));
        Assert.Equal((1m, 1m), Figure(other, "child-perspective", "without"));
        Assert.Equal((1m, 1m), Figure(other, "country", "FI"));
        Assert.Equal((0m, 0m), Figure(other, "exceptions", "decided"));

        // The whole municipality counts both committees under themselves.
        var all = await GetAsync($"year={Year}");
        Assert.Equal((1m, 1m), Figure(all, "unit", a.Committee.ToString()));
        Assert.Equal((1m, 1m), Figure(all, "unit", a.Other.ToString()));
    }

    [Fact]
    public async Task UnitPart_OnlyItsSubUnitsWork()
    {
        var a = await ArrangeAsync();
        var administration = await GetAsync($"year={Year}&unit={a.Administration}");
        Assert.Equal((1m, 0m), Figure(administration, "summary", "active"));
        Assert.Equal((0m, 0m), Figure(administration, "kind", "StudyVisitOrExchange"));
        Assert.Equal((0m, 0m), Figure(administration, "twin-towns", "count"));
        Assert.Equal((0m, 0m), Figure(administration, "funding", "applied"));
        Assert.Single(Section(administration, "unit").GetProperty("rows").EnumerateArray());
        Assert.Contains("Sammanställningsförvaltningen", administration.Str("unitName"));

        // A unit of another municipality, or none at all, is not found.
        var api = await app.ApiClientAsync(Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/compilation?year={Year}&unit={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/compilation?year=1200")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"/api/v1/compilation/export?year={Year}&format=odt")).StatusCode);
    }

    /// <summary>
    /// R15 in the compilation: a new committee with two offices; office A's contact person from 2030-06-01 on, office B's
    /// only through 2030. On 31 December 2031 A has one, B none; on 31 December 2030 both had. Competence development:
    /// 2031 a 6-hour joint course and a 7.5-hour individual study visit (A), 2030 a 2-hour joint network meeting (B).
    /// </summary>
    [Fact]
    public async Task ContactPersons_CoverageAtYearEndAndCompetenceOfTheYear()
    {
        var suffix = app.ProviderName + Guid.NewGuid().ToString("N")[..6];
        var (committee, officeA, officeB) = await app.WithDbAsync(async db =>
        {
            db.Tenant.Use(app.Boras);
            var council = await db.Units.FirstAsync(u => u.Kind == UnitKind.Council);
            var c = Unit.Create(app.Boras, "Kontaktnämnden " + suffix, UnitKind.Committee, council).Value!;
            var a = Unit.Create(app.Boras, "Kontor A " + suffix, UnitKind.Office, c).Value!;
            var b = Unit.Create(app.Boras, "Kontor B " + suffix, UnitKind.Office, c).Value!;
            db.Units.AddRange(c, a, b);
            await db.SaveChangesAsync();
            return (c.Id, a.Id, b.Id);
        });
        var api = await app.ApiClientAsync(Coordinator);
        var reader = await app.UserIdAsync(OmvarldApp.Email("lasare"));
        var coordinator = await app.UserIdAsync(Coordinator);
        async Task<Guid> AppointAsync(Guid unit, Guid user, string from, string? to)
        {
            var r = await api.PostJsonAsync("/api/v1/contact-persons", new { unitId = unit, userId = user, from, to });
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
            return (await r.ReadJsonAsync()).GetProperty("id").GetGuid();
        }
        async Task LogAsync(Guid person, string kind, string date, decimal hours, bool isJoint)
        {
            var r = await api.PostJsonAsync($"/api/v1/contact-persons/{person}/competence", new { kind, date, hours, isJoint, description = "Sammanställningens test" });
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        }
        var a = await AppointAsync(officeA, reader, "2030-06-01", null);
        var b = await AppointAsync(officeB, coordinator, "2030-01-01", "2030-12-31");
        await LogAsync(a, "Course", "2031-03-01", 6m, true);
        await LogAsync(a, "StudyVisit", "2031-09-01", 7.5m, false);
        await LogAsync(b, "NetworkMeeting", "2030-05-05", 2m, true);
        await LogAsync(b, "Course", "2029-05-05", 3m, true); // two years back: in neither column

        var c = await GetAsync($"year={Year}&unit={committee}");
        Assert.Equal((1m, 2m), Figure(c, "contact-persons", "with"));
        Assert.Equal((1m, 0m), Figure(c, "contact-persons", "without"));
        Assert.Equal((2m, 1m), Figure(c, "competence", "count"));
        Assert.Equal((13.5m, 2m), Figure(c, "competence", "hours"));
        Assert.Equal((1m, 1m), Figure(c, "competence", "joint"));
        Assert.Equal((1m, 0m), Figure(c, "competence", "individual"));
        Assert.Equal("Hours", Section(c, "competence").Str("measure"));

        // The same figures in the spreadsheet, hours with their decimal.
        var xlsx = await api.GetAsync($"/api/v1/compilation/export?year={Year}&unit={committee}&format=xlsx");
        using var book = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var hoursRow = book.Worksheets.SelectMany(w => w.RowsUsed()).First(r => r.Cell(1).GetString() == "Timmar");
        Assert.Equal((13.5, 2.0), (hoursRow.Cell(2).GetDouble(), hoursRow.Cell(3).GetDouble()));
    }

    /// <summary>R18: the memberships (fees of those active in the year) and the twin towns (activities in the year, the year's note).</summary>
    [Fact]
    public async Task MembershipsAndTwinTowns_FeesActivitiesAndNotes()
    {
        // The whole municipality in 2025: Borås's demo memberships and twin towns.
        var whole = await GetAsync("year=2025");
        Assert.Equal((527_000m, 527_000m), Figure(whole, "memberships", "total"));
        var memberships = Section(whole, "memberships");
        Assert.Equal("Sek", memberships.Str("measure"));
        Assert.Contains(memberships.GetProperty("rows").EnumerateArray(), r => r.Str("label") == "West Sweden" && r.GetProperty("value").GetDecimal() == 142_000m);
        Assert.Contains(memberships.GetProperty("items").EnumerateArray(), i => i.Str("title") == "Interreg ÖKS: gröna kompetenser i textilindustrin" && i.Str("note") == "Genom West Sweden");
        var towns = Section(whole, "twin-town-register");
        var esimerkkila = towns.GetProperty("rows").EnumerateArray().Single(r => r.Str("label")!.StartsWith("Esimerkkilä, Finland (Aktiv)", StringComparison.Ordinal));
        Assert.Equal(1m, esimerkkila.GetProperty("value").GetDecimal());
        Assert.Contains(towns.GetProperty("notes").EnumerateArray(), n => n.Str("subject") == "Esimerkkilä, Finland" && n.Str("text")!.StartsWith("Samarbetet breddas", StringComparison.Ordinal));
        Assert.Contains(towns.GetProperty("rows").EnumerateArray(), r => r.Str("label")!.StartsWith("Pavyzdys, Litauen (Vilande)", StringComparison.Ordinal));

        // A unit's part: only the membership and twin town its own activities ran through, with the year's note.
        var a = await ArrangeAsync();
        await app.WithDbAsync(async db =>
        {
            db.Tenant.Use(app.Boras);
            var coordinator = new AccessScope(false, [(Role.Coordinator, null)], null);
            var users = (await db.Users.Where(u => u.MunicipalityId == app.Boras).Select(u => u.Id).ToListAsync()).ToHashSet();
            var activity = await db.Activities.SingleAsync(x => x.Id == a.TwinTown);
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var (membership, r1) = Domain.Networks.Membership.Create(app.Boras, new(("Kompilationsnätverket " + suffix), Domain.Networks.MembershipKind.ThematicNetwork,
                Domain.Networks.NetworkLevel.National, new(2031, 3, 1), null, 12_000m, [], null, [], null, null), users, coordinator);
            Assert.True(r1.IsOk, r1.Error);
            var (town, r2) = Domain.Networks.TwinTown.Create(app.Boras, new("Koosteby " + suffix, "FI", Domain.Networks.TwinTownKind.FriendshipTown, null,
                Domain.Networks.TwinTownStatus.Active, null, null, null, null, null), new HashSet<string> { "FI" }, users, coordinator);
            Assert.True(r2.IsOk, r2.Error);
            db.Memberships.Add(membership!);
            db.TwinTowns.Add(town!);
            db.MembershipActivities.Add(Domain.Networks.MembershipActivity.Link(membership!, activity, coordinator).Value!);
            db.TwinTownActivities.Add(Domain.Networks.TwinTownActivity.Link(town!, activity, coordinator).Value!);
            db.TwinTownNotes.Add(Domain.Networks.TwinTownNote.Write(town!, Year, "Utbytet fördjupades.", null, "Testaren", app.Clock.GetUtcNow(), coordinator).Value!);
            await db.SaveChangesAsync();
        });
        var part = await GetAsync($"year={Year}&unit={a.Other}");
        var rows = Section(part, "memberships").GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count); // the total and the one membership: none of the demo's
        Assert.Equal((12_000m, 0m), Figure(part, "memberships", "total"));
        var townRow = Section(part, "twin-town-register").GetProperty("rows").EnumerateArray().Single();
        Assert.Equal((1m, 1m), (townRow.GetProperty("value").GetDecimal(), townRow.GetProperty("previous").GetDecimal()));
        Assert.Equal("Utbytet fördjupades.", Section(part, "twin-town-register").GetProperty("notes")[0].Str("text"));
        Assert.Contains("Vänortsutbyte", Section(part, "twin-town-register").GetProperty("items")[0].Str("title"));
        // The other committee's part shows none of it.
        Assert.Single(Section(await GetAsync($"year={Year}&unit={a.Committee}"), "memberships").GetProperty("rows").EnumerateArray());

        // The page and the files carry the note too.
        var page = await (await app.SignInAsync(Coordinator)).GetDocumentAsync($"/sammanstallning?ar={Year}&enhet={a.Other}");
        Assert.Contains("Utbytet fördjupades.", page.QuerySelector("#section-twin-town-register")!.ParentElement!.TextContent);
        var api = await app.ApiClientAsync(Coordinator);
        using var workbook = new XLWorkbook(new MemoryStream(await (await api.GetAsync($"/api/v1/compilation/export?year={Year}&unit={a.Other}&format=xlsx")).Content.ReadAsByteArrayAsync()));
        Assert.Contains(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => c.GetString() == "Utbytet fördjupades.");
    }

    [Fact]
    public async Task EmptyYear_ValidEmptyReport_InEveryFormat()
    {
        var a = await ArrangeAsync();
        var empty = await GetAsync($"year=2045&unit={a.Committee}");
        Assert.Equal((0m, 0m), Figure(empty, "summary", "active"));
        // Nothing happened that year: every figure is 0, except that the committee has no plan for it (R12; Borås's policy
        // does not demand one, so it is counted for information, not as missing).
        Assert.All(empty.GetProperty("sections").EnumerateArray().Where(s => s.Str("key") != "action-plans"), s =>
            Assert.All(s.GetProperty("rows").EnumerateArray(), r => Assert.Equal(0m, r.GetProperty("value").GetDecimal())));
        Assert.Equal((1m, 1m), Figure(empty, "action-plans", "without"));
        Assert.DoesNotContain(Section(empty, "action-plans").GetProperty("rows").EnumerateArray(), r => r.Str("key") == "missing");
        Assert.Equal((0m, 0m), Figure(empty, "action-plans", "evaluated"));
        var api = await app.ApiClientAsync(Coordinator);
        foreach (var format in new[] { "xlsx", "docx", "pdf" })
        {
            var file = await api.GetAsync($"/api/v1/compilation/export?year=2045&unit={a.Committee}&format={format}");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.True((await file.Content.ReadAsByteArrayAsync()).Length > 100);
        }
    }

    [Fact]
    public async Task Formats_ShowTheSameFiguresAsTheJson()
    {
        var a = await ArrangeAsync();
        var query = $"year={Year}&unit={a.Committee}";
        var json = await GetAsync(query);
        var api = await app.ApiClientAsync(Coordinator);
        async Task<byte[]> File(string format)
        {
            var response = await api.GetAsync($"/api/v1/compilation/export?{query}&format={format}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{format}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadAsByteArrayAsync();
        }

        // Every row of every section, as (label, this year, last year).
        var sv = CultureInfo.GetCultureInfo("sv-SE");
        // What is still owed, the findings that still stand and the follow-up's accounts are a current state, not a year
        // beside the previous one: their sheets and tables are checked apart.
        var presentTitles = json.GetProperty("sections").EnumerateArray().Where(s => !s.GetProperty("compared").GetBoolean()).Select(s => s.Str("title")!).ToList();
        var expected = json.GetProperty("sections").EnumerateArray().Where(s => s.GetProperty("compared").GetBoolean()).SelectMany(s => s.GetProperty("rows").EnumerateArray().Select(r => (
            Label: r.Str("label")!, Value: r.GetProperty("value").GetDecimal(), Previous: r.GetProperty("previous").GetDecimal(), Sek: s.Str("measure") == "Sek"))).ToList();
        Assert.Contains(expected, e => e.Value == 100_000m);

        // XLSX: a sheet per section, label in column A, the two years as numbers in B and C.
        using (var workbook = new XLWorkbook(new MemoryStream(await File("xlsx"))))
        {
            var cells = workbook.Worksheets.Skip(1).Where(w => !presentTitles.Any(t => t.StartsWith(w.Name, StringComparison.Ordinal))).SelectMany(w => w.RowsUsed()).Select(r => (Label: r.Cell(1).GetString(), B: r.Cell(2), C: r.Cell(3))).ToList();
            foreach (var e in expected)
            {
                var row = cells.First(c => c.Label == e.Label);
                Assert.Equal(e.Value, row.B.GetValue<decimal>());
                Assert.Equal(e.Previous, row.C.GetValue<decimal>());
            }
        }

        // DOCX: each table row reads label, this year, last year as the page writes them.
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await File("docx")), false))
        {
            var rows = doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
                .Select(r => r.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList();
            foreach (var e in expected)
            {
                // A label may stand again in the table of what is still owed: some row with it shows the two years.
                Assert.Contains(rows, r => r.Count > 2 && r[0] == e.Label && r[1] == Text(e.Value, e.Sek) && r[2] == Text(e.Previous, e.Sek));
            }
        }

        // PDF: rendered to images by poppler, and its text holds the same figures.
        var pdf = await File("pdf");
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        var folder = Directory.CreateTempSubdirectory("omvarld-pdf-");
        try
        {
            var path = Path.Combine(folder.FullName, "sammanstallning.pdf");
            await System.IO.File.WriteAllBytesAsync(path, pdf);
            Run("pdftoppm", $"-png -r 50 \"{path}\" \"{Path.Combine(folder.FullName, "page")}\"");
            var pages = Directory.GetFiles(folder.FullName, "page*.png");
            Assert.NotEmpty(pages);
            Assert.All(pages, p => Assert.True(new FileInfo(p).Length > 1000, $"{p} is nearly empty"));
            // Swedish digit grouping is a no-break space; pdftotext may give either kind of space.
            var text = Run("pdftotext", $"-layout \"{path}\" -").Replace('\u00a0', ' ');
            foreach (var e in expected.Where(e => e.Value != 0))
                Assert.Contains(Text(e.Value, e.Sek).Replace('\u00a0', ' '), text);
            Assert.Contains("Interreg Europe", text);
        }
        finally { folder.Delete(true); }

        string Text(decimal v, bool sek) => sek ? v.ToString("N0", sv) + "\u00a0kr" : v.ToString("N0", sv);
    }

    /// <summary>Runs a poppler tool; missing poppler-utils fails with what to install, never skips.</summary>
    private static string Run(string tool, string arguments)
    {
        var path = $"/usr/bin/{tool}";
        Assert.True(System.IO.File.Exists(path),
            $"{tool} is missing: the PDF test needs Debian's poppler-utils. Install with:  sudo apt-get install -y poppler-utils  (./test.sh does so when run as root).");
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(path, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {error}");
        return output;
    }
}

public sealed class CompilationTests_Sqlite(SqliteApp app) : CompilationTests(app), IClassFixture<SqliteApp>;
public sealed class CompilationTests_Postgres(PostgresApp app) : CompilationTests(app), IClassFixture<PostgresApp>;
