using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Activities.Results;
using Omvarld.Web.Features.Shared;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Reminders;

/// <summary>What one reminder run did.</summary>
public sealed record ReminderRun(int MailsSent, int RemindersClaimed, int Failures, string? NotRunReason = null)
{
    public static ReminderRun operator +(ReminderRun a, ReminderRun b) =>
        new(a.MailsSent + b.MailsSent, a.RemindersClaimed + b.RemindersClaimed, a.Failures + b.Failures, a.NotRunReason ?? b.NotRunReason);
}

/// <summary>
/// R11: results reminders by e-mail. Each run, in every municipality:
/// <list type="bullet">
/// <item>the responsible person of each activity with a report due soon or overdue gets one mail listing those reports,
/// at most once per report every <see cref="MinDaysBetween"/> days;</item>
/// <item>each coordinator gets a digest of the municipality's reports due soon and overdue, at most once every
/// <see cref="MinDaysBetween"/> days;</item>
/// <item>the follow-up round's reminders (issue 15, <see cref="Omvarld.Web.Features.FollowUp.FollowUpReminderService"/>).</item>
/// </list>
/// Nobody who turned reminders off (<see cref="AppUser.EmailRemindersEnabled"/>), is deactivated or has no address.
/// The run keeps no state: <see cref="ReminderLog"/> decides. A reminder is first claimed by inserting its log row (the
/// unique index on activity, report, recipient and ISO week refuses a second claim, from a repeated run or another
/// instance), then sent; a failed send removes its claims so that the next run tries again. A crash between claim and
/// send loses that week's reminder rather than sending it twice.
/// </summary>
public sealed class ReminderService(OmvarldDbContext db, SmtpMailer mailer, IOptions<SmtpOptions> smtp, IOptions<AppOptions> app,
    IStringLocalizer<SharedResource> l, TimeProvider clock, ILogger<ReminderService> log, ResultsRule rule,
    Omvarld.Web.Features.FollowUp.FollowUpReminderService followUp)
{
    public const int MinDaysBetween = 7;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<ReminderRun> SendDueRemindersAsync(DateOnly today, CancellationToken ct = default)
    {
        if (!smtp.Value.Enabled) return new ReminderRun(0, 0, 0, "Smtp:Enabled is false: no e-mail is sent.");
        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        var total = new ReminderRun(0, 0, 0);
        foreach (var m in municipalities)
        {
            db.Tenant.Use(m.Id);
            total += await RunForMunicipalityAsync(m.Id, m.Name, today, ct);
            // Issue 15: the follow-up round's reminders before and after its deadline, in the same run.
            total += await followUp.RunForMunicipalityAsync(m.Id, today, ct);
        }
        return total;
    }

    private async Task<ReminderRun> RunForMunicipalityAsync(Guid municipalityId, string municipalityName, DateOnly today, CancellationToken ct)
    {
        var pressing = await PressingAsync(today, ct);
        if (pressing.Count == 0) return new ReminderRun(0, 0, 0);

        var coordinators = await db.RoleAssignments.AsNoTracking().Where(r => r.Role == Role.Coordinator).Select(r => r.UserId).Distinct().ToListAsync(ct);
        var wanted = pressing.Select(o => o.ResponsibleUserId).Concat(coordinators).Distinct().ToList();
        var recipients = await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.Id) && u.MunicipalityId == municipalityId && u.IsActive && u.EmailRemindersEnabled && u.Email != null)
            .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName)).ToDictionaryAsync(u => u.Id, ct);
        var since = today.AddDays(-(MinDaysBetween - 1));
        var recent = (await db.ReminderLogs.AsNoTracking().Where(r => r.SentOn >= since)
                .Select(r => new { r.ActivityId, r.ReportKey, r.RecipientUserId }).ToListAsync(ct))
            .Select(r => (r.ActivityId, r.ReportKey, r.RecipientUserId)).ToHashSet();

        var run = new ReminderRun(0, 0, 0);
        foreach (var group in pressing.GroupBy(o => o.ResponsibleUserId))
        {
            if (!recipients.TryGetValue(group.Key, out var to)) continue;
            var items = group.Where(o => !recent.Contains((o.ActivityId, o.Report.Key, to.Id))).ToList();
            // The mail lists what this run claimed: another instance may have claimed some of them a moment before.
            run += await ClaimAndSendAsync(municipalityId, today, to, items.Select(o => (o.ActivityId, o.Report.Key)).ToList(),
                claimed => ResponsibleMail(to, items.Where(o => claimed.Any(c => c.ActivityId == o.ActivityId && c.ReportKey == o.Report.Key)).ToList()), ct);
        }
        foreach (var id in coordinators)
        {
            if (!recipients.TryGetValue(id, out var to) || recent.Contains((Guid.Empty, ReminderLog.DigestKey, to.Id))) continue;
            run += await ClaimAndSendAsync(municipalityId, today, to, [(Guid.Empty, ReminderLog.DigestKey)], _ => DigestMail(to, municipalityName, pressing), ct);
        }
        return run;
    }

    /// <summary>What the reminders of the current municipality are about: the reports R11's rule owes, due soon or overdue.</summary>
    public async Task<List<OwedByActivity>> PressingAsync(DateOnly today, CancellationToken ct = default) =>
        (await rule.OwedAsync(null, today, ct)).Where(o => o.Report.State != ReportDueState.Due).ToList();

    private sealed record Recipient(Guid Id, string Email, string Name);

    private async Task<ReminderRun> ClaimAndSendAsync(Guid municipalityId, DateOnly today, Recipient to, List<(Guid ActivityId, string ReportKey)> reminders,
        Func<IReadOnlyList<ReminderLog>, (string Subject, string Text, string Html)> compose, CancellationToken ct)
    {
        var claimed = new List<ReminderLog>();
        foreach (var (activityId, key) in reminders)
            if (await ClaimAsync(new ReminderLog(municipalityId, activityId, key, to.Id, today, clock.GetUtcNow().UtcDateTime), ct) is { } entry)
                claimed.Add(entry);
        if (claimed.Count == 0) return new ReminderRun(0, 0, 0);

        var (subject, text, html) = compose(claimed);
        var message = new MimeMessage { Subject = subject };
        message.From.Add(mailer.From);
        message.To.Add(new MailboxAddress(to.Name, to.Email));
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        try
        {
            await mailer.SendAsync(message, ct);
            log.LogInformation("Results reminder sent to user {UserId} ({Count} report(s)).", to.Id, claimed.Count);
            return new ReminderRun(1, claimed.Count, 0);
        }
        catch (Exception e) when (e is MailKit.ProtocolException or MailKit.CommandException or IOException or System.Net.Sockets.SocketException
                                       or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException)
        {
            log.LogError(e, "Results reminder to user {UserId} could not be sent; it is tried again next run.", to.Id);
            db.ReminderLogs.RemoveRange(claimed);
            await db.SaveChangesAsync(ct);
            return new ReminderRun(0, 0, 1);
        }
    }

    /// <summary>Inserts the log row; null when another run or instance has already claimed this reminder this week.</summary>
    private async Task<ReminderLog?> ClaimAsync(ReminderLog entry, CancellationToken ct)
    {
        db.ReminderLogs.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
            db.Entry(entry).State = EntityState.Detached;
            return entry;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.Entry(entry).State = EntityState.Detached;
            return null;
        }
    }

    internal static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private string Link(string path) => app.Value.ParsedBaseUrl!.ToString().TrimEnd('/') + path;

    private string Report(OwedByActivity o) => o.Report.Year is { } y ? l["ResultsDue_Yearly", y] : l["ResultsDue_Final"];

    private string Line(OwedByActivity o) =>
        l["Reminder_Item", o.Title, Report(o), Format.Date(o.Report.DueDate), l["ReportDueState_" + o.Report.State].Value.ToLowerInvariant()];

    private (string Subject, string Text, string Html) ResponsibleMail(Recipient to, IReadOnlyList<OwedByActivity> items)
    {
        var text = new StringBuilder().AppendLine(l["Reminder_Greeting", to.Name]).AppendLine().AppendLine(l["Reminder_Intro"]).AppendLine();
        var html = new StringBuilder($"<p>{H(l["Reminder_Greeting", to.Name])}</p><p>{H(l["Reminder_Intro"])}</p><ul>");
        foreach (var o in items)
        {
            var link = Link($"/aktiviteter/{o.ActivityId}");
            text.AppendLine("- " + Line(o)).AppendLine("  " + link);
            html.Append($"<li><a href=\"{H(link)}\">{H(o.Title)}</a>: {H(Report(o))}, {H(l["ResultsDue_DueOn", Format.Date(o.Report.DueDate)])} ({H(l["ReportDueState_" + o.Report.State].Value.ToLowerInvariant())})</li>");
        }
        var footer = l["Reminder_Footer", Link("/konto")].Value;
        text.AppendLine().AppendLine(footer);
        html.Append($"</ul><p>{H(footer)}</p>");
        return (l["Reminder_Subject", items.Count], text.ToString(), html.ToString());
    }

    private (string Subject, string Text, string Html) DigestMail(Recipient to, string municipality, IReadOnlyList<OwedByActivity> items)
    {
        var overdue = items.Count(o => o.Report.State == ReportDueState.Overdue);
        var soon = items.Count(o => o.Report.State == ReportDueState.DueSoon);
        var intro = l["Reminder_DigestIntro", overdue, soon].Value;
        var all = Link("/aktiviteter/resultat");
        var text = new StringBuilder().AppendLine(l["Reminder_Greeting", to.Name]).AppendLine().AppendLine(intro).AppendLine();
        var html = new StringBuilder($"<p>{H(l["Reminder_Greeting", to.Name])}</p><p>{H(intro)}</p><ul>");
        foreach (var o in items)
        {
            var link = Link($"/aktiviteter/{o.ActivityId}");
            text.AppendLine("- " + Line(o)).AppendLine("  " + link);
            html.Append($"<li><a href=\"{H(link)}\">{H(o.Title)}</a>: {H(Report(o))}, {H(l["ResultsDue_DueOn", Format.Date(o.Report.DueDate)])} ({H(l["ReportDueState_" + o.Report.State].Value.ToLowerInvariant())})</li>");
        }
        var footer = l["Reminder_Footer", Link("/konto")].Value;
        text.AppendLine().AppendLine(l["Reminder_DigestLink", all]).AppendLine().AppendLine(footer);
        html.Append($"</ul><p><a href=\"{H(all)}\">{H(l["ResultsDue_AllLink"])}</a></p><p>{H(footer)}</p>");
        return (l["Reminder_DigestSubject", municipality], text.ToString(), html.ToString());
    }

    private static string H(string s) => WebUtility.HtmlEncode(s);
}
