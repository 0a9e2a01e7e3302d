using System.Net;
using System.Text;
using System.Text.Json;

namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>
/// Issue 17: a page past the last one is 400 naming the last page (the API) or a Swedish message with a link to it (the
/// pages); a page size out of range is 400; the activity lists can be walked by an opaque cursor (<c>after=</c>) in a
/// total order, and a cursor that is not one this app made is 400, never a 500.
/// </summary>
public abstract class PagingTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private static readonly string Editor = OmvarldApp.Email("redaktor");
    private const string Administration = "Gymnasie- och vuxenutbildningsförvaltningen";
    private const string SameDay = "2026-02-03";
    private const string Marker = "Nyckelsidor";

    private Task<HttpClient> ApiAsync(string email) => app.SharedApiClientAsync(email);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadProblemAsync();
    }

    [Theory]
    [InlineData("/api/v1/activities?page=2147483647")]
    [InlineData("/api/v1/activities?page=999&pageSize=10")]
    [InlineData("/api/v1/partners?page=999")]
    [InlineData("/api/v1/contact-persons?page=999")]
    [InlineData("/api/v1/units?page=999")]
    [InlineData("/api/v1/users?page=999")]
    [InlineData("/api/v1/audit?page=999999")]
    [InlineData("/api/v1/memberships?page=999")]
    [InlineData("/api/v1/twin-towns?page=999")]
    [InlineData("/api/v1/public/boras/activities?page=999")]
    public async Task APagePastTheLast_Is400_NamingTheLastPage(string url)
    {
        var api = await ApiAsync(Coordinator);
        var problem = await ProblemAsync(await api.GetAsync(url));
        var last = problem.GetProperty("lastPage").GetInt32();
        Assert.InRange(last, 1, 998);
        var page = url.Split("page=")[1].Split('&')[0];
        Assert.Contains($"Sidan {page} finns inte", problem.GetProperty("errors").GetProperty("page")[0].GetString());
        Assert.Contains($"Den sista sidan är {last}", problem.GetProperty("errors").GetProperty("page")[0].GetString());

        // The last page itself is there.
        var lastUrl = url.Replace($"page={page}", $"page={last}");
        var answer = await api.GetAsync(lastUrl);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{lastUrl}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task TheFirstPageOfAnEmptyList_IsAnEmptyPage_NotAnError()
    {
        var api = await ApiAsync(Coordinator);
        var answer = await api.GetAsync("/api/v1/partners?q=finnsintealls");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(0, (await answer.ReadJsonAsync()).GetProperty("totalCount").GetInt32());
        Assert.Equal(1, (await ProblemAsync(await api.GetAsync("/api/v1/partners?q=finnsintealls&page=2"))).GetProperty("lastPage").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/audit?pageSize=0")]
    [InlineData("/api/v1/audit?pageSize=201")]
    [InlineData("/api/v1/users?pageSize=1000")]
    [InlineData("/api/v1/activities?pageSize=201")]
    [InlineData("/api/v1/units?page=0")]
    [InlineData("/api/v1/public/boras/activities?pageSize=101")]
    public async Task APageSizeOrNumberOutOfRange_Is400(string url)
    {
        var api = await ApiAsync(Coordinator);
        await ProblemAsync(await api.GetAsync(url));
    }

    [Theory]
    [InlineData("/aktiviteter?sida=999", "sida")]
    [InlineData("/aktiviteter?sida=2147483647", "sida")]
    [InlineData("/partner?sida=999", "sida")]
    [InlineData("/kontaktpersoner?sida=999", "sida")]
    [InlineData("/medlemskap?sida=999", "sida")]
    [InlineData("/vanorter?sida=999", "sida")]
    [InlineData("/logg?historik=99999", "historik")]
    [InlineData("/admin/anvandare?sida=999", "sida")]
    [InlineData("/oppet/boras?sida=999", "sida")]
    public async Task APagePastTheLast_OnThePages_Is400_WithASwedishMessageAndALinkToTheLastPage(string url, string parameter)
    {
        var client = await app.SignInAsync(Coordinator);
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
        var document = await response.ReadDocumentAsync();
        var page = url.Split(parameter + "=")[1];
        Assert.Contains($"Sidan {page} finns inte", document.Text());
        var link = document.QuerySelector(".pager--past-end a")!;
        var href = link.GetAttribute("href")!;
        Assert.Matches($"[?&]{parameter}=[0-9]+$", href);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(href)).StatusCode);
    }

    private async Task SameDayActivitiesAsync()
    {
        // Several activities on one day: the order within the day is the id's, and the cursor must keep it.
        var editor = await ApiAsync(Editor);
        for (var i = 0; i < 5; i++)
        {
            var response = await editor.PostJsonAsync("/api/v1/activities", new
            {
                title = $"{Marker} {i}", description = "Utbyte av erfarenheter.", kind = "TransnationalProject",
                ownerUnitId = await app.UnitIdAsync(app.Boras, Administration), responsibleUserId = await app.UserIdAsync(Editor),
                start = SameDay, end = "2026-06-30", purpose = "Att lära av andra.", expectedResults = "Ett gemensamt kursupplägg.",
                childPerspective = "Eleverna deltar.", aimedAtEnablingInternationalWork = false,
                goals = Array.Empty<object>(), sdgs = new[] { "4" }, partners = Array.Empty<object>(),
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    private static async Task<List<Guid>> WalkAsync(HttpClient api, string first, Func<JsonElement, JsonElement> data)
    {
        var ids = new List<Guid>();
        var url = first;
        for (var requests = 0; requests < 200; requests++)
        {
            var response = await api.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var body = data(await response.ReadJsonAsync());
            ids.AddRange(body.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
            if (body.GetProperty("next").ValueKind == JsonValueKind.Null) return ids;
            var next = body.GetProperty("next").GetString()!;
            url = (first.Contains("page=1") ? first.Replace("page=1&", "") : first) + "&after=" + next;
        }
        throw new InvalidOperationException("The walk did not end.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("&sort=StartAsc")]
    public async Task TheActivityList_WalkedByCursor_IsTheWholeListInTheSameOrder_WithoutGapsOrRepeats(string sort)
    {
        await SameDayActivitiesAsync();
        var api = await ApiAsync(Coordinator);
        var whole = (await (await api.GetAsync($"/api/v1/activities?pageSize=200{sort}")).ReadJsonAsync()).GetProperty("items")
            .EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.True(whole.Count > 20, $"{whole.Count} activities");

        var walked = await WalkAsync(api, $"/api/v1/activities?page=1&pageSize=4{sort}", b => b);
        Assert.Equal(whole, walked);

        // A filter keeps its cursor's order too: only the same-day ones, two by two.
        var sameDay = await WalkAsync(api, $"/api/v1/activities?page=1&pageSize=2&q={Marker}{sort}", b => b);
        Assert.True(sameDay.Count >= 5);
        Assert.Equal(whole.Where(sameDay.Contains), sameDay);
    }

    [Fact]
    public async Task ThePublicList_WalkedByCursor_IsTheWholeListInTheSameOrder()
    {
        var anonymous = app.NewClient();
        var whole = (await (await anonymous.GetAsync("/api/v1/public/boras/activities?pageSize=100")).ReadJsonAsync()).GetProperty("data")
            .GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.True(whole.Count > 3, $"{whole.Count} published activities");
        Assert.Equal(whole, await WalkAsync(anonymous, "/api/v1/public/boras/activities?page=1&pageSize=2", b => b.GetProperty("data")));
    }

    [Fact]
    public async Task TheOpenApiDocument_DeclaresTheCursor_AndSaysHowToWalk()
    {
        var doc = await (await app.NewClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var list = doc.GetProperty("paths").GetProperty("/api/v1/activities").GetProperty("get");
        Assert.Contains(list.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "after" && p.GetProperty("in").GetString() == "query");
        Assert.Contains("after=<next>", list.GetProperty("description").GetString());
        Assert.Contains("after=<next>", doc.GetProperty("paths").GetProperty("/api/v1/public/{kommun}/activities").GetProperty("get").GetProperty("description").GetString());
    }

    public static TheoryData<string> BadCursors() =>
    [
        "!!!",
        "x",
        new string('A', 400),
        Convert.ToBase64String(Encoding.ASCII.GetBytes("d20260203" + new string('z', 32))).TrimEnd('='),
        Convert.ToBase64String(Encoding.ASCII.GetBytes("q20260203" + Guid.NewGuid().ToString("N"))).TrimEnd('='),
        Convert.ToBase64String(Encoding.ASCII.GetBytes("d20261399" + Guid.NewGuid().ToString("N"))).TrimEnd('='),
        Convert.ToBase64String(Encoding.ASCII.GetBytes("d20260203" + Guid.NewGuid().ToString("N") + "x")).TrimEnd('='),
        "%00",
    ];

    [Theory]
    [MemberData(nameof(BadCursors))]
    public async Task ACursorThisAppDidNotMake_Is400_InBothLists(string cursor)
    {
        var api = await ApiAsync(Coordinator);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/v1/activities?after=" + cursor)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.NewClient().GetAsync("/api/v1/public/boras/activities?after=" + cursor)).StatusCode);
    }

    [Fact]
    public async Task ATamperedCursor_ACursorOfAnotherOrder_OrOneBesideAPage_Is400WithTheReason()
    {
        var api = await ApiAsync(Coordinator);
        var next = (await (await api.GetAsync("/api/v1/activities?pageSize=2")).ReadJsonAsync()).GetProperty("next").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/activities?pageSize=2&after=" + next)).StatusCode);

        // The first character carries the direction ('d' is "Z…"): another one makes no cursor at all.
        Assert.StartsWith("Z", next);
        var tampered = "c" + next[1..];
        var problem = await ProblemAsync(await api.GetAsync("/api/v1/activities?after=" + tampered));
        Assert.Contains("känns inte igen", problem.GetProperty("errors").GetProperty("after")[0].GetString());
        Assert.Contains("sort=StartDesc", (await ProblemAsync(await api.GetAsync("/api/v1/activities?sort=Title&after=" + next))).GetProperty("errors").GetProperty("after")[0].GetString());
        Assert.Contains("känns inte igen", (await ProblemAsync(await api.GetAsync("/api/v1/activities?sort=StartAsc&after=" + next))).GetProperty("errors").GetProperty("after")[0].GetString());
        Assert.Contains("inte båda", (await ProblemAsync(await api.GetAsync("/api/v1/activities?page=2&after=" + next))).GetProperty("errors").GetProperty("after")[0].GetString());
        Assert.Contains("inte båda", (await ProblemAsync(await app.NewClient().GetAsync("/api/v1/public/boras/activities?page=2&after=" + next))).GetProperty("errors").GetProperty("after")[0].GetString());
    }
}

public sealed class PagingTests_Sqlite(SqliteApp app) : PagingTests(app), IClassFixture<SqliteApp>;
public sealed class PagingTests_Postgres(PostgresApp app) : PagingTests(app), IClassFixture<PostgresApp>;
