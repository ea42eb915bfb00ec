using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Storage.Jobs;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>The job queue as a table in the embedded store; a claim is one UPDATE, so two workers never share a job.</summary>
public sealed class SqliteJobQueue(string databasePath, TimeProvider? clock = null) : IJobQueue
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(databasePath), Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();

    private const string Columns = "id, kind, state, payload, attempts, created_at, started_at, finished_at, error, counts, failures";
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<ImportJob> EnqueueAsync(string kind, string payload, CancellationToken cancellationToken)
    {
        var id = "job-" + Guid.CreateVersion7().ToString("N");
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO jobs(id, kind, state, payload, created_at) VALUES (@id, @kind, 'queued', @payload, @now) RETURNING {Columns};";
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@kind", kind);
        command.Parameters.AddWithValue("@payload", payload);
        command.Parameters.AddWithValue("@now", Now());
        return (await ReadOneAsync(command, cancellationToken))!;
    }

    public async Task<(ImportJob Job, bool Created)> EnqueueOnceAsync(string jobId, string kind, string payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO jobs(id, kind, state, payload, created_at) VALUES (@id, @kind, 'queued', @payload, @now) ON CONFLICT(id) DO NOTHING RETURNING {Columns};";
        command.Parameters.AddWithValue("@id", jobId);
        command.Parameters.AddWithValue("@kind", kind);
        command.Parameters.AddWithValue("@payload", payload);
        command.Parameters.AddWithValue("@now", Now());
        if (await ReadOneAsync(command, cancellationToken) is { } created)
        {
            return (created, true);
        }

        return ((await GetAsync(jobId, cancellationToken))!, false);
    }

    public async Task<ImportJob?> ClaimAsync(string workerId, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE jobs SET state = 'running', worker = @worker, lease_until = @lease, attempts = attempts + 1,
                            started_at = coalesce(started_at, @now)
            WHERE id = (SELECT id FROM jobs
                        WHERE (state = 'queued' AND (not_before IS NULL OR not_before <= @now))
                           OR (state = 'running' AND lease_until < @now)
                        ORDER BY created_at, id LIMIT 1)
            RETURNING {Columns};
            """;
        command.Parameters.AddWithValue("@worker", workerId);
        command.Parameters.AddWithValue("@lease", Stamp(_clock.GetUtcNow() + lease));
        command.Parameters.AddWithValue("@now", Now());
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<bool> RenewAsync(string jobId, string workerId, TimeSpan lease, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE jobs SET lease_until = @lease WHERE id = @id AND worker = @worker AND state = 'running';",
            p =>
            {
                p.AddWithValue("@id", jobId);
                p.AddWithValue("@worker", workerId);
                p.AddWithValue("@lease", Stamp(_clock.GetUtcNow() + lease));
            },
            cancellationToken) == 1;

    public Task ReportAsync(string jobId, JobCounts counts, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE jobs SET counts = @counts WHERE id = @id AND state = 'running';", p =>
        {
            p.AddWithValue("@id", jobId);
            p.AddWithValue("@counts", JsonSerializer.Serialize(counts));
        }, cancellationToken);

    public Task CompleteAsync(string jobId, JobCounts counts, IReadOnlyList<JobFailure> failures, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE jobs SET state = 'succeeded', finished_at = @now, counts = @counts, failures = @failures, lease_until = NULL, error = NULL WHERE id = @id;", p =>
        {
            p.AddWithValue("@id", jobId);
            p.AddWithValue("@now", Now());
            p.AddWithValue("@counts", JsonSerializer.Serialize(counts));
            p.AddWithValue("@failures", JsonSerializer.Serialize(failures));
        }, cancellationToken);

    public Task FailAsync(string jobId, string error, TimeSpan? retryAfter, CancellationToken cancellationToken) =>
        ExecuteAsync(
            retryAfter is null
                ? "UPDATE jobs SET state = 'failed', finished_at = @now, error = @error, lease_until = NULL WHERE id = @id;"
                : "UPDATE jobs SET state = 'queued', error = @error, lease_until = NULL, worker = NULL, not_before = @notBefore WHERE id = @id;",
            p =>
            {
                p.AddWithValue("@id", jobId);
                p.AddWithValue("@now", Now());
                p.AddWithValue("@error", error);
                p.AddWithValue("@notBefore", Stamp(_clock.GetUtcNow() + (retryAfter ?? TimeSpan.Zero)));
            },
            cancellationToken);

    public Task ReleaseAsync(string jobId, string workerId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE jobs SET state = 'queued', worker = NULL, lease_until = NULL, attempts = max(0, attempts - 1) WHERE id = @id AND worker = @worker AND state = 'running';", p =>
        {
            p.AddWithValue("@id", jobId);
            p.AddWithValue("@worker", workerId);
        }, cancellationToken);

    public async Task<ImportJob?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM jobs WHERE id = @id;";
        command.Parameters.AddWithValue("@id", jobId);
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<JobState, int>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, count(*) FROM jobs GROUP BY state;";
        var result = Enum.GetValues<JobState>().ToDictionary(s => s, _ => 0);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[ParseState(reader.GetString(0))] = reader.GetInt32(1);
        }

        return result;
    }

    private async Task<int> ExecuteAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<ImportJob?> ReadOneAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ImportJob(reader.GetString(0), reader.GetString(1), ParseState(reader.GetString(2)), reader.GetString(3))
        {
            Attempts = reader.GetInt32(4),
            CreatedAt = DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture),
            StartedAt = reader.IsDBNull(6) ? null : DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture),
            FinishedAt = reader.IsDBNull(7) ? null : DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture),
            Error = reader.IsDBNull(8) ? null : reader.GetString(8),
            Counts = JsonSerializer.Deserialize<JobCounts>(reader.GetString(9)) ?? JobCounts.Zero,
            Failures = JsonSerializer.Deserialize<List<JobFailure>>(reader.GetString(10)) ?? [],
        };
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static JobState ParseState(string state) => Enum.Parse<JobState>(state, ignoreCase: true);

    private string Now() => Stamp(_clock.GetUtcNow());

    // Fixed-width UTC stamps compare correctly as text.
    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
