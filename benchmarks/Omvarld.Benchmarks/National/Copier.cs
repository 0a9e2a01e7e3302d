using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Omvarld.Benchmarks.National;

/// <summary>
/// Binary COPY into the app's own tables, with table, column and store type names taken from the EF model (a column
/// the model does not have is an error here, not a silent mismatch). One connection per table, so that activities and
/// their children stream side by side; the generator drops foreign keys and secondary indexes first and restores them after.
/// </summary>
internal sealed partial class Copier(string connectionString, IModel model) : IAsyncDisposable
{
    private readonly List<TableWriter> _writers = [];

    public TableWriter Table<T>(params string[] columns) => Table(typeof(T), columns);

    public TableWriter Table(Type clrType, params string[] columns)
    {
        var entity = model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = columns.Select(c => entity.GetProperties().FirstOrDefault(p => p.GetColumnName(store) == c)
            ?? throw new InvalidOperationException($"{store.Name} has no column {c}.")).ToArray();
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var importer = connection.BeginBinaryImport(
            $"COPY \"{store.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        var writer = new TableWriter(store.Name, connection, importer, properties);
        _writers.Add(writer);
        return writer;
    }

    /// <summary>Every mapped CLR property of the entity, as the domain object holds it; <paramref name="overrides"/> by column.</summary>
    public static (string[] Columns, object?[] Values) Columns(IModel model, object entity, IReadOnlyDictionary<string, object?> overrides)
    {
        var type = model.FindEntityType(entity.GetType())!;
        var store = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = type.GetProperties().Where(p => !p.IsShadowProperty()).ToList();
        var columns = properties.Select(p => p.GetColumnName(store)!).ToArray();
        var values = properties.Select(p => overrides.TryGetValue(p.GetColumnName(store)!, out var v) ? v
            : p.PropertyInfo is { } pi ? pi.GetValue(entity) : p.FieldInfo!.GetValue(entity)).ToArray();
        return (columns, values);
    }

    public long Complete()
    {
        long rows = 0;
        foreach (var w in _writers) rows += w.Complete();
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var w in _writers) await w.DisposeAsync();
    }

    [GeneratedRegex(@"\(\d+(,\d+)?\)")]
    internal static partial Regex Length();
}

internal sealed class TableWriter(string table, NpgsqlConnection connection, NpgsqlBinaryImporter importer, IProperty[] properties) : IAsyncDisposable
{
    private readonly string[] _types = properties.Select(p => Copier.Length().Replace(p.GetColumnType(), "")).ToArray();
    private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?[] _converters =
        properties.Select(p => p.GetTypeMapping().Converter).ToArray();
    private bool _done;

    public string Name => table;
    public long Rows { get; private set; }

    public void Row(params object?[] values)
    {
        if (values.Length != properties.Length) throw new InvalidOperationException($"{table}: {values.Length} values for {properties.Length} columns.");
        importer.StartRow();
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value is null) { importer.WriteNull(); continue; }
            if (_converters[i] is { } converter && converter.ModelClrType.IsInstanceOfType(value)) value = converter.ConvertToProvider(value)!;
            importer.Write(value, _types[i]);
        }
        Rows++;
    }

    public long Complete()
    {
        if (!_done) importer.Complete();
        _done = true;
        return Rows;
    }

    public async ValueTask DisposeAsync()
    {
        await importer.DisposeAsync();
        await connection.DisposeAsync();
    }
}
