using System.Net.Http.Json;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Activities;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Openness;

/// <summary>
/// R20, GDPR: the open pages and open data never carry personal or internal data. Published activities are filled with
/// marked personal data (travellers, internal comments, the names of the responsible person, approver, publisher and
/// KS official, funding notes, file names, links, a rejection comment) beside a draft and an approved-but-unpublished
/// activity; no open answer may contain any marker or any user's e-mail address.
/// Extend <see cref="PublicUrls"/> when a new open route is added.
/// </summary>
public abstract class OpenDataLeakTests(OmvarldApp app)
{
    /// <summary>Every open address; {kommun} is the slug, {id} a published activity, {alpha2} its partner country.</summary>
    public static readonly List<string> PublicUrls =
    [
        "/oppet",
        "/oppet/{kommun}",
        "/oppet/{kommun}?land={alpha2}",
        "/oppet/{kommun}?mal=PROJEKTSAMVERKAN",
        "/oppet/{kommun}/aktiviteter/{id}",
        "/oppet/{kommun}/lander",
        "/oppet/{kommun}/lander/{alpha2}",
        "/oppet/{kommun}/undantag",
        "/oppet/{kommun}/oppna-data",
        "/api/v1/public/{kommun}/activities?pageSize=100",
        "/api/v1/public/{kommun}/activities?country={alpha2}",
        "/api/v1/public/{kommun}/activities.csv",
        "/api/v1/public/{kommun}/activities/{id}",
        "/api/v1/public/{kommun}/exceptions",
        "/api/v1/public/{kommun}/exceptions.csv",
        "/api/v1/public/{kommun}/dcat",
        "/api/v1/public/dcat",
        "/api/v1/public/{kommun}/iati.xml",
    ];

    private const string M = "7731";

    [Fact]
    public async Task NoOpenAnswer_CarriesPersonalOrInternalData()
    {
        // Users with marked names: the responsible editor, the approver, the publishing coordinator, the KS official.
        await app.WithDbAsync(async db =>
        {
            foreach (var (local, marker) in new[] { ("redaktor", "LEAKRESPONSIBLE"), ("godkannare", "LEAKAPPROVER"), ("samordnare", "LEAKPUBLISHER"), ("ks", "LEAKKSOFFICIAL") })
            {
                var user = await db.Users.SingleAsync(u => u.Email == OmvarldApp.Email(local));
                user.DisplayName = $"{marker}-{M}";
            }
            await db.SaveChangesAsync();
        });

        var published = await app.ActivityAsync(app.Boras, "boras", "Läckprovet publicerad", ActivityStatus.Ongoing, country: "IS", goal: "PROJEKTSAMVERKAN", sdg: 11,
            rejectFirst: $"LEAKREJECTION-{M} gör om och gör rätt",
            more: (a, by) =>
            {
                var at = app.Clock.GetUtcNow();
                Assert.True(a.AddTrip(new TripInput($"LEAKTRAVELLER-{M} Anna Resenär", 1, "Reykjavik", "IS", new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 3), 12000m, $"LEAKTRIPPURPOSE-{M}"),
                    new HashSet<string> { "IS" }).Result.IsOk);
                Assert.True(a.AddComment($"LEAKCOMMENT-{M} internt: ring Anna på 070-1234567", by, at).Result.IsOk);
                Assert.True(a.AddLink($"https://leaklink-{M}.example.org/intern", $"LEAKLINKTITLE-{M}").Result.IsOk);
                Assert.True(a.AddAttachment($"LEAKFILE-{M}.pdf", "application/pdf", 10, Guid.NewGuid(), by, at).Result.IsOk);
                Assert.True(a.AddFunding(new FundingInput(FundingSource.OtherFunder, null, null, "Nordiska exempelfonden", FunderKind.International, 50000m, Currency.Sek, null,
                    FundingStatus.Granted, new DateOnly(2025, 2, 1), $"LEAKNOTE-{M}"), new FundingReferences(new HashSet<Guid>(), new HashSet<string>())).Result.IsOk);
                Assert.True(a.ReportYearlyResults(2025, "Resultatet för 2025 är redovisat.", by, at).IsOk);
            });
        await app.ExceptionAsync(app.Boras, "boras", published, "Kommunstyrelsen beslutar om undantag.");
        // Published by the coordinator through the API (PublishedByUserId = the marked coordinator).
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiClientAsync(OmvarldApp.Email("samordnare"))).PutAsync($"/api/v1/activities/{published.Id}/publication", null)).StatusCode);

        // Both in the IATI file's selection: only the published one may reach the open file.
        var coordinatorApi = await app.ApiClientAsync(OmvarldApp.Email("samordnare"));
        Assert.Equal(HttpStatusCode.NoContent, (await coordinatorApi.PutAsJsonAsync($"/api/v1/activities/{published.Id}/iati", new { include = true })).StatusCode);

        await app.ActivityAsync(app.Boras, "boras", $"LEAKDRAFTTITLE-{M}", ActivityStatus.Draft, country: "IS", goal: "PROJEKTSAMVERKAN");
        var unpublished = await app.ActivityAsync(app.Boras, "boras", $"LEAKUNPUBLISHEDTITLE-{M}", ActivityStatus.Approved, country: "IS", goal: "PROJEKTSAMVERKAN", sdg: 11);
        await app.ExceptionAsync(app.Boras, "boras", unpublished, "Kommunstyrelsen beslutar om undantag för en aktivitet som inte är publicerad.");
        Assert.Equal(HttpStatusCode.NoContent, (await coordinatorApi.PutAsJsonAsync($"/api/v1/activities/{unpublished.Id}/iati", new { include = true })).StatusCode);
        await app.ActivityAsync(app.Boras, "boras", $"LEAKREJECTEDTITLE-{M}", ActivityStatus.Rejected, country: "IS", rejectFirst: $"LEAKREJECTION2-{M}");

        var emails = await app.WithDbAsync(db => db.Users.Where(u => u.Email != null).Select(u => u.Email!).ToListAsync());
        Assert.Contains(OmvarldApp.Email("redaktor"), emails);

        var anonymous = app.NewClient();
        var failures = new StringBuilder();
        foreach (var template in PublicUrls)
        {
            var url = template.Replace("{kommun}", "boras").Replace("{id}", published.Id.ToString()).Replace("{alpha2}", "IS");
            var response = await anonymous.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var text = await Readable(response);
            if (!text.Contains("Läckprovet publicerad") && !url.Contains("exceptions") && !url.Contains("undantag") && !url.Contains("dcat") && !url.Contains("oppna-data") && !url.EndsWith("/lander") && url != "/oppet")
                failures.AppendLine($"{url}: the published activity is missing (is the page really showing what it should?)");
            foreach (var marker in new[] { "LEAK" + "RESPONSIBLE", "LEAKAPPROVER", "LEAKPUBLISHER", "LEAKKSOFFICIAL", "LEAKTRAVELLER", "LEAKTRIPPURPOSE", "Anna Resenär",
                         "LEAKCOMMENT", "070-1234567", "LEAKLINK", "leaklink", "LEAKFILE", "LEAKNOTE", "LEAKREJECTION", "LEAKDRAFTTITLE", "LEAKUNPUBLISHEDTITLE", "LEAKREJECTEDTITLE" })
                if (text.Contains(marker, StringComparison.OrdinalIgnoreCase)) failures.AppendLine($"{url}: contains {marker}");
            foreach (var email in emails)
                if (text.Contains(email, StringComparison.OrdinalIgnoreCase)) failures.AppendLine($"{url}: contains the e-mail address {email}");
        }
        Assert.True(failures.Length == 0, "Open answers with what they must not carry:\n" + failures);
    }

    /// <summary>The response as a reader sees it: the raw text, HTML entities decoded, and every JSON string value.</summary>
    private static async Task<string> Readable(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStringAsync();
        var sb = new StringBuilder(raw).Append('\n').Append(WebUtility.HtmlDecode(raw));
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (type.Contains("json"))
        {
            using var doc = JsonDocument.Parse(raw);
            void Walk(JsonElement e)
            {
                switch (e.ValueKind)
                {
                    case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) { sb.Append('\n').Append(p.Name); Walk(p.Value); } break;
                    case JsonValueKind.Array: foreach (var x in e.EnumerateArray()) Walk(x); break;
                    case JsonValueKind.String: sb.Append('\n').Append(e.GetString()); break;
                }
            }
            Walk(doc.RootElement);
        }
        return sb.ToString();
    }
}

public sealed class OpenDataLeakTests_Sqlite(SqliteApp app) : OpenDataLeakTests(app), IClassFixture<SqliteApp>;
public sealed class OpenDataLeakTests_Postgres(PostgresApp app) : OpenDataLeakTests(app), IClassFixture<PostgresApp>;
