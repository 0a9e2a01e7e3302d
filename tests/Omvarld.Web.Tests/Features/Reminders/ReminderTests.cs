using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Omvarld.Web.Features.Reminders;
using Omvarld.Web.Features.Shared;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Reminders;

/// <summary>
/// R11's e-mail reminders on both databases, over a real SMTP server on loopback: the responsible person gets one mail
/// with a link to the activity, the coordinator a digest; a second run in the same week sends nothing (the reminder log
/// decides); a user who turned reminders off gets none.
/// </summary>
public abstract class ReminderTests(OmvarldApp app, SmtpTestServer smtp)
{
    private const string Administration = "Gymnasie- och vuxenutbildningsförvaltningen";

    private async Task<ReminderRun> RunAsync(DateOnly today)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderService>().SendDueRemindersAsync(today);
    }

    private List<MimeMessage> To(string email) =>
        smtp.Messages().Where(m => m.To.Mailboxes.Any(b => b.Address == email)).ToList();

    [Fact]
    public async Task SendDueReminders_MailsTheResponsibleOnce_ThenNothingTheSameWeek_AndNobodyWithRemindersOff()
    {
        var responsible = OmvarldApp.Email("ansvarig.paminnelse");
        var silent = OmvarldApp.Email("tyst.paminnelse");
        var coordinator = OmvarldApp.Email("samordnare");
        var responsibleId = await app.UserAsync(app.Boras, responsible);
        await app.UserAsync(app.Boras, silent, reminders: false);
        var id = await app.RunningActivityAsync(app.Boras, Administration, "Skolsamarbete med Riga sedan 2024", responsible, new DateOnly(2024, 3, 1));
        await app.RunningActivityAsync(app.Boras, Administration, "Tyst utbyte med Vilnius", silent, new DateOnly(2024, 3, 1));
        var monday = new DateOnly(2026, 3, 9);

        var first = await RunAsync(monday);

        var mail = Assert.Single(To(responsible));
        Assert.Equal("Omvärld: 2 resultatrapport(er) att lämna", mail.Subject);
        Assert.Equal("omvarld@omvarld.test", mail.From.Mailboxes.Single().Address);
        Assert.Contains($"https://omvarld.test/aktiviteter/{id}", mail.TextBody);
        Assert.Contains($"href=\"https://omvarld.test/aktiviteter/{id}\"", mail.HtmlBody);
        Assert.Contains($"Skolsamarbete med Riga sedan 2024: Årsrapport 2024, senast {Format.Date(new DateOnly(2025, 2, 28))} (försenad)", mail.TextBody);
        Assert.Contains("https://omvarld.test/konto", mail.TextBody);
        Assert.Empty(To(silent));
        var digest = Assert.Single(To(coordinator), m => m.Subject?.StartsWith("Omvärld: veckans resultat", StringComparison.Ordinal) == true);
        Assert.Contains("Skolsamarbete med Riga sedan 2024", digest.TextBody);
        Assert.Contains("Tyst utbyte med Vilnius", digest.TextBody);
        Assert.True(first.MailsSent >= 2 && first.Failures == 0, $"{first}");
        var logged = await app.WithDbAsync(db => db.ReminderLogs.IgnoreQueryFilters()
            .Where(r => r.ActivityId == id).Select(r => new { r.ReportKey, r.RecipientUserId, r.Week }).ToListAsync());
        Assert.Equal(["2024", "2025"], logged.Select(r => r.ReportKey).Order());
        Assert.All(logged, r => Assert.Equal((responsibleId, 202611), (r.RecipientUserId, r.Week)));

        // The same week, or a repeated run the same day: the log says it is done.
        var count = smtp.Messages().Count;
        Assert.Equal(0, (await RunAsync(monday)).MailsSent);
        Assert.Equal(0, (await RunAsync(monday.AddDays(4))).MailsSent);
        Assert.Equal(count, smtp.Messages().Count);

        // A week later the reports are still overdue: one more reminder.
        await RunAsync(monday.AddDays(7));
        Assert.Equal(2, To(responsible).Count);
        Assert.Empty(To(silent));
    }
}

public sealed class ReminderTests_Sqlite(SqliteMailingApp app) : ReminderTests(app, app.Smtp), IClassFixture<SqliteMailingApp>;
public sealed class ReminderTests_Postgres(PostgresMailingApp app) : ReminderTests(app, app.Smtp), IClassFixture<PostgresMailingApp>;
