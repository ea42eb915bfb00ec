using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage.Jobs;
using KnowledgeGraph.Storage.Neo4j;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// The store stops answering (its file unreadable, locked or damaged; Neo4j's circuit open) and comes back: reads get a
/// clear GraphQL error, /health/ready follows the store, the worker pauses and resumes without losing a job, and a job
/// running at shutdown goes back to the queue. The faults come from a switchable decorator over the real store.
/// </summary>
[Trait("Category", "Api")]
public sealed class StoreFaultTests
{
    private const string Read = """{ person(id: "person:jerry-tworek") { name status { kind } } }""";

    /// <summary>What a store message may hold that a client must never see.</summary>
    private const string SecretPath = "/srv/secret/graph.db";

    private static SqliteException SqliteFault(int code) => new($"SQLite Error {code}: 'disk I/O trouble at {SecretPath}'.", code);

    private static async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(ApiHost host, string path)
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static async Task<string> SubmitAsync(ApiHost host, string text)
    {
        using var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync(new Uri("/api/documents", UriKind.Relative), new { text, title = "Fault test" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private static async Task<ApiHost> StartAsync(StoreSwitch store)
    {
        var host = new ApiHost { ConfigureTestServices = store.Install };
        await host.InitializeAsync();
        return host;
    }

    private static async Task<JsonNode> JobAsync(ApiHost host, string id) => (await GetAsync(host, $"/api/jobs/{id}")).Body;

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int seconds = 45)
    {
        var last = default(T);
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(seconds); waited += TimeSpan.FromMilliseconds(200))
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{what} did not happen within {seconds} s; last seen: {last}");
    }

    [Theory]
    [InlineData(14, "cannot be read or written")]
    [InlineData(5, "locked by another process")]
    [InlineData(11, "damaged")]
    [InlineData(26, "damaged")]
    [InlineData(13, "disk holding the database is full")]
    public async Task A_read_while_the_sqlite_file_fails_is_a_clear_error_without_internals(int code, string reason)
    {
        var store = new StoreSwitch();
        await using var host = await StartAsync(store);

        store.Fault = SqliteFault(code);
        using var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query = Read });
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = JsonNode.Parse(text)!["errors"]![0]!;
        Assert.Contains("The graph store cannot answer right now: ", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(reason, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("STORE_UNAVAILABLE", error["extensions"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain(SecretPath, text, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_goes_false_while_the_store_fails_and_true_when_it_is_back()
    {
        var store = new StoreSwitch();
        await using var host = await StartAsync(store);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(host, "/health/ready")).Status);

        store.Fault = new Neo4jUnavailableException("Neo4j at http://10.1.2.3:7474 is unavailable: recent calls kept failing") { RetryAfter = TimeSpan.FromSeconds(20) };
        var (status, body) = await GetAsync(host, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unavailable", body["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(host, "/health/live")).Status);
        var during = await host.QueryAsync(Read);
        var message = during["errors"]![0]!["message"]!.GetValue<string>();
        Assert.Contains("Neo4j is unavailable; calls are tried again in 20 s", message, StringComparison.Ordinal);
        Assert.DoesNotContain("10.1.2.3", during.ToJsonString(), StringComparison.Ordinal);

        store.Fault = null;
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(host, "/health/ready")).Status);
        var after = await host.DataAsync(Read);
        Assert.Equal("Jerry Tworek", after["person"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_up_waits_for_a_failing_store_and_becomes_ready_when_it_answers()
    {
        var store = new StoreSwitch { Fault = SqliteFault(14) };
        await using var host = new ApiHost { ConfigureTestServices = store.Install };
        var waiting = await EventuallyAsync(
            () => GetAsync(host, "/health/ready"),
            r => r.Body["reason"]?.GetValue<string>()?.Contains("waiting for the store", StringComparison.Ordinal) == true,
            "start-up reporting that it waits for the store");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.Status);
        Assert.Contains("cannot be read or written", waiting.Body["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        store.Fault = null;
        await EventuallyAsync(() => GetAsync(host, "/health/ready"), r => r.Status == HttpStatusCode.OK, "readiness after the store came back");
        Assert.Equal("Jerry Tworek", (await host.DataAsync(Read))["person"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_worker_pauses_while_the_store_fails_and_resumes_without_losing_the_job()
    {
        var store = new StoreSwitch();
        await using var host = await StartAsync(store);

        store.Fault = SqliteFault(10);
        var id = await SubmitAsync(host, "Wren Halloway joined Anthropic in 2022 as a research engineer.");
        await Task.Delay(TimeSpan.FromSeconds(4));
        var paused = await JobAsync(host, id);
        Assert.Equal("queued", paused["state"]!.GetValue<string>());
        Assert.Equal(0, paused["attempts"]!.GetValue<int>());

        store.Fault = null;
        var done = await EventuallyAsync(() => JobAsync(host, id), j => j["state"]!.GetValue<string>() != "queued" && j["state"]!.GetValue<string>() != "running", "the job after the store came back");
        Assert.Equal("succeeded", done["state"]!.GetValue<string>());
        Assert.Equal(1, done["attempts"]!.GetValue<int>());
        var person = await host.DataAsync("""{ person(name: "Wren Halloway") { status { kind organization { name } } } }""");
        Assert.Equal("Anthropic", person["person"]!["status"]!["organization"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_api_answers_503_naming_the_reason_while_the_queue_fails()
    {
        var store = new StoreSwitch();
        await using var host = await StartAsync(store);

        store.QueueFault = SqliteFault(14);
        using var client = host.CreateClient();
        foreach (var response in new[]
        {
            await client.PostAsJsonAsync(new Uri("/api/documents", UriKind.Relative), new { text = "Ivo Marrow joined Anthropic in 2022." }),
            await client.GetAsync(new Uri("/api/jobs/job-anything", UriKind.Relative)),
        })
        {
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("5", response.Headers.RetryAfter?.ToString());
                Assert.Contains("cannot be read or written", JsonNode.Parse(text)!["error"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.DoesNotContain(SecretPath, text, StringComparison.Ordinal);
            }
        }

        var mutation = await host.QueryAsync("""mutation { ingestDocument(text: "Ivo Marrow joined Anthropic in 2022.") { id } }""");
        Assert.Equal("STORE_UNAVAILABLE", mutation["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        store.QueueFault = null;
        Assert.NotEmpty(await SubmitAsync(host, "Ivo Marrow joined Anthropic in 2022."));
    }

    [Fact]
    public async Task The_worker_waits_while_the_queue_fails_and_then_runs_the_queued_job()
    {
        var store = new StoreSwitch();
        await using var host = await StartAsync(store);
        var queue = new SqliteJobQueue(Path.Combine(host.DataPath, "graph.db"));

        store.QueueFault = SqliteFault(5);
        var payload = JsonSerializer.Serialize(new DocumentPayload("Pell Ostrander joined Google DeepMind in 2021.", "Queue fault test", null, null, "queue-fault"), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var job = await queue.EnqueueAsync(JobKinds.Document, payload, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(JobState.Queued, (await queue.GetAsync(job.Id, CancellationToken.None))!.State);

        store.QueueFault = null;
        var done = await EventuallyAsync(() => queue.GetAsync(job.Id, CancellationToken.None), j => j!.State is JobState.Succeeded or JobState.Failed, "the queued job after the queue came back");
        Assert.Equal(JobState.Succeeded, done!.State);
    }

    [Fact]
    public async Task A_job_running_at_shutdown_returns_to_the_queue_and_finishes_after_a_restart()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "kg-api-tests-" + Guid.NewGuid().ToString("N"));
        var store = new StoreSwitch();
        string id;
        await using (var first = new ApiHost(dataPath) { ConfigureTestServices = store.Install })
        {
            await first.InitializeAsync();
            store.HoldWrites = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            id = await SubmitAsync(first, "Juno Achterberg joined Mistral AI in 2023.");
            await store.WriteStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("running", (await JobAsync(first, id))["state"]!.GetValue<string>());
        }

        var queue = new SqliteJobQueue(Path.Combine(dataPath, "graph.db"));
        var returned = await queue.GetAsync(id, CancellationToken.None);
        Assert.Equal(JobState.Queued, returned!.State);
        Assert.Equal(0, returned.Attempts);

        await using var second = new ApiHost(dataPath);
        await second.InitializeAsync();
        var done = await EventuallyAsync(() => JobAsync(second, id), j => j["state"]!.GetValue<string>() is "succeeded" or "failed", "the returned job after the restart");
        Assert.Equal("succeeded", done["state"]!.GetValue<string>());
        var person = await second.DataAsync("""{ person(name: "Juno Achterberg") { status { organization { name } } } }""");
        Assert.Equal("Mistral AI", person["person"]!["status"]!["organization"]!["name"]!.GetValue<string>());
    }
}
