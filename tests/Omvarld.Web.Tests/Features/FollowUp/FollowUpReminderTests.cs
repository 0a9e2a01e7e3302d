using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Omvarld.Web.Features.Reminders;
using Omvarld.Web.Features.Shared;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.FollowUp;

/// <summary>
/// Issue 15's e-mail reminders over a real SMTP server on loopback: the unit's editor and approver get one reminder
/// before the deadline and one after it, never a second for the same section and deadline however often the reminder
/// job runs; the coordinator's reminder goes at most once a day. On PostgreSQL also with two app instances running the
/// job at the same time against one database: still exactly one mail each.
/// </summary>
public abstract class FollowUpReminderTests(OmvarldApp app, SmtpTestServer smtp)
{
    protected static readonly string Editor = OmvarldApp.Email("redaktor", "upplands-bro");
    protected static readonly string Approver = OmvarldApp.Email("godkannare", "upplands-bro");
    private static readonly string Coordinator = OmvarldApp.Email("samordnare", "upplands-bro");

    protected OmvarldApp App => app;
    protected DateOnly Today => DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);

    protected static async Task<ReminderRun> RunAsync(WebApplicationFactory<Program> host, DateOnly today)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().SendDueRemindersAsync(today);
    }

    /// <summary>The follow-up mails of <paramref name="year"/> to <paramref name="email"/>.</summary>
    protected List<MimeMessage> FollowUpMails(string email, int year) =>
        smtp.Messages().Where(m => m.To.Mailboxes.Any(b => b.Address == email) && m.Subject?.Contains($"uppföljningen av {year}", StringComparison.Ordinal) == true).ToList();

    protected async Task<(Guid RoundId, Guid SectionId, DateOnly Deadline)> OpenAsync(int year)
    {
        var deadline = Today.AddDays(20);
        var coordinator = await app.ApiClientAsync(Coordinator);
        var response = await coordinator.PostJsonAsync("/api/v1/follow-up", new { year, deadline, questions = new[] { "Vad ledde arbetet till?" } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var round = await response.ReadJsonAsync();
        var section = round.GetProperty("sections").EnumerateArray().Single(s => s.Str("unitName") == "Utbildningsnämnden").GetProperty("id").GetGuid();
        return (round.GetProperty("id").GetGuid(), section, deadline);
    }

    [Fact]
    public async Task Reminders_BeforeAndAfterTheDeadline_OnceEach_AndTheCoordinatorsOnceADay()
    {
        var (roundId, sectionId, deadline) = await OpenAsync(2024);

        // Long before the deadline: nothing.
        await RunAsync(app, deadline.AddDays(-10));
        Assert.Empty(FollowUpMails(Editor, 2024));

        // Within the week before: one reminder to the unit's editor and approver, linking to the section.
        await RunAsync(app, deadline.AddDays(-5));
        var mail = Assert.Single(FollowUpMails(Editor, 2024));
        Assert.Equal($"Omvärld: uppföljningen av 2024 ska lämnas senast {Format.Date(deadline)}", mail.Subject);
        Assert.Contains($"https://omvarld.test/uppfoljning/avsnitt/{sectionId}", mail.TextBody);
        Assert.Contains("Utbildningsnämnden", mail.TextBody);
        Assert.Contains($"href=\"https://omvarld.test/uppfoljning/avsnitt/{sectionId}\"", mail.HtmlBody);
        Assert.Single(FollowUpMails(Approver, 2024));
        // Not to the editor of a unit the round's other sections belong to, nor to the coordinator.
        Assert.Empty(FollowUpMails(Coordinator, 2024));

        // Again the same day, and later the same week: the log says it is done.
        await RunAsync(app, deadline.AddDays(-5));
        await RunAsync(app, deadline.AddDays(-1));
        Assert.Single(FollowUpMails(Editor, 2024));

        // After the deadline: one more, then never again for this deadline.
        await RunAsync(app, deadline.AddDays(1));
        await RunAsync(app, deadline.AddDays(8));
        var after = FollowUpMails(Editor, 2024);
        Assert.Equal(2, after.Count);
        Assert.Single(after, m => m.Subject == "Omvärld: uppföljningen av 2024 är försenad");
        Assert.Equal(2, FollowUpMails(Approver, 2024).Count);

        // The coordinator reminds all: one more each; a second click the same day sends nothing.
        var coordinator = await app.ApiClientAsync(Coordinator);
        var reminded = await coordinator.PostJsonAsync($"/api/v1/follow-up/{roundId}/remind", new { });
        Assert.Equal(HttpStatusCode.OK, reminded.StatusCode);
        Assert.Equal(3, FollowUpMails(Editor, 2024).Count);
        var again = await (await coordinator.PostJsonAsync($"/api/v1/follow-up/sections/{sectionId}/remind", new { })).ReadJsonAsync();
        Assert.Equal("Påminnelse skickad: 0 e-postmeddelande(n).", again.Str("message"));
        Assert.Equal(3, FollowUpMails(Editor, 2024).Count);
        var logged = await app.WithDbAsync(db => db.FollowUpReminderLogs.IgnoreQueryFilters().Where(r => r.SectionId == sectionId).Select(r => r.Kind).ToListAsync());
        Assert.Equal(6, logged.Count);
    }

    [Fact]
    public async Task AReadySection_GetsNoReminder()
    {
        var (_, sectionId, deadline) = await OpenAsync(2023);
        var editor = await app.ApiClientAsync(Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.PutJsonAsync($"/api/v1/follow-up/sections/{sectionId}/answers", new { answers = new[] { "Klart." } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiClientAsync(Approver)).PostJsonAsync($"/api/v1/follow-up/sections/{sectionId}/ready", new { })).StatusCode);

        await RunAsync(app, deadline.AddDays(-3));
        await RunAsync(app, deadline.AddDays(3));
        Assert.Empty(FollowUpMails(Editor, 2023));
        var refused = await (await app.ApiClientAsync(Coordinator)).PostJsonAsync($"/api/v1/follow-up/sections/{sectionId}/remind", new { });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}

public sealed class FollowUpReminderTests_Sqlite(SqliteMailingApp app) : FollowUpReminderTests(app, app.Smtp), IClassFixture<SqliteMailingApp>;

public sealed class FollowUpReminderTests_Postgres(PostgresMailingApp app) : FollowUpReminderTests(app, app.Smtp), IClassFixture<PostgresMailingApp>
{
    /// <summary>
    /// Two app instances (two hosts, each with its own services) on one PostgreSQL database run the reminder job at
    /// the same moment, twice each: the reminder log's unique key lets exactly one claim per section, deadline and
    /// person through, so each person gets exactly one mail.
    /// </summary>
    [Fact]
    public async Task TwoInstances_RunningTheJobTogether_SendEachReminderOnce()
    {
        var (_, sectionId, deadline) = await OpenAsync(2022);
        await using var second = App.WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:MigrateOnStart", "false");
            b.UseSetting("Demo:Enabled", "false");
        });
        Assert.NotSame(App.Services, second.Services);
        var day = deadline.AddDays(2);

        var runs = await Task.WhenAll(RunAsync(App, day), RunAsync(second, day), RunAsync(App, day), RunAsync(second, day));

        Assert.All(runs, r => Assert.Equal(0, r.Failures));
        Assert.Single(FollowUpMails(Editor, 2022));
        Assert.Single(FollowUpMails(Approver, 2022));
        var claims = await App.WithDbAsync(db => db.FollowUpReminderLogs.IgnoreQueryFilters().Where(r => r.SectionId == sectionId)
            .Select(r => new { r.Kind, r.RecipientUserId, r.Deadline }).ToListAsync());
        Assert.Equal(2, claims.Count);
        Assert.All(claims, c => Assert.Equal(("after", deadline), (c.Kind, c.Deadline)));
    }
}
