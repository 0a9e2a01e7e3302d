using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Omvarld.Domain.Access;
using Omvarld.Domain.FollowUp;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Reminders;
using Omvarld.Web.Features.Shared;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.FollowUp;

/// <summary>
/// Issue 15: e-mail reminders of the follow-up round, to the editors and approvers of each unit whose section is not
/// ready (assigned to the unit or a unit above it; not those who turned reminders off, are deactivated or have no
/// address). The reminder run sends one <see cref="FollowUpReminderLog.Before"/> reminder from <see cref="DaysBefore"/>
/// days before the deadline and one <see cref="FollowUpReminderLog.After"/> reminder once it has passed; the coordinator
/// may remind one unit or all at any time (at most once a day per section and person). Every reminder is first claimed
/// by inserting its log row — the unique index refuses a second claim from a repeated run or another app instance —
/// then sent; a failed send removes its claims so that the next run tries again.
/// </summary>
public sealed class FollowUpReminderService(OmvarldDbContext db, SmtpMailer mailer, IOptions<SmtpOptions> smtp, IOptions<AppOptions> app,
    IStringLocalizer<SharedResource> l, TimeProvider clock, ILogger<FollowUpReminderService> log)
{
    public const int DaysBefore = 7;

    public bool MailEnabled => smtp.Value.Enabled;

    /// <summary>The scheduled reminders of the current municipality (the DbContext's tenant) on <paramref name="today"/>.</summary>
    public async Task<ReminderRun> RunForMunicipalityAsync(Guid municipalityId, DateOnly today, CancellationToken ct = default)
    {
        if (!smtp.Value.Enabled) return new ReminderRun(0, 0, 0);
        var rounds = await db.FollowUpRounds.AsNoTracking().Where(r => r.Status == FollowUpRoundStatus.Open).ToListAsync(ct);
        var run = new ReminderRun(0, 0, 0);
        foreach (var round in rounds)
        {
            var sections = await db.FollowUpSections.AsNoTracking().Where(s => s.RoundId == round.Id && s.Status != FollowUpSectionStatus.Ready).ToListAsync(ct);
            // Each section by its own deadline: before it from DaysBefore days ahead, after it once passed.
            var due = sections.Select(s => (Section: s, Deadline: round.DeadlineFor(s.Deadline)))
                .Where(s => s.Deadline.AddDays(-DaysBefore) <= today).ToList();
            foreach (var kind in new[] { FollowUpReminderLog.Before, FollowUpReminderLog.After })
                run += await SendAsync(municipalityId, round, due.Where(s => (today > s.Deadline ? FollowUpReminderLog.After : FollowUpReminderLog.Before) == kind)
                    .Select(s => s.Section).ToList(), kind, today, ct);
        }
        return run;
    }

    /// <summary>The coordinator's reminder for one section, or (<paramref name="sectionId"/> null) for every section not ready.</summary>
    public async Task<ReminderRun> RemindAsync(FollowUpRound round, Guid? sectionId, DateOnly today, CancellationToken ct = default)
    {
        if (!smtp.Value.Enabled) return new ReminderRun(0, 0, 0, "Smtp:Enabled is false: no e-mail is sent.");
        var sections = await db.FollowUpSections.AsNoTracking()
            .Where(s => s.RoundId == round.Id && s.Status != FollowUpSectionStatus.Ready && (sectionId == null || s.Id == sectionId)).ToListAsync(ct);
        return await SendAsync(round.MunicipalityId, round, sections, FollowUpReminderLog.Manual(today), today, ct);
    }

    private sealed record Recipient(Guid Id, string Email, string Name);

    private async Task<ReminderRun> SendAsync(Guid municipalityId, FollowUpRound round, List<FollowUpSection> sections, string kind, DateOnly today, CancellationToken ct)
    {
        if (sections.Count == 0) return new ReminderRun(0, 0, 0);
        var tree = new UnitTree(await db.Units.AsNoTracking().Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Kind, u.ClosedOn != null)).ToListAsync(ct));
        var assignments = await db.RoleAssignments.AsNoTracking().Where(r => (r.Role == Role.UnitEditor || r.Role == Role.UnitApprover) && r.UnitId != null)
            .Select(r => new { r.UserId, UnitId = r.UnitId!.Value }).ToListAsync(ct);
        var wanted = assignments.Select(a => a.UserId).Distinct().ToList();
        var recipients = await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.Id) && u.MunicipalityId == municipalityId && u.IsActive && u.EmailRemindersEnabled && u.Email != null)
            .Select(u => new Recipient(u.Id, u.Email!, u.DisplayName)).ToDictionaryAsync(u => u.Id, ct);
        var byUnit = assignments.ToLookup(a => a.UnitId, a => a.UserId);
        var sectionIds = sections.Select(s => s.Id).ToList();
        var already = (await db.FollowUpReminderLogs.AsNoTracking().Where(r => sectionIds.Contains(r.SectionId) && r.Kind == kind)
                .Select(r => new { r.SectionId, r.Deadline, r.RecipientUserId }).ToListAsync(ct))
            .Select(r => (r.SectionId, r.Deadline, r.RecipientUserId)).ToHashSet();

        // Each person gets one mail listing the sections of the units they answer for.
        var perRecipient = new Dictionary<Guid, List<FollowUpSection>>();
        foreach (var section in sections)
        {
            if (!tree.Contains(section.UnitId)) continue;
            foreach (var userId in tree.PathTo(section.UnitId).SelectMany(n => byUnit[n.Id]).Distinct())
            {
                if (!recipients.ContainsKey(userId) || already.Contains((section.Id, round.DeadlineFor(section.Deadline), userId))) continue;
                if (!perRecipient.TryGetValue(userId, out var list)) perRecipient[userId] = list = [];
                list.Add(section);
            }
        }
        var run = new ReminderRun(0, 0, 0);
        foreach (var (userId, list) in perRecipient)
        {
            var to = recipients[userId];
            var claimed = new List<FollowUpReminderLog>();
            foreach (var section in list)
                if (await ClaimAsync(new FollowUpReminderLog(municipalityId, section.Id, round.DeadlineFor(section.Deadline), kind, userId, clock.GetUtcNow().UtcDateTime), ct) is { } entry)
                    claimed.Add(entry);
            if (claimed.Count == 0) continue;
            var mine = list.Where(s => claimed.Any(c => c.SectionId == s.Id)).ToList();
            run += await MailAsync(to, round, mine, tree, today, claimed, ct);
        }
        return run;
    }

    private async Task<FollowUpReminderLog?> ClaimAsync(FollowUpReminderLog entry, CancellationToken ct)
    {
        db.FollowUpReminderLogs.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
            db.Entry(entry).State = EntityState.Detached;
            return entry;
        }
        catch (DbUpdateException e) when (ReminderService.IsUniqueViolation(e))
        {
            db.Entry(entry).State = EntityState.Detached;
            return null;
        }
    }

    private async Task<ReminderRun> MailAsync(Recipient to, FollowUpRound round, List<FollowUpSection> sections, UnitTree tree, DateOnly today,
        List<FollowUpReminderLog> claimed, CancellationToken ct)
    {
        var first = sections.Min(s => round.DeadlineFor(s.Deadline));
        var late = today > first;
        var intro = l["FollowUpMail_Intro", round.Year].Value;
        var text = new StringBuilder().AppendLine(l["Reminder_Greeting", to.Name]).AppendLine().AppendLine(intro).AppendLine();
        var html = new StringBuilder($"<p>{H(l["Reminder_Greeting", to.Name])}</p><p>{H(intro)}</p><ul>");
        foreach (var s in sections.OrderBy(s => tree[s.UnitId].Name, StringComparer.CurrentCulture))
        {
            var link = Link($"/uppfoljning/avsnitt/{s.Id}");
            var state = l["FollowUpMail_Item", Format.Date(round.DeadlineFor(s.Deadline)), l["FollowUpProgress_" + s.ProgressOn(round, today)].Value.ToLowerInvariant()].Value;
            text.AppendLine($"- {tree[s.UnitId].Name}: {state}").AppendLine("  " + link);
            html.Append($"<li><a href=\"{H(link)}\">{H(tree[s.UnitId].Name)}</a>: {H(state)}</li>");
        }
        var footer = l["Reminder_Footer", Link("/konto")].Value;
        text.AppendLine().AppendLine(footer);
        html.Append($"</ul><p>{H(footer)}</p>");
        var message = new MimeMessage { Subject = late ? l["FollowUpMail_SubjectLate", round.Year] : l["FollowUpMail_Subject", round.Year, Format.Date(first)] };
        message.From.Add(mailer.From);
        message.To.Add(new MailboxAddress(to.Name, to.Email));
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        try
        {
            await mailer.SendAsync(message, ct);
            log.LogInformation("Follow-up reminder sent to user {UserId} ({Count} section(s)).", to.Id, sections.Count);
            return new ReminderRun(1, claimed.Count, 0);
        }
        catch (Exception e) when (e is MailKit.ProtocolException or MailKit.CommandException or IOException or System.Net.Sockets.SocketException
                                       or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException)
        {
            log.LogError(e, "Follow-up reminder to user {UserId} could not be sent; it is tried again next run.", to.Id);
            db.FollowUpReminderLogs.RemoveRange(claimed);
            await db.SaveChangesAsync(ct);
            return new ReminderRun(0, 0, 1);
        }
    }

    private string Link(string path) => app.Value.ParsedBaseUrl!.ToString().TrimEnd('/') + path;

    private static string H(string s) => WebUtility.HtmlEncode(s);
}
