using Microsoft.Data.Sqlite;
using Npgsql;

namespace Omvarld.Web.Infrastructure;

/// <summary>
/// Tells a database that cannot be reached (down, restarting, its file unreadable) from an error in the app: the first
/// is 503 with Retry-After, Swedish page or ProblemDetails (<c>Features/Public/Error</c>), like <c>/health</c>; the
/// second stays 500.
/// </summary>
public static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 30;
    private const string Marker = "omv:database-unavailable";

    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CANTOPEN: the file is held, unreadable or gone, not the query wrong.
    private static readonly HashSet<int> SqliteCodes = [5, 6, 10, 14];

    // Connection exceptions (class 08), the server shutting down or starting (57P01–57P03), the database gone (3D000),
    // too many connections or out of resources (53300, 53400).
    private static readonly HashSet<string> PostgresStates = ["57P01", "57P02", "57P03", "3D000", "53300", "53400"];

    public static bool Is(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException p when p.SqlState.StartsWith("08", StringComparison.Ordinal) || PostgresStates.Contains(p.SqlState):
                    return true;
                case PostgresException:
                    return false;
                // Not a server's answer: the connection could not be opened, broke or timed out.
                case NpgsqlException { IsTransient: true }:
                    return true;
                case SqliteException s when SqliteCodes.Contains(s.SqliteErrorCode):
                    return true;
            }
        }
        return false;
    }

    /// <summary>Marks the request whose answer is the 503 page: the layout then reads nothing from the database.</summary>
    public static void Mark(HttpContext context) => context.Items[Marker] = true;

    public static bool IsMarked(HttpContext? context) => context?.Items.ContainsKey(Marker) == true;
}
