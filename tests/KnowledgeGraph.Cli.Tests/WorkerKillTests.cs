using System.Text.Json;
using KnowledgeGraph.Ingestion.Generation;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage.Jobs;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>
/// A bulk import whose worker process is killed mid-job (no shutdown code runs, so the job keeps its lease) and
/// started again ends with the same graph as an import that ran through once.
/// </summary>
[Trait("Category", "Process")]
public sealed class WorkerKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Biographies = 600;
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(5);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kg-kill-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_bulk_import_and_restarted_leaves_the_graph_an_uninterrupted_import_leaves()
    {
        var bios = Path.Combine(_root, "bios");
        await new BiographyGenerator(Biographies, seed: 11).WriteAsync(bios, CancellationToken.None);

        // Uninterrupted: one worker runs the job to the end.
        var (referenceDb, referenceJob) = await EnqueueImportAsync("reference", bios);
        using (var worker = StartWorker("reference"))
        {
            var done = await WaitForAsync(referenceDb, referenceJob, job => job.State is JobState.Succeeded or JobState.Failed, worker);
            Assert.Equal(JobState.Succeeded, done.State);
            Assert.Equal(Biographies, done.Counts.Documents);
        }

        // Interrupted: the worker is killed once part of the import is written, then a new worker process starts.
        var (killedDb, killedJob) = await EnqueueImportAsync("killed", bios);
        int documentsBeforeKill;
        using (var worker = StartWorker("killed"))
        {
            var partway = await WaitForAsync(killedDb, killedJob, job => job.Counts.Documents >= 60 || job.State != JobState.Running && job.State != JobState.Queued, worker);
            worker.Kill();
            documentsBeforeKill = partway.Counts.Documents;
        }

        var afterKill = await new SqliteJobQueue(killedDb).GetAsync(killedJob, CancellationToken.None);
        Assert.Equal(JobState.Running, afterKill!.State); // killed mid-job: no worker finished or released it
        Assert.InRange(afterKill.Counts.Documents, 1, Biographies - 1);
        var partialEdges = Count(killedDb, "edges");
        Assert.InRange(partialEdges, 1, Count(referenceDb, "edges") - 1);
        output.WriteLine($"killed after {documentsBeforeKill} of {Biographies} documents, {partialEdges} edges written");

        using (var worker = StartWorker("killed"))
        {
            var done = await WaitForAsync(killedDb, killedJob, job => job.State is JobState.Succeeded or JobState.Failed, worker);
            Assert.Equal(JobState.Succeeded, done.State);
            Assert.Equal(2, done.Attempts);
            Assert.Empty(done.Failures);
        }

        foreach (var (table, query) in Snapshots)
        {
            var expected = Rows(referenceDb, query);
            var actual = Rows(killedDb, query);
            Assert.True(expected.Count > 0, $"the reference import wrote no rows to {table}");
            Assert.True(expected.SequenceEqual(actual), $"{table} differs: {expected.Count} rows uninterrupted, {actual.Count} after the kill; first difference: {FirstDifference(expected, actual)}");
        }
    }

    /// <summary>Every table of the graph, without the columns that record when a row was written.</summary>
    private static readonly (string Table, string Query)[] Snapshots =
    [
        ("nodes", "SELECT id, kind, name, org_kind, parent_id, year, venue FROM nodes ORDER BY id"),
        ("node_aliases", "SELECT node_id, norm, alias FROM node_aliases ORDER BY node_id, norm"),
        ("edges", "SELECT id, relation, from_id, to_id, role, start, \"end\", confidence, in_conflict FROM edges ORDER BY id"),
        ("edge_sources", "SELECT edge_id, source_id, claimed_start, claimed_end, quote, note, quote_start, quote_end, confidence FROM edge_sources ORDER BY edge_id, source_id, claimed_start, claimed_end, quote, note"),
        ("sources", "SELECT id, title, url, published_on, content_hash FROM sources ORDER BY id"),
    ];

    private async Task<(string Database, string JobId)> EnqueueImportAsync(string name, string folder)
    {
        var database = Path.Combine(_root, name, "graph.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        await new SqliteGraphStore(Options.Create(new SqliteStoreOptions { DatabasePath = database })).InitializeAsync(CancellationToken.None);
        var payload = JsonSerializer.Serialize(new PathPayload(folder), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var job = await new SqliteJobQueue(database).EnqueueAsync(JobKinds.Path, payload, CancellationToken.None);
        return (database, job.Id);
    }

    private KgProcess StartWorker(string name) => KgProcess.Start(
        new Dictionary<string, string>
        {
            ["Data__Path"] = Path.Combine(_root, name),
            // A short lease, so the restarted worker takes the dead worker's job again within seconds.
            ["Ingestion__LeaseSeconds"] = "2",
            ["DOTNET_ENVIRONMENT"] = "Production",
        },
        "worker");

    private async Task<ImportJob> WaitForAsync(string database, string jobId, Func<ImportJob, bool> condition, KgProcess worker)
    {
        var queue = new SqliteJobQueue(database);
        var deadline = DateTime.UtcNow + JobTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var job = await queue.GetAsync(jobId, CancellationToken.None) ?? throw new InvalidOperationException($"job {jobId} is gone");
            if (condition(job))
            {
                return job;
            }

            if (worker.HasExited)
            {
                output.WriteLine(worker.Output);
                Assert.Fail($"kg worker exited before job {jobId} got there (state {job.State}, {job.Counts.Documents} documents)");
            }

            await Task.Delay(100);
        }

        output.WriteLine(worker.Output);
        throw new TimeoutException($"job {jobId} did not get there within {JobTimeout}");
    }

    private static long Count(string database, string table) => Convert.ToInt64(Rows(database, $"SELECT COUNT(*) FROM {table}")[0], System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Rows(string database, string query)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[i] = reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            rows.Add(string.Join(" | ", values));
        }

        return rows;
    }

    private static string FirstDifference(List<string> expected, List<string> actual)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (expected[i] != actual[i])
            {
                return $"row {i}: uninterrupted '{expected[i]}', after the kill '{actual[i]}'";
            }
        }

        return expected.Count == actual.Count ? "none" : $"row {Math.Min(expected.Count, actual.Count)} is missing on one side";
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file a killed process held may linger for a moment; the folder is under the temp directory.
        }
    }
}
