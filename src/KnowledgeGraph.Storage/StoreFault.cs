using KnowledgeGraph.Storage.Neo4j;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage;

/// <summary>
/// Tells a store that cannot answer (its file unreadable, locked or damaged, the disk full; Neo4j down, refusing the
/// credentials, or its circuit open) from a request the store refused. Such faults pass when the store comes back,
/// so callers wait rather than give up: reads answer with a clear error, the worker pauses.
/// </summary>
public static class StoreFault
{
    // Primary SQLite result codes (https://sqlite.org/rescode.html) that say the database itself cannot be used.
    private const int Perm = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int NoMem = 7;
    private const int ReadOnly = 8;
    private const int IoErr = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADb = 26;

    /// <summary>
    /// Why the store cannot answer, in words safe to show any client (no file path, address or query), or null when
    /// <paramref name="exception"/> (or an exception inside it) is not a store fault.
    /// </summary>
    public static string? Describe(Exception? exception)
    {
        for (var current = exception; current is not null; current = current is AggregateException { InnerExceptions: [var first, ..] } ? first : current.InnerException)
        {
            var reason = current switch
            {
                SqliteException sqlite => DescribeSqlite(sqlite.SqliteErrorCode & 0xFF),
                Neo4jUnavailableException { RetryAfter: { } after } => $"Neo4j is unavailable; calls are tried again in {Math.Ceiling(after.TotalSeconds)} s",
                Neo4jUnavailableException => "Neo4j does not answer in time",
                Neo4jAuthenticationException => "Neo4j refuses the service's credentials",
                Neo4jTransientException => "Neo4j does not answer",
                Neo4jDatabaseException => "Neo4j failed on its side",
                _ => null,
            };
            if (reason is not null)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="exception"/> is a store fault (see <see cref="Describe"/>).</summary>
    public static bool Is(Exception? exception) => Describe(exception) is not null;

    private static string? DescribeSqlite(int code) => code switch
    {
        Busy or Locked => "the database is locked by another process",
        Perm or ReadOnly or IoErr or CantOpen => "the database file cannot be read or written",
        Corrupt or NotADb => "the database file is damaged or is not a database",
        Full => "the disk holding the database is full",
        NoMem => "the database ran out of memory",
        _ => null,
    };
}
