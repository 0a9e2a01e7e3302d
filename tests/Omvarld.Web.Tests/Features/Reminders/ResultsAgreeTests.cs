using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Activities.Results;
using Omvarld.Web.Features.Reminders;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Reminders;

/// <summary>
/// R11 answered once (issue 15): for one Upplands-Bro activity — whose 2020 policy demands yearly reports and no final
/// one — the finding, the due list (API and page), the reminders, the calendar feed, the compilation and the yearly
/// follow-up round (its section's results reported and missing) all give the answer of the one rule. Dates come from the app's TimeProvider.
/// </summary>
public abstract class ResultsAgreeTests(OmvarldApp app)
{
    private const string Unit = "Samhällsbyggnadskontoret";
    private static readonly string Coordinator = OmvarldApp.Email("samordnare", "upplands-bro");

    private DateOnly Today => DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);

    private async Task<(int YearlyMissing, int FinalMissing)> CompilationAsync(HttpClient api, int year, Guid unit)
    {
        var json = await (await api.GetAsync($"/api/v1/compilation?year={year}&unit={unit}")).ReadJsonAsync();
        var rows = json.GetProperty("sections").EnumerateArray().Single(s => s.Str("key") == "results").GetProperty("rows").EnumerateArray().ToList();
        int Value(string key) => (int)rows.Single(r => r.Str("key") == key).GetProperty("value").GetDecimal();
        return (Value("yearly-missing"), Value("final-missing"));
    }

    [Fact]
    public async Task OneUpplandsBroActivity_FindingDueListRemindersCalendarAndCompilation_AllGiveTheRulesAnswer()
    {
        var today = Today;
        var api = await app.ApiClientAsync(Coordinator);
        var unit = await app.UnitIdAsync(app.UpplandsBro, Unit);
        var lastYear = today.Year - 1;
        var before = (Last: await CompilationAsync(api, lastYear, unit), This: await CompilationAsync(api, today.Year, unit));

        // Ran from 1 January last year and completed five days ago, nothing reported.
        var started = new DateOnly(lastYear, 1, 1);
        var ended = today.AddDays(-5) is var e && e >= started ? e : started;
        var id = await app.RunningActivityAsync(app.UpplandsBro, Unit, "Omvärldsbevakning av hållbart byggande (R11)", Coordinator, started, ended);

        // The rule's answer: the domain's ResultsDue under Upplands-Bro 2020's demand (yearly, no final report).
        var demand = new ResultsDemand(true, false, ResultsDueRules.Default, ResultsDemand.R11Check);
        var facts = new ResultsFacts(ActivityStatus.Completed, started, ended, [], false);
        var owed = ResultsDue.For(facts, today, demand);
        Assert.NotEmpty(owed);
        Assert.DoesNotContain(owed, o => o.IsFinal);
        var pressing = owed.Where(o => o.State != ReportDueState.Due).Select(o => o.Key).ToHashSet();

        // 1. The finding on the activity (the policy version in force at its start).
        var activity = await (await api.GetAsync($"/api/v1/activities/{id}")).ReadJsonAsync();
        var findings = activity.GetProperty("findings").EnumerateArray().Where(f => f.Str("check") == "results-reported").Select(f => f.Str("message")!).ToList();
        Assert.Equal(pressing.Count, findings.Count);
        Assert.All(pressing, key => Assert.Contains(findings, m => m.Contains($"Resultaten för {key} ", StringComparison.Ordinal)));
        Assert.DoesNotContain(findings, m => m.Contains("Slutredovisningen", StringComparison.Ordinal));

        // 2. The due list, API and page.
        var due = (await (await api.GetAsync($"/api/v1/activities/results-due?unit={unit}")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("activityId").GetGuid() == id).ToList();
        Assert.Equal(owed.Select(o => (o.Year, (string?)o.DueDate.ToString("yyyy-MM-dd"), (string?)o.State.ToString())),
            due.Select(i => (i.GetProperty("year").ValueKind == JsonValueKind.Number ? i.GetProperty("year").GetInt32() : (int?)null, i.Str("dueDate"), i.Str("state"))));
        var page = await (await app.SignInAsync(Coordinator)).GetDocumentAsync($"/aktiviteter/resultat?unit={unit}");
        Assert.Equal(owed.Count, page.QuerySelectorAll($"#results-due a[href='/aktiviteter/{id}']").Length);

        // 3. The reminders: what they would be about (the reports due soon or overdue).
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(app.UpplandsBro);
            var reminders = await scope.ServiceProvider.GetRequiredService<ReminderService>().PressingAsync(today);
            Assert.Equal(pressing.Order(), reminders.Where(r => r.ActivityId == id).Select(r => r.Report.Key).Order());
        }

        // 4. The calendar feed: every report owed by the horizon's end whose date is in the feed's window.
        var created = await api.PostAsync("/api/v1/me/calendar", null);
        var url = (await created.ReadJsonAsync()).Str("url")!;
        var ics = await (await app.NewClient().GetAsync(new Uri(url).AbsolutePath)).Content.ReadAsStringAsync();
        var horizon = ResultsDue.For(facts, today.AddMonths(Omvarld.Web.Features.Calendar.CalendarService.HorizonMonths), demand)
            .Where(o => o.DueDate >= today.AddDays(-Omvarld.Web.Features.Calendar.CalendarService.PastDays)).Select(o => o.Key).Order().ToList();
        var uids = ics.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith($"UID:results-{id:D}-", StringComparison.Ordinal))
            .Select(l => l[$"UID:results-{id:D}-".Length..].Split('@')[0]).Order().ToList();
        Assert.Equal(horizon, uids);
        Assert.DoesNotContain("final", uids);

        // 5. The compilation: last year's and this year's yearly reports are missing; no final report is.
        var after = (Last: await CompilationAsync(api, lastYear, unit), This: await CompilationAsync(api, today.Year, unit));
        Assert.Equal((before.Last.YearlyMissing + owed.Count(o => o.Year == lastYear), before.Last.FinalMissing), after.Last);
        Assert.Equal((before.This.YearlyMissing + owed.Count(o => o.Year == today.Year), before.This.FinalMissing), after.This);

        // 6. The yearly follow-up round: the unit's section of each year, pre-filled from the register, lists the reports
        // still owed for that year as the rule says (the year's yearly report, a final one), and not the activity as reported.
        foreach (var year in new[] { lastYear, today.Year })
        {
            var opened = await api.PostJsonAsync("/api/v1/follow-up", new { year, deadline = today.AddDays(30), unitIds = new[] { unit } });
            Assert.True(opened.StatusCode == HttpStatusCode.Created, $"{year}: {(int)opened.StatusCode} {await opened.Content.ReadAsStringAsync()}");
            var sectionId = (await opened.ReadJsonAsync()).GetProperty("sections").EnumerateArray()
                .Single(x => x.GetProperty("unitId").GetGuid() == unit).GetProperty("id").GetGuid();
            var sectionFacts = (await (await api.GetAsync($"/api/v1/follow-up/sections/{sectionId}")).ReadJsonAsync()).GetProperty("facts");
            Assert.Contains(sectionFacts.GetProperty("activities").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
            var missing = sectionFacts.GetProperty("resultsMissing").EnumerateArray().Where(m => m.GetProperty("activityId").GetGuid() == id)
                .Select(m => (m.GetProperty("year").ValueKind == JsonValueKind.Number ? m.GetProperty("year").GetInt32() : (int?)null, m.Str("dueDate"), m.Str("state")))
                .Order().ToList();
            Assert.Equal(owed.Where(o => o.Year == year || o.IsFinal).Select(o => (o.Year, (string?)o.DueDate.ToString("yyyy-MM-dd"), (string?)o.State.ToString())).Order(), missing);
            Assert.DoesNotContain(sectionFacts.GetProperty("resultsReported").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        }
    }
}

public sealed class ResultsAgreeTests_Sqlite(SqliteApp app) : ResultsAgreeTests(app), IClassFixture<SqliteApp>;
public sealed class ResultsAgreeTests_Postgres(PostgresApp app) : ResultsAgreeTests(app), IClassFixture<PostgresApp>;
