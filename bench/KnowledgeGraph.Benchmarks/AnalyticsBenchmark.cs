using BenchmarkDotNet.Attributes;
using GraphQL;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Analytics;
using KnowledgeGraph.Api.Hosting;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// Each dashboard aggregate for a whole year (2024, and 2025: the year with the most departures in the generated graph), through the GraphQL executor and serializer as the endpoint runs it, on a
/// store prepared by `kg generate --people 100000 --seed 7` + `kg import` (folder in KG_BENCH_DATA); the organization
/// is the biggest generated lab, org:gen-0.
/// </summary>
[MemoryDiagnoser]
public class AnalyticsBenchmark
{
    private const string Lab = "org:gen-0";

    private static readonly Dictionary<string, string> Queries = new()
    {
        ["talentFlow"] = """
            query($from: PartialDate, $to: PartialDate) { talentFlow(from: $from, to: $to, first: 50) {
              from { name } to { name } count people(first: 10) { name } } }
            """,
        ["talentFlowOfLab"] = """
            query($from: PartialDate, $to: PartialDate, $org: String!) { talentFlow(from: $from, to: $to, organizations: [$org], first: 50) {
              from { name } to { name } count people(first: 10) { name } } }
            """,
        ["departureStats"] = """
            query($from: PartialDate, $to: PartialDate, $org: String!) { departureStats(organization: $org, from: $from, to: $to, by: MONTH) {
              count tooCoarse unknownShare destinations { organization { name } count share }
              buckets { label count unknownShare destinations { organization { name } count share } } } }
            """,
        ["tenure"] = """
            query($org: String!) { tenure(organization: $org) { leftOut completed { count medianMonths p90Months leftOut }
              ongoing { count medianMonths p90Months leftOut } } }
            """,
        ["keyPeople"] = """
            query($from: PartialDate, $to: PartialDate, $org: String!) { keyPeople(organization: $org, left: true, from: $from, to: $to, first: 50) {
              person { name } works models modelsLed papers status { kind since organization { name } } } }
            """,
    };

    private ServiceProvider _services = null!;
    private IDocumentExecuter<KnowledgeGraphSchema> _executer = null!;
    private IGraphQLTextSerializer _serializer = null!;

    [Params("2024", "2025")]
    public string Year { get; set; } = "2024";

    [GlobalSetup]
    public void Setup()
    {
        _services = BenchmarkServices.Create();
        _executer = _services.GetRequiredService<IDocumentExecuter<KnowledgeGraphSchema>>();
        _serializer = _services.GetRequiredService<IGraphQLTextSerializer>();
        foreach (var name in Queries.Keys)
        {
            var (bytes, answer) = RunAsync(name).GetAwaiter().GetResult();
            Console.WriteLine($"// {name} {Year} on {Lab}: {bytes} bytes: {answer[..Math.Min(300, answer.Length)]}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public async Task<long> TalentFlow() => (await RunAsync("talentFlow")).Bytes;

    [Benchmark]
    public async Task<long> TalentFlowOfLab() => (await RunAsync("talentFlowOfLab")).Bytes;

    [Benchmark]
    public async Task<long> DepartureStatsByMonth() => (await RunAsync("departureStats")).Bytes;

    [Benchmark]
    public async Task<long> Tenure() => (await RunAsync("tenure")).Bytes;

    [Benchmark]
    public async Task<long> KeyPeopleWhoLeft() => (await RunAsync("keyPeople")).Bytes;

    private async Task<(long Bytes, string Answer)> RunAsync(string name)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await _executer.ExecuteAsync(options =>
        {
            options.Query = Queries[name];
            options.Variables = new Inputs(new Dictionary<string, object?> { ["from"] = Year, ["to"] = Year, ["org"] = Lab });
            options.RequestServices = scope.ServiceProvider;
        });
        if (result.Errors is { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"{name}: {errors[0].Message}");
        }

        using var stream = new MemoryStream();
        await _serializer.WriteAsync(stream, result);
        return (stream.Length, System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
    }
}
