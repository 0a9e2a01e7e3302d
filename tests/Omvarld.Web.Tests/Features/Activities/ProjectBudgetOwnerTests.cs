using System.Net;
using System.Text.Json;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Activities;

/// <summary>
/// Issue 19, Upplands-Bro 2020 section 4.3 "Nämnder och bolag har det ekonomiska ansvaret för deltagande i projekt":
/// a project's approval records whose budget bears it. Without an own-budget line naming the paying unit the project
/// cannot be approved, and the finding cites the clause; with it, it can.
/// </summary>
public abstract class ProjectBudgetOwnerTests(OmvarldApp app)
{
    private static readonly string Editor = OmvarldApp.Email("redaktor", "upplands-bro");
    private static readonly string Approver = OmvarldApp.Email("godkannare", "upplands-bro");
    private const string Clause = "Nämnder och bolag har det ekonomiska ansvaret för deltagande i projekt.";

    private static async Task<JsonElement> StepAsync(HttpClient api, Guid id, string action, int version, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await api.PostJsonAsync($"/api/v1/activities/{id}/transitions", new { action, version });
        Assert.True(response.StatusCode == expected, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Project_WithoutItsBudgetOwner_IsNotApproved_UntilTheCommitteesOwnBudgetLineNamesIt()
    {
        var editor = await app.ApiClientAsync(Editor);
        var approver = await app.ApiClientAsync(Approver);
        var office = await app.UnitIdAsync(app.UpplandsBro, "Utbildningskontoret");
        var committee = await app.UnitIdAsync(app.UpplandsBro, "Utbildningsnämnden");
        var created = await editor.PostJsonAsync("/api/v1/activities", new
        {
            title = "Erasmus+: digitala läromedel", description = "Ett projekt med skolor i Finland och Estland.", kind = "TransnationalProject",
            ownerUnitId = office, responsibleUserId = await app.UserIdAsync(Editor), start = "2027-01-10", end = "2028-06-30",
            purpose = "Utveckla undervisningen.", expectedResults = "Gemensamma läromedel.", childPerspective = "Eleverna prövar läromedlen.",
            aimedAtEnablingInternationalWork = false, goals = new[] { new { code = "VERKSAMHETSUTVECKLING", how = "Nya arbetssätt i skolan." } },
            sdgs = new[] { "4" }, partners = Array.Empty<object>(),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var activity = await created.ReadJsonAsync();
        var id = activity.GetProperty("id").GetGuid();
        var eu = await editor.PostJsonAsync($"/api/v1/activities/{id}/funding", new
        {
            source = "EuProgramme", programmeCode = "ERASMUS_PLUS", amount = 40000m, currency = "Eur", exchangeRate = 11.2m,
            status = "Applied", statusOn = "2026-10-01", version = activity.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, eu.StatusCode);
        var funded = await eu.ReadJsonAsync();
        var finding = funded.GetProperty("findings").EnumerateArray().Single(f => f.Str("check") == "project-budget-owner");
        Assert.Equal(("Blocking", Clause, "UPPLANDSBRO-2020"), (finding.Str("severity"), finding.Str("clause"), finding.Str("policyVersionKey")));

        var submitted = await StepAsync(editor, id, "Submit", funded.GetProperty("version").GetInt32());
        var refused = await StepAsync(approver, id, "Approve", submitted.GetProperty("version").GetInt32(), HttpStatusCode.BadRequest);
        Assert.Contains("kan inte godkännas", refused.GetProperty("errors").EnumerateObject().First().Value[0].GetString());

        // The committee takes the cost on its budget: the line names the paying unit, and approval goes through.
        var rejected = await (await approver.PostJsonAsync($"/api/v1/activities/{id}/transitions",
            new { action = "Reject", version = submitted.GetProperty("version").GetInt32(), comment = "Ange vilken nämnd som bär kostnaden." })).ReadJsonAsync();
        var own = await editor.PostJsonAsync($"/api/v1/activities/{id}/funding", new
        {
            source = "OwnBudget", ownUnitId = committee, amount = 120000m, currency = "Sek", status = "Planned",
            version = rejected.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var mended = await own.ReadJsonAsync();
        Assert.DoesNotContain(mended.GetProperty("findings").EnumerateArray(), f => f.Str("check") == "project-budget-owner");
        var again = await StepAsync(editor, id, "Submit", mended.GetProperty("version").GetInt32());
        var approved = await StepAsync(approver, id, "Approve", again.GetProperty("version").GetInt32());
        Assert.Equal("Approved", approved.Str("status"));
    }
}

public sealed class ProjectBudgetOwnerTests_Sqlite(SqliteApp app) : ProjectBudgetOwnerTests(app), IClassFixture<SqliteApp>;
public sealed class ProjectBudgetOwnerTests_Postgres(PostgresApp app) : ProjectBudgetOwnerTests(app), IClassFixture<PostgresApp>;
