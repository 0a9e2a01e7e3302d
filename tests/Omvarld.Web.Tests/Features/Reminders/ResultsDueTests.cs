using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Domain.Activities;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Activities.Results;
using Omvarld.Web.Tests.Features.Activities;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Reminders;

/// <summary>Rows for the R11 tests: people and activities that have started (or ended) on given days.</summary>
public static class ResultsArrange
{
    public static Task<Guid> UserAsync(this OmvarldApp app, Guid municipality, string email, bool reminders = true) =>
        app.WithDbAsync(async db =>
        {
            using var scope = app.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            scope.ServiceProvider.GetRequiredService<TenantContext>().SystemScope = true;
            var user = new AppUser { UserName = email, Email = email, DisplayName = "Test " + email.Split('@')[0], MunicipalityId = municipality,
                EmailRemindersEnabled = reminders, CreatedAt = app.Clock.GetUtcNow().UtcDateTime, EmailConfirmed = true };
            var result = await users.CreateAsync(user, OmvarldApp.Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            return user.Id;
        });

    /// <summary>An activity that has run since <paramref name="started"/> (and ended on <paramref name="ended"/>), with no results reported.</summary>
    public static async Task<Guid> RunningActivityAsync(this OmvarldApp app, Guid municipality, string unit, string title, string responsible,
        DateOnly started, DateOnly? ended = null)
    {
        var id = await app.ActivityAsync(municipality, unit, title, responsible, started);
        await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, ended is null ? ActivityStatus.Ongoing : ActivityStatus.Completed)
            .SetProperty(a => a.ActualStart, started).SetProperty(a => a.ActualEnd, ended)));
        return id;
    }
}

/// <summary>
/// R11's due list on both databases: for a unit (with its sub-units) and for the coordinator, through the service on a
/// fixed day, the API and the page, and the start page's section.
/// </summary>
public abstract class ResultsDueTests(OmvarldApp app)
{
    private const string Committee = "Gymnasie- och vuxenutbildningsnämnden";
    private const string Administration = "Gymnasie- och vuxenutbildningsförvaltningen";

    private async Task<ResultsDueList> ListOnAsync(Guid? unit, DateOnly today, ReportDueState? state = null)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(app.Boras);
        return await scope.ServiceProvider.GetRequiredService<ResultsDueService>().ListAsync(unit, state, today);
    }

    [Fact]
    public async Task DueList_OngoingSince2024WithoutReports_On2025_03_15_The2024ReportIsOverdue_ForTheCommitteeAndTheMunicipality()
    {
        var responsible = OmvarldApp.Email("ansvarig.lista");
        await app.UserAsync(app.Boras, responsible);
        var ongoing = await app.RunningActivityAsync(app.Boras, Administration, "Elevutbyte med Tartu sedan 2024", responsible, new DateOnly(2024, 3, 1));
        var completed = await app.RunningActivityAsync(app.Boras, Administration, "Avslutat lärarutbyte", responsible, new DateOnly(2024, 9, 1), new DateOnly(2025, 2, 20));
        var committee = await app.UnitIdAsync(app.Boras, Committee);

        var forCommittee = await ListOnAsync(committee, new DateOnly(2025, 3, 15));
        var forMunicipality = await ListOnAsync(null, new DateOnly(2025, 3, 15));

        foreach (var list in new[] { forCommittee, forMunicipality })
        {
            var item = Assert.Single(list.Items, i => i.ActivityId == ongoing);
            Assert.Equal((2024, new DateOnly(2025, 2, 28), ReportDueState.Overdue, Administration, "Test ansvarig.lista"),
                (item.Year, item.DueDate, item.State, item.UnitName, item.ResponsibleName));
            // Completed on 2025-02-20: the 2024 report is overdue, the final one (2025-04-21) is owed but not yet near.
            Assert.Equal([(2024, ReportDueState.Overdue), (null, ReportDueState.Due)],
                list.Items.Where(i => i.ActivityId == completed).Select(i => (i.Year, i.State)));
        }
        Assert.All(forCommittee.Items, i => Assert.Contains(i.UnitName, new[] { Committee, Administration }));
        var otherUnit = await ListOnAsync(await app.UnitIdAsync(app.Boras, "Stadsledningskansliet"), new DateOnly(2025, 3, 15));
        Assert.DoesNotContain(otherUnit.Items, i => i.ActivityId == ongoing);
        Assert.DoesNotContain((await ListOnAsync(null, new DateOnly(2025, 3, 15), ReportDueState.DueSoon)).Items, i => i.ActivityId == ongoing);
    }

    [Fact]
    public async Task ApiPageAndStartPage_ShowTheOverdueReport_ToMembers_EditorsAndTheCoordinator()
    {
        var responsible = OmvarldApp.Email("ansvarig.sida");
        await app.UserAsync(app.Boras, responsible);
        var id = await app.RunningActivityAsync(app.Boras, Administration, "Yrkesutbyte med Kaunas sedan 2024", responsible, new DateOnly(2024, 5, 1));
        var committee = await app.UnitIdAsync(app.Boras, Committee);

        // Whatever today is (after 2025-02-28), the 2024 report is overdue.
        var reader = await app.ApiClientAsync(OmvarldApp.Email("lasare"));
        var json = await (await reader.GetAsync($"/api/v1/activities/results-due?unit={committee}&state=Overdue")).ReadJsonAsync();
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("activityId").GetGuid() == id && i.GetProperty("year").GetInt32() == 2024
            && i.Str("dueDate") == "2025-02-28" && i.Str("state") == "Overdue");
        Assert.All(items, i => Assert.Equal("Overdue", i.Str("state")));
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/api/v1/activities/results-due?state=Late")).StatusCode);

        var editor = await app.SignInAsync(OmvarldApp.Email("redaktor"));
        var page = await editor.GetDocumentAsync($"/aktiviteter/resultat?unit={committee}&state=Overdue");
        Assert.Contains(page.QuerySelectorAll("#results-due a"), a => a.GetAttribute("href") == $"/aktiviteter/{id}");

        foreach (var who in new[] { "redaktor", "samordnare", "ks" })
        {
            var start = await (await app.SignInAsync(OmvarldApp.Email(who))).GetDocumentAsync("/");
            Assert.NotNull(start.QuerySelector("#results-due-heading"));
            Assert.NotNull(start.QuerySelector("a[href='/aktiviteter/resultat']"));
        }
        var readerStart = await (await app.SignInAsync(OmvarldApp.Email("lasare"))).GetDocumentAsync("/");
        Assert.Null(readerStart.QuerySelector("#results-due-heading"));
    }
}

public sealed class ResultsDueTests_Sqlite(SqliteApp app) : ResultsDueTests(app), IClassFixture<SqliteApp>;
public sealed class ResultsDueTests_Postgres(PostgresApp app) : ResultsDueTests(app), IClassFixture<PostgresApp>;
