using Microsoft.EntityFrameworkCore;
using Omvarld.Web.Data;

namespace Omvarld.Web.Features.Countries;

/// <summary>
/// <c>import-country-data --kind governance|regime --name "…" --file path.csv [--attribution "…"]</c>: the system
/// administrator's import from the command line. Exit code 0 when the release is stored, 1 when the file has errors
/// (each printed with line and column), 2 for a wrong command line.
/// </summary>
public static class CountryDataCommand
{
    public const string Name = "import-country-data";
    public const string Usage = "import-country-data --kind governance|regime --name \"V-Dem v16 + WGI 2025\" --file path.csv [--attribution \"…\"]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var kindText = Option(args, "--kind");
        var name = Option(args, "--name");
        var path = Option(args, "--file");
        if (!CountryDataService.TryParseKind(kindText, out var kind) || string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(path))
        {
            await error.WriteLineAsync("Usage: " + Usage);
            return 2;
        }
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"No file {path}.");
            return 2;
        }
        var db = services.GetRequiredService<OmvarldDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await error.WriteLineAsync("The database has pending migrations: run 'migrate' first.");
            return 1;
        }
        var outcome = await services.GetRequiredService<CountryDataService>().ImportAsync(new CountryDataImport(kind, name, path,
            await File.ReadAllBytesAsync(path, ct), $"kommandorad ({Environment.UserName})", null, Option(args, "--attribution")), ct);
        if (outcome.Release is not { } r)
        {
            foreach (var e in outcome.Errors)
                await error.WriteLineAsync(e.Line == 0 ? $"{e.Field}: {e.Message}" : $"line {e.Line}, {(e.Field.Length == 0 ? "-" : e.Field)}: {e.Message}");
            if (outcome.ErrorCount > outcome.Errors.Count) await error.WriteLineAsync($"… and {outcome.ErrorCount - outcome.Errors.Count} more errors.");
            await error.WriteLineAsync($"{path} was not imported: {outcome.ErrorCount} error(s). Nothing was stored.");
            return 1;
        }
        await output.WriteLineAsync($"Imported '{r.Name}' ({r.Kind}, {r.RowCount} rows, {r.FirstYear}–{r.LastYear}) as release {r.Id}; it is now in use.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
