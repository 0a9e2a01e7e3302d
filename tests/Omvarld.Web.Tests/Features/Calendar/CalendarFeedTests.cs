using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Calendar;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Calendar;

/// <summary>
/// Calendar feeds on both databases, read as a calendar app reads them (Ical.Net): the deadlines that concern the user
/// and nobody else's, stable UIDs, all-day events with an alarm; a revoked or unknown address, or a deactivated user, is 404.
/// </summary>
public abstract class CalendarFeedTests(OmvarldApp app)
{
    private const string MfanoTitle = "Skolsamarbete med Mfano Secondary School"; // Grundskoleförvaltningen, ongoing
    private const string ZrazkoveTitle = "Partnerskap för lokal demokrati med Zrazkove"; // Stadsledningskansliet, ongoing

    private Task<Guid> ActivityIdAsync(string title) =>
        app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.MunicipalityId == app.Boras && a.Title == title).Select(a => a.Id).SingleAsync());

    private static async Task<string> CreateFeedAsync(HttpClient api)
    {
        var response = await api.PostAsync("/api/v1/me/calendar", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = (await response.ReadJsonAsync()).GetProperty("url").GetString()!;
        Assert.Matches(@"^https?://[^/]+/kalender/kal_[A-Za-z0-9_-]{43}\.ics$", url);
        return new Uri(url).AbsolutePath;
    }

    private async Task<Ical.Net.Calendar> ReadFeedAsync(string path)
    {
        var response = await app.NewClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var text = await response.Content.ReadAsStringAsync();
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        return Ical.Net.Calendar.Load(text)!;
    }

    /// <summary>A new user of Borås with one role; the unit editor of the Mfano activity's administration, say.</summary>
    private Task<(Guid Id, string Email)> UserAsync(string local, Role role, string? unitName) => app.WithDbAsync(async db =>
    {
        db.Tenant.Use(app.Boras);
        var email = $"{local}@boras.demo";
        var user = new AppUser
        {
            UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
            DisplayName = local, MunicipalityId = app.Boras, SecurityStamp = Guid.NewGuid().ToString(), IsActive = true,
        };
        db.Users.Add(user);
        Guid? unit = unitName is null ? null : await db.Units.Where(u => u.Name == unitName).Select(u => u.Id).SingleAsync();
        db.RoleAssignments.Add(RoleAssignment.Create(app.Boras, user.Id, role, unit).Value!);
        await db.SaveChangesAsync();
        return (user.Id, email);
    });

    /// <summary>A feed stored straight in the database for a user without a password, as the service would store it.</summary>
    private Task<string> FeedForAsync(Guid userId) => app.WithDbAsync(async db =>
    {
        db.Tenant.Use(app.Boras);
        var token = CalendarFeed.NewToken();
        db.CalendarFeeds.Add(new CalendarFeed { MunicipalityId = app.Boras, Id = Guid.CreateVersion7(), UserId = userId, TokenHash = CalendarFeed.HashOf(token), CreatedAt = app.Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        return $"/kalender/{token}.ics";
    });

    [Fact]
    public async Task ResponsiblePerson_SeesResultsDue_AsAllDayEventsWithStableUids()
    {
        var api = await app.ApiClientAsync(OmvarldApp.Email("redaktor"));
        var path = await CreateFeedAsync(api);
        var calendar = await ReadFeedAsync(path);
        var mfano = await ActivityIdAsync(MfanoTitle);
        var zrazkove = await ActivityIdAsync(ZrazkoveTitle);

        // The demo editor is responsible for the demo's activities: this year's report of each ongoing one is due next year.
        var due = calendar.Events.Where(e => e.Uid!.StartsWith($"results-{mfano:D}-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(due);
        Assert.Contains(calendar.Events, e => e.Uid!.StartsWith($"results-{zrazkove:D}-", StringComparison.Ordinal));
        var e = due.First();
        Assert.EndsWith("@omvarld", e.Uid);
        Assert.False(e.DtStart!.HasTime);
        Assert.Equal(e.DtStart.Date.AddDays(1), e.DtEnd!.Date);
        Assert.StartsWith("Resultat ", e.Summary);
        Assert.Contains(MfanoTitle, e.Summary);
        Assert.Contains($"/aktiviteter/{mfano:D}", e.Description);
        Assert.Equal($"/aktiviteter/{mfano:D}", e.Url!.AbsolutePath);
        Assert.Equal(TimeSpan.FromDays(-7), Assert.Single(e.Alarms).Trigger!.Duration!.Value.ToTimeSpan(e.DtStart));
        // Not the coordinator's: no policy or exception dates.
        Assert.DoesNotContain(calendar.Events, x => x.Uid!.StartsWith("policy-", StringComparison.Ordinal));

        // Read again: the same UIDs, so a calendar app updates rather than duplicates.
        var again = await ReadFeedAsync(path);
        Assert.Equal(calendar.Events.Select(x => x.Uid).Order(), again.Events.Select(x => x.Uid).Order());

        var status = await (await api.GetAsync("/api/v1/me/calendar")).ReadJsonAsync();
        Assert.True(status.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task UnitEditor_SeesTheirUnitsDeadlines_NotAnotherUnits()
    {
        var (editor, _) = await UserAsync("kalender-redaktor", Role.UnitEditor, "Grundskoleförvaltningen");
        var calendar = await ReadFeedAsync(await FeedForAsync(editor));
        var mfano = await ActivityIdAsync(MfanoTitle);
        var zrazkove = await ActivityIdAsync(ZrazkoveTitle);
        Assert.Contains(calendar.Events, e => e.Uid!.StartsWith($"results-{mfano:D}-", StringComparison.Ordinal));
        Assert.DoesNotContain(calendar.Events, e => e.Uid!.StartsWith($"results-{zrazkove:D}-", StringComparison.Ordinal));
        Assert.DoesNotContain(calendar.Events, e => e.Uid!.StartsWith("policy-", StringComparison.Ordinal) || e.Uid.StartsWith("exception-", StringComparison.Ordinal));

        // A reader is responsible for nothing and edits nothing: an empty calendar, still a valid one.
        var (reader, _) = await UserAsync("kalender-lasare", Role.Reader, null);
        Assert.Empty((await ReadFeedAsync(await FeedForAsync(reader))).Events);
    }

    /// <summary>
    /// A governing document of Borås of its own (made from the 2023 policy's file) adopted a year ago and running out
    /// <paramref name="monthsLeft"/> months from today: a policy end inside the feed's horizon, whatever day it is.
    /// </summary>
    private async Task<Guid> PolicyEndingAsync(int monthsLeft)
    {
        var key = $"KALENDER-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        var yaml = RepositoryFiles.SeedPolicy("boras-2023.yaml")
            .Replace("key: BORAS-2023", $"key: {key}")
            .Replace("key: BORAS-INTERNATIONELL-POLICY", $"key: {key}-DOK")
            .Replace("title: Internationell policy", "title: Kalendertestets riktlinjer")
            .Replace("kind: policy", "kind: riktlinjer") // not the activity policy: the register's other tests are not touched
            .Replace("date: 2023-06-21", $"date: {app.Today.AddYears(-1):yyyy-MM-dd}")
            .Replace("validUntil: \"2027\"", $"validUntil: \"{app.Today.AddMonths(monthsLeft):yyyy-MM-dd}\"");
        var content = new StringContent(yaml, Encoding.UTF8, "application/yaml");
        var imported = await (await app.ApiClientAsync(OmvarldApp.Email("samordnare"))).PostAsync("/api/v1/policies/import", content);
        Assert.True(imported.StatusCode == HttpStatusCode.Created, await imported.Content.ReadAsStringAsync());
        return (await imported.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Coordinator_SeesEveryUnitsResults_AndPolicyDates()
    {
        var version = await PolicyEndingAsync(monthsLeft: 6);
        var (coordinator, _) = await UserAsync("kalender-samordnare", Role.Coordinator, null);
        var calendar = await ReadFeedAsync(await FeedForAsync(coordinator));
        var zrazkove = await ActivityIdAsync(ZrazkoveTitle);
        Assert.Contains(calendar.Events, e => e.Uid!.StartsWith($"results-{zrazkove:D}-", StringComparison.Ordinal));
        // The document's last day falls within the feed's horizon, and so does the day to start its revision (6 months before).
        var policy = Assert.Single(calendar.Events, e => e.Uid == $"policy-end-{version:D}@omvarld");
        Assert.Contains("Styrdokument upphör", policy.Summary);
        Assert.Equal(app.Today.AddMonths(6), DateOnly.FromDateTime(policy.DtStart!.Date.ToDateTime(TimeOnly.MinValue)));
        Assert.Equal($"/styrdokument/versioner/{version:D}", policy.Url!.AbsolutePath);
        Assert.Contains(calendar.Events, e => e.Uid == $"policy-revision-{version:D}@omvarld");
        var today = app.Today;
        Assert.All(calendar.Events, e => Assert.InRange(DateOnly.FromDateTime(e.DtStart!.Date.ToDateTime(TimeOnly.MinValue)),
            today.AddDays(-CalendarService.PastDays), today.AddMonths(CalendarService.HorizonMonths)));
    }

    [Fact]
    public async Task RevokedUnknownOrDeactivated_Is404()
    {
        var api = await app.ApiClientAsync(OmvarldApp.Email("godkannare"));
        var first = await CreateFeedAsync(api);
        var second = await CreateFeedAsync(api); // a new address revokes the old
        var anonymous = app.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync("/api/v1/me/calendar")).StatusCode);
        var revoked = await anonymous.GetAsync(second);
        var unknown = await anonymous.GetAsync("/kalender/kal_" + new string('x', 43) + ".ics");
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await revoked.Content.ReadAsStringAsync());
        Assert.False((await (await api.GetAsync("/api/v1/me/calendar")).ReadJsonAsync()).GetProperty("active").GetBoolean());
        // Only the hash is stored.
        var token = second["/kalender/".Length..^".ics".Length];
        Assert.False(await app.WithDbAsync(db => db.CalendarFeeds.IgnoreQueryFilters().AnyAsync(f => f.TokenHash == token)));

        var (user, _) = await UserAsync("kalender-avslutad", Role.UnitEditor, "Grundskoleförvaltningen");
        var path = await FeedForAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        await app.WithDbAsync(async db => { var u = await db.Users.SingleAsync(x => x.Id == user); u.IsActive = false; await db.SaveChangesAsync(); });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Page_ShowsTheAddressOnce_AndRevokes()
    {
        var client = await app.SignInAsync(OmvarldApp.Email("ks"));
        var created = await client.PostFormAsync("/konto/kalender", new(), handler: "Create");
        var document = await created.ReadDocumentAsync();
        var url = document.QuerySelector("#calendar-url")!.TextContent;
        Assert.Contains("/kalender/kal_", url);
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().GetAsync(new Uri(url).AbsolutePath)).StatusCode);
        // Shown once: the next visit shows that there is one, not where.
        var later = await client.GetDocumentAsync("/konto/kalender");
        Assert.Null(later.QuerySelector("#calendar-url"));
        var revoked = await client.PostFormAsync("/konto/kalender", new(), "main form[method=post]:last-of-type", handler: "Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync(new Uri(url).AbsolutePath)).StatusCode);
    }
}

public sealed class CalendarFeedTests_Sqlite(SqliteApp app) : CalendarFeedTests(app), IClassFixture<SqliteApp>;
public sealed class CalendarFeedTests_Postgres(PostgresApp app) : CalendarFeedTests(app), IClassFixture<PostgresApp>;

/// <summary>RFC 5545 text details, parsed back by Ical.Net.</summary>
public sealed class ICalendarTests
{
    [Fact]
    public void LongSwedishText_IsFoldedAt75Octets_AndEscapedCharactersSurvive()
    {
        var summary = "Årlig rapport; åäö, \\ och mer: " + string.Concat(Enumerable.Repeat("Förvaltningsöverskridande samverkan ", 6));
        var text = ICalendar.Write("Omvärld: Borås Stad", [new CalendarEvent("x-1", new DateOnly(2027, 2, 28), summary, "Rad ett\nRad två, tre; fyra", "https://omvarld.example/aktiviteter/1")],
            new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.EndsWith("\r\n", text);
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        var calendar = Ical.Net.Calendar.Load(text)!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal(summary, e.Summary);
        Assert.Equal("Rad ett\nRad två, tre; fyra\nhttps://omvarld.example/aktiviteter/1", e.Description);
        Assert.Equal(new DateOnly(2027, 2, 28), DateOnly.FromDateTime(e.DtStart!.Date.ToDateTime(TimeOnly.MinValue)));
        Assert.Equal("x-1@omvarld", e.Uid);
    }
}
