using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// A consistent copy of the embedded store's file while the service keeps running: SQLite's online backup API copies
/// every page inside one read transaction (in WAL mode writers go on meanwhile), into a temporary file beside the
/// target that is checked and then renamed, so the target never holds half a backup.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies <paramref name="databasePath"/> to <paramref name="targetPath"/>; throws when the copy fails its integrity check.</summary>
    public static async Task BackupAsync(string databasePath, string targetPath, bool overwrite, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(databasePath);
        var target = Path.GetFullPath(targetPath);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"no database at '{source}'", source);
        }

        if (string.Equals(source, target, StringComparison.Ordinal))
        {
            throw new IOException($"the backup '{target}' cannot be the database itself");
        }

        if (File.Exists(target) && !overwrite)
        {
            throw new IOException($"'{target}' already exists (pass --force to replace it)");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            await using (var from = Open(source, SqliteOpenMode.ReadWrite))
            await using (var into = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                await from.OpenAsync(cancellationToken);
                await into.OpenAsync(cancellationToken);
                from.BackupDatabase(into);

                // One self-contained file: no -wal beside the backup.
                await ExecuteAsync(into, "PRAGMA journal_mode = DELETE;", cancellationToken);
                var check = await ExecuteAsync(into, "PRAGMA quick_check;", cancellationToken);
                if (!string.Equals(check, "ok", StringComparison.Ordinal))
                {
                    throw new InvalidDataException($"the backup of '{source}' failed its integrity check: {check}");
                }
            }

            File.Move(partial, target, overwrite);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());

    private static async Task<string?> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(cancellationToken))?.ToString();
    }
}
