using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Domain.Activities;
using Omvarld.Web.Infrastructure;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Activities;

/// <summary>
/// Issue 17 on both databases: a list's total is counted once per state of the municipality's data
/// (<see cref="ListTotals"/>), so paging through a list does not count it again for every page, and counted anew after
/// any change. Whether a total was counted is read from <see cref="ListTotals.Counted"/>, never from timing; the change is
/// a save through the app's DbContext, as every page and API route makes it.
/// </summary>
public abstract class ListTotalsTests(OmvarldApp app)
{
    private static readonly string Coordinator = OmvarldApp.Email("samordnare");
    private ListTotals Totals => app.Services.GetRequiredService<ListTotals>();

    /// <summary>The total the list states: "totalCount" in the register's API, "data.total" in the open data's.</summary>
    private static async Task<int> TotalAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadJsonAsync();
        return (page.TryGetProperty("totalCount", out var total) ? total : page.GetProperty("data").GetProperty("total")).GetInt32();
    }

    /// <summary>The kind most of Borås's activities have (and their number), and one whose kind is changed away from it.</summary>
    private Task<(ActivityKind Kind, int Count)> CommonestKindAsync(Func<Activity, bool>? where = null) => app.WithDbAsync(async db =>
    {
        db.Tenant.Use(app.Boras);
        var kinds = (await db.Activities.AsNoTracking().ToListAsync()).Where(where ?? (_ => true)).GroupBy(a => a.Kind)
            .Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).First();
        return kinds;
    });

    private Task ChangeKindOfOneAsync(ActivityKind from, Func<Activity, bool>? where = null) => app.WithDbAsync(async db =>
    {
        db.Tenant.Use(app.Boras);
        var row = (await db.Activities.Where(a => a.Kind == from).ToListAsync()).First(where ?? (_ => true));
        db.Entry(row).Property(nameof(Activity.Kind)).CurrentValue = from == ActivityKind.Network ? ActivityKind.StudyVisitOrExchange : ActivityKind.Network;
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Register_list_counted_once_per_state_of_the_data_and_again_after_a_change()
    {
        var api = await app.ApiClientAsync(Coordinator);
        var (kind, count) = await CommonestKindAsync();
        Assert.True(count >= 3, "the demo needs three activities of one kind");
        var url = $"/api/v1/activities?pageSize=1&kind={kind}";

        var counted = Totals.Counted;
        Assert.Equal(count, await TotalAsync(api, url));
        Assert.Equal(counted + 1, Totals.Counted);

        // Again, the next page and another order: the same total, not counted again.
        Assert.Equal(count, await TotalAsync(api, url));
        Assert.Equal(count, await TotalAsync(api, url + "&page=2"));
        Assert.Equal(count, await TotalAsync(api, url + "&sort=Title"));
        Assert.Equal(counted + 1, Totals.Counted);

        // Another filter is another total.
        var year = await TotalAsync(api, url + $"&year={app.Today.Year}");
        Assert.Equal(counted + 2, Totals.Counted);
        Assert.True(year <= count);

        // A change to Borås's data: counted anew, and right.
        await ChangeKindOfOneAsync(kind);
        Assert.Equal(count - 1, await TotalAsync(api, url));
        Assert.Equal(counted + 3, Totals.Counted);
    }

    [Fact]
    public async Task Public_list_counted_once_per_state_of_the_data_and_again_after_a_change()
    {
        var anonymous = app.NewClient();
        bool Published(Activity a) => a.IsPublished;
        var (kind, count) = await CommonestKindAsync(Published);
        Assert.True(count >= 2, "the demo needs two published activities of one kind");
        var url = $"/api/v1/public/boras/activities?pageSize=1&kind={kind}";

        var counted = Totals.Counted;
        Assert.Equal(count, await TotalAsync(anonymous, url));
        Assert.Equal(count, await TotalAsync(anonymous, url + "&page=2"));
        Assert.Equal(counted + 1, Totals.Counted);

        await ChangeKindOfOneAsync(kind, Published);
        Assert.Equal(count - 1, await TotalAsync(anonymous, url));
        Assert.Equal(counted + 2, Totals.Counted);
    }
}

public sealed class ListTotalsTests_Sqlite(SqliteApp app) : ListTotalsTests(app), IClassFixture<SqliteApp>;
public sealed class ListTotalsTests_Postgres(PostgresApp app) : ListTotalsTests(app), IClassFixture<PostgresApp>;
