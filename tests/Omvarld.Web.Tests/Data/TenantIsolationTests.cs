using System.Linq.Expressions;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Omvarld.Web.Data;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Data;

/// <summary>
/// Every row that names a municipality is read only in that municipality: the model has a tenant filter for each such
/// entity, the filter keeps other municipalities' rows out, and no list of the API or the pages shows any id of the
/// other demo municipality to any role of either.
/// </summary>
public abstract partial class TenantIsolationTests(OmvarldApp app)
{
    private const string MunicipalityId = "MunicipalityId";

    /// <summary>
    /// Entities with a MunicipalityId that may go without a tenant filter, each with its reason. Empty: every one has one.
    /// </summary>
    private static readonly Dictionary<Type, string> Unfiltered = new();

    private static readonly string[] Roles = ["samordnare", "redaktor", "godkannare", "ks", "lasare"];

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidText();

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\??\}")]
    private static partial Regex Parameter();

    private IEnumerable<IEntityType> WithMunicipality(OmvarldDbContext db) =>
        db.Model.GetEntityTypes().Where(e => e.FindProperty(MunicipalityId) is not null);

    [Fact]
    public async Task Model_EveryEntityWithMunicipalityId_HasTenantFilter()
    {
        var missing = await app.WithDbAsync(db =>
        {
            var types = WithMunicipality(db).ToList();
            Assert.Contains(types, t => t.ClrType == typeof(Omvarld.Domain.Auditing.AuditEntry));
            Assert.Contains(types, t => t.ClrType == typeof(AppUser));
            Assert.Contains(types, t => t.ClrType == typeof(ApiToken));
            return Task.FromResult(types.Where(t => !Unfiltered.ContainsKey(t.ClrType) && !HasTenantFilter(t.GetRootType()))
                .Select(t => t.ClrType.Name).ToList());
        });

        Assert.True(missing.Count == 0, "Entities with a MunicipalityId and no tenant query filter (OmvarldDbContext):\n  " + string.Join("\n  ", missing));
    }

    /// <summary>A filter that compares the entity's MunicipalityId with the context's current municipality.</summary>
    private static bool HasTenantFilter(IReadOnlyEntityType type)
    {
        foreach (var filter in type.GetDeclaredQueryFilters())
        {
            if (filter.Expression is not LambdaExpression lambda) continue;
            var finder = new TenantComparison(lambda.Parameters[0]);
            finder.Visit(lambda.Body);
            if (finder.Found) return true;
        }
        return false;
    }

    private sealed class TenantComparison(ParameterExpression row) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType == ExpressionType.Equal && ((IsRowMunicipality(node.Left) && IsTenant(node.Right)) || (IsRowMunicipality(node.Right) && IsTenant(node.Left))))
                Found = true;
            return base.VisitBinary(node);
        }

        private bool IsRowMunicipality(Expression e) =>
            Strip(e) is MemberExpression { Member.Name: MunicipalityId } m && Strip(m.Expression!) == row;

        private static bool IsTenant(Expression e) =>
            Strip(e) is MemberExpression { Member.Name: nameof(OmvarldDbContext.CurrentMunicipalityId) } m && typeof(OmvarldDbContext).IsAssignableFrom(m.Member.DeclaringType);

        private static Expression Strip(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Convert } u ? Strip(u.Operand) : e;
    }

    [Fact]
    public async Task Filter_TenantSet_EveryEntityOnlyItsMunicipality()
    {
        var others = 0;
        var failures = new List<string>();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OmvarldDbContext>();
            foreach (var type in WithMunicipality(db))
            {
                db.Tenant.Use(null);
                others += Rows(db, type, ignoreFilters: true).Count(r => Equals(Municipality(type, r), app.Boras));
                db.Tenant.Use(app.UpplandsBro);
                var foreign = Rows(db, type, ignoreFilters: false).Count(r => !Equals(Municipality(type, r), app.UpplandsBro));
                if (foreign > 0) failures.Add($"{type.ClrType.Name}: {foreign} rows of another municipality (or none) visible to Upplands-Bro");
            }
        }

        Assert.True(others > 200, $"The demo data should give Borås rows in many entities for the filter to keep out ({others}).");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task ListRoutesAndPages_EveryRoleOfBothMunicipalities_NoIdOfTheOther()
    {
        var ids = new Dictionary<Guid, HashSet<Guid>> { [app.Boras] = await IdsOfAsync(app.Boras), [app.UpplandsBro] = await IdsOfAsync(app.UpplandsBro) };
        Assert.True(ids[app.Boras].Count > 200 && ids[app.UpplandsBro].Count > 100, $"The demo data should give both municipalities many rows ({ids[app.Boras].Count}, {ids[app.UpplandsBro].Count}).");
        var routes = ListRoutes();
        Assert.Contains("/api/v1/audit", routes);
        Assert.Contains("/logg", routes);
        Assert.Contains("/aktiviteter", routes);

        var leaks = new StringBuilder();
        var ownSeen = 0;
        var answered = 0;
        foreach (var (slug, own, other) in new[] { ("boras", app.Boras, app.UpplandsBro), ("upplands-bro", app.UpplandsBro, app.Boras) })
        {
            foreach (var role in Roles)
            {
                var email = OmvarldApp.Email(role, slug);
                var pages = await app.SignInAsync(email);
                var api = await app.ApiClientAsync(email);
                foreach (var route in routes)
                {
                    var url = route.Replace("{kommun}", slug);
                    var response = await (url.StartsWith("/api/") ? api : pages).GetAsync(url);
                    if ((int)response.StatusCode >= 500) leaks.AppendLine($"{email} GET {url}: {(int)response.StatusCode}");
                    if (response.StatusCode == HttpStatusCode.OK) answered++;
                    var body = await response.Content.ReadAsStringAsync();
                    foreach (Match m in GuidText().Matches(body))
                    {
                        var id = Guid.Parse(m.Value);
                        if (ids[other].Contains(id)) leaks.AppendLine($"{email} GET {url}: {id} of the other municipality");
                        else if (ids[own].Contains(id)) ownSeen++;
                    }
                }
            }
        }

        Assert.True(answered > routes.Count * 2, $"The list routes should answer 200 to most roles ({answered} of {routes.Count * 10}).");
        Assert.True(ownSeen > 200, $"The lists should show the municipality's own ids ({ownSeen}), or the check sees nothing.");
        Assert.True(leaks.Length == 0, "Answers that cross municipalities:\n" + leaks);
    }

    [Fact]
    public async Task AuditLog_CoordinatorOfUpplandsBro_OnlyItsOwnEntries()
    {
        var borasActivity = await app.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.MunicipalityId == app.Boras).Select(a => a.Id).FirstAsync());
        var api = await app.ApiClientAsync(OmvarldApp.Email("samordnare", "upplands-bro"));

        var log = await (await api.GetAsync("/api/v1/audit?pageSize=200")).ReadJsonAsync();
        var ids = log.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        var foreign = await (await api.GetAsync($"/api/v1/audit?entityId={borasActivity}")).ReadJsonAsync();
        var boras = await (await (await app.ApiClientAsync(OmvarldApp.Email("samordnare"))).GetAsync($"/api/v1/audit?entityId={borasActivity}")).ReadJsonAsync();

        Assert.NotEmpty(ids);
        var municipalities = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => ids.Contains(a.Id)).Select(a => a.MunicipalityId).Distinct().ToListAsync());
        Assert.Equal(new Guid?[] { app.UpplandsBro }, municipalities);
        Assert.Equal(0, foreign.GetProperty("totalCount").GetInt32());
        Assert.True(boras.GetProperty("totalCount").GetInt32() > 0, "Borås's own coordinator reads the activity's history.");
    }

    [Fact]
    public async Task AuditLog_SystemAdministrator_InstallationWideEntriesOnly()
    {
        var releases = await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityType == nameof(CountryDataRelease)).Select(a => a.MunicipalityId).ToListAsync());
        var admin = await app.ApiClientAsync(OmvarldApp.Admin);

        var log = await (await admin.GetAsync("/api/v1/audit?pageSize=200")).ReadJsonAsync();
        var items = log.GetProperty("items").EnumerateArray().ToList();
        var ids = items.Select(i => i.GetProperty("id").GetGuid()).ToList();
        var coordinator = await (await (await app.ApiClientAsync(OmvarldApp.Email("samordnare"))).GetAsync($"/api/v1/audit?entityType={nameof(CountryDataRelease)}")).ReadJsonAsync();
        var page = await (await app.SignInAsync(OmvarldApp.Admin)).GetDocumentAsync("/logg");

        // The shipped releases, loaded at the first start, are in the installation's trail.
        Assert.True(releases.Count >= 2, "The shipped country data releases should be audited.");
        Assert.All(releases, m => Assert.Null(m));
        Assert.Contains(items, i => i.GetProperty("entityType").GetString() == nameof(CountryDataRelease));
        Assert.Empty(await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().Where(a => ids.Contains(a.Id) && a.MunicipalityId != null).ToListAsync()));
        Assert.Equal(0, coordinator.GetProperty("totalCount").GetInt32());
        Assert.Contains("landdataversion", page.Text());
    }

    /// <summary>
    /// The GET routes that list: under /api/v1 and the pages, without route parameters or with the municipality's own
    /// slug. Sign-out and the external sign-in start are left out: they end or replace the session the sweep uses.
    /// </summary>
    private List<string> ListRoutes()
    {
        var routes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + Parameter().Replace(endpoint.RoutePattern.RawText ?? "", "{$1}").Trim('/');
            var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (!isPage && (!pattern.StartsWith("/api/v1/") || !methods.Contains("GET"))) continue;
            if (Parameter().Matches(pattern).Any(m => m.Groups[1].Value != "kommun")) continue;
            if (pattern is "/konto/logga-ut" || pattern.StartsWith("/konto/extern/")) continue;
            routes.Add(pattern);
        }
        return [.. routes];
    }

    /// <summary>The keys (other than MunicipalityId) of every row of every entity that names <paramref name="municipality"/>.</summary>
    private Task<HashSet<Guid>> IdsOfAsync(Guid municipality) => app.WithDbAsync(db =>
    {
        var ids = new HashSet<Guid>();
        foreach (var type in WithMunicipality(db))
        {
            var keys = type.FindPrimaryKey()!.Properties.Where(p => p.Name != MunicipalityId && p.ClrType == typeof(Guid)).ToList();
            foreach (var row in Rows(db, type, ignoreFilters: true).Where(r => Equals(Municipality(type, r), municipality)))
                foreach (var key in keys)
                    ids.Add((Guid)Value(key, row)!);
        }
        return Task.FromResult(ids);
    });

    private static object? Municipality(IEntityType type, object row) => Value(type.FindProperty(MunicipalityId)!, row);

    private static object? Value(IProperty property, object row) =>
        (property.PropertyInfo as MemberInfo ?? property.FieldInfo) switch
        {
            PropertyInfo p => p.GetValue(row),
            FieldInfo f => f.GetValue(row),
            _ => throw new InvalidOperationException($"{property.DeclaringType.ClrType.Name}.{property.Name} is a shadow property"),
        };

    private static List<object> Rows(OmvarldDbContext db, IEntityType type, bool ignoreFilters) =>
        (List<object>)typeof(TenantIsolationTests).GetMethod(nameof(RowsOf), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type.ClrType).Invoke(null, [db, ignoreFilters])!;

    private static List<object> RowsOf<T>(OmvarldDbContext db, bool ignoreFilters) where T : class
    {
        var q = db.Set<T>().AsNoTracking();
        if (ignoreFilters) q = q.IgnoreQueryFilters();
        return [.. q.ToList().Cast<object>()];
    }
}

public sealed class TenantIsolationTests_Sqlite(SqliteApp app) : TenantIsolationTests(app), IClassFixture<SqliteApp>;
public sealed class TenantIsolationTests_Postgres(PostgresApp app) : TenantIsolationTests(app), IClassFixture<PostgresApp>;
