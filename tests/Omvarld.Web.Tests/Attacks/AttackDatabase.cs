using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Omvarld.Web.Data;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Attacks;

/// <summary>
/// What the attack suite reads from the database in system scope: the row count of every table of the EF model
/// (the audit trail is one of them) and of every tenant table for the other municipality, and the other
/// municipality's ids and texts that must never reach an answer given to this one.
/// </summary>
public sealed class AttackDatabase
{
    private readonly OmvarldApp _app;
    private readonly string _countSql;
    private readonly List<string> _labels;

    /// <summary>Row ids by table, of each municipality (tables with a MunicipalityId and a single Guid key).</summary>
    public IReadOnlyDictionary<string, List<Guid>> Own { get; }
    public IReadOnlyDictionary<string, List<Guid>> Other { get; }
    /// <summary>Texts that exist only in the other municipality's rows (titles, names, e-mail addresses).</summary>
    public IReadOnlyList<string> OtherTexts { get; }
    public HashSet<string> OtherIds { get; }

    private AttackDatabase(OmvarldApp app, string countSql, List<string> labels, Dictionary<string, List<Guid>> own,
        Dictionary<string, List<Guid>> other, List<string> otherTexts)
    {
        _app = app;
        _countSql = countSql;
        _labels = labels;
        Own = own;
        Other = other;
        OtherTexts = otherTexts;
        OtherIds = other.Values.SelectMany(ids => ids).Select(id => id.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public static async Task<AttackDatabase> ReadAsync(OmvarldApp app, string ownSlug, string otherSlug) => await app.WithDbAsync(async db =>
    {
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetViewName() is null && !e.IsOwned())
            .GroupBy(e => e.GetTableName()!)
            .Select(g => g.First())
            .OrderBy(e => e.GetTableName(), StringComparer.Ordinal)
            .ToList();
        string Q(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
        string Municipality(string slug) => $"(SELECT {Q("Id")} FROM {Q("Municipalities")} WHERE {Q("Slug")} = '{slug}')";

        var labels = new List<string>();
        var parts = new List<string>();
        foreach (var e in tables)
        {
            var table = e.GetTableName()!;
            labels.Add(table);
            parts.Add($"SELECT COUNT(*) FROM {Q(table)}");
        }
        var tenantTables = new List<(string Table, string? Key)>();
        foreach (var e in tables)
        {
            var table = e.GetTableName()!;
            var id = StoreObjectIdentifier.Table(table, e.GetSchema());
            if (e.FindProperty("MunicipalityId")?.GetColumnName(id) is not { } column) continue;
            labels.Add(table + " of " + otherSlug);
            parts.Add($"SELECT COUNT(*) FROM {Q(table)} WHERE {Q(column)} = {Municipality(otherSlug)}");
            var key = e.FindPrimaryKey()?.Properties is [{ } k] && k.ClrType == typeof(Guid) ? k.GetColumnName(id) : null;
            tenantTables.Add((table, key));
        }
        // One statement of scalar subqueries: one round trip, one consistent read.
        var countSql = "SELECT " + string.Join(", ", parts.Select((p, i) => $"({p}) AS c{i}"));

        var own = new Dictionary<string, List<Guid>>();
        var other = new Dictionary<string, List<Guid>>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var (table, key) in tenantTables.Where(t => t.Key is not null))
            {
                own[table] = await GuidsAsync(connection, $"SELECT {Q(key!)} FROM {Q(table)} WHERE {Q("MunicipalityId")} = {Municipality(ownSlug)} ORDER BY {Q(key!)}");
                other[table] = await GuidsAsync(connection, $"SELECT {Q(key!)} FROM {Q(table)} WHERE {Q("MunicipalityId")} = {Municipality(otherSlug)} ORDER BY {Q(key!)}");
            }
            // Users belong to a municipality too (the Identity table has its own name).
            var users = db.Model.FindEntityType(typeof(AppUser))!.GetTableName()!;
            own[users] = await GuidsAsync(connection, $"SELECT {Q("Id")} FROM {Q(users)} WHERE {Q("MunicipalityId")} = {Municipality(ownSlug)} ORDER BY {Q("Id")}");
            other[users] = await GuidsAsync(connection, $"SELECT {Q("Id")} FROM {Q(users)} WHERE {Q("MunicipalityId")} = {Municipality(otherSlug)} ORDER BY {Q("Id")}");
        }
        finally { await db.Database.CloseConnectionAsync(); }

        // Texts of the other municipality that this one does not have: a leak shows as one of them.
        var otherId = await db.Municipalities.Where(m => m.Slug == otherSlug).Select(m => m.Id).SingleAsync();
        var ownId = await db.Municipalities.Where(m => m.Slug == ownSlug).Select(m => m.Id).SingleAsync();
        async Task<List<string>> TextsAsync(Guid m) =>
        [
            .. await db.Activities.IgnoreQueryFilters().Where(a => a.MunicipalityId == m).Select(a => a.Title).ToListAsync(),
            .. await db.Partners.IgnoreQueryFilters().Where(p => p.MunicipalityId == m).Select(p => p.Name).ToListAsync(),
            .. await db.Units.IgnoreQueryFilters().Where(u => u.MunicipalityId == m).Select(u => u.Name).ToListAsync(),
            .. await db.Users.Where(u => u.MunicipalityId == m).Select(u => u.Email!).ToListAsync(),
            .. await db.Users.Where(u => u.MunicipalityId == m).Select(u => u.DisplayName).ToListAsync(),
            .. await db.Memberships.IgnoreQueryFilters().Where(x => x.MunicipalityId == m).Select(x => x.Name).ToListAsync(),
        ];
        var ownTexts = (await TextsAsync(ownId)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var otherTexts = (await TextsAsync(otherId))
            .Where(t => t is { Length: >= 10 } && !ownTexts.Any(o => o.Contains(t, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new AttackDatabase(app, countSql, labels, own, other, otherTexts);
    });

    private static async Task<List<Guid>> GuidsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (Guid.TryParse(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), out var id)) ids.Add(id);
        return ids;
    }

    /// <summary>The row count of every table, and of every tenant table for the other municipality, in one read.</summary>
    public Task<long[]> CountsAsync() => _app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _countSql;
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var counts = new long[reader.FieldCount];
            for (var i = 0; i < counts.Length; i++) counts[i] = Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            return counts;
        }
        finally { await db.Database.CloseConnectionAsync(); }
    });

    /// <summary>"AuditEntries 412 → 413, Activities 40 → 41": the tables whose counts differ.</summary>
    public string Difference(long[] before, long[] after, string? except = null)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < before.Length; i++)
            if (before[i] != after[i] && _labels[i] != except) sb.Append(sb.Length == 0 ? "" : ", ").Append($"{_labels[i]} {before[i]} → {after[i]}");
        return sb.ToString();
    }
}
