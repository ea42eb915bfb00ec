using BenchmarkDotNet.Attributes;
using GraphQL;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.Hosting;
using KnowledgeGraph.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// "Who built this model and where are they now", through the GraphQL executor and serializer as the endpoint runs
/// it, on a store prepared by `kg generate` + `kg import` (folder in KG_BENCH_DATA).
/// </summary>
[MemoryDiagnoser]
public class BuildersQueryBenchmark
{
    private const string Query = """
        query($id: ID!) { model(id: $id) { builders { relation person { name status { kind since }
          currentAffiliation { organization { name } } } } } }
        """;

    private ServiceProvider _services = null!;
    private IDocumentExecuter<KnowledgeGraphSchema> _executer = null!;
    private IGraphQLTextSerializer _serializer = null!;
    private Inputs _variables = null!;

    /// <summary>The model picked for the run and its builder count (printed by the setup).</summary>
    public string ModelId { get; private set; } = string.Empty;

    [Params(50)]
    public int Builders { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _services = BenchmarkServices.Create();
        var data = BenchmarkServices.DataPath;
        _executer = _services.GetRequiredService<IDocumentExecuter<KnowledgeGraphSchema>>();
        _serializer = _services.GetRequiredService<IGraphQLTextSerializer>();

        using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "graph.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT to_id, count(*) AS n FROM edges WHERE relation IN ('WORKED_ON', 'LED') AND to_id LIKE 'model:%'
            GROUP BY to_id ORDER BY abs(n - $n), to_id LIMIT 1;
            """;
        command.Parameters.AddWithValue("$n", Builders);
        using var reader = command.ExecuteReader();
        reader.Read();
        ModelId = reader.GetString(0);
        Console.WriteLine($"// builders query on {ModelId} with {reader.GetInt64(1)} builders");
        _variables = new Inputs(new Dictionary<string, object?> { ["id"] = ModelId });
        var check = Run().GetAwaiter().GetResult();
        if (check < 1000)
        {
            throw new InvalidOperationException($"the query answered only {check} bytes");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public async Task<long> Run()
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await _executer.ExecuteAsync(options =>
        {
            options.Query = Query;
            options.Variables = _variables;
            options.RequestServices = scope.ServiceProvider;
        });
        if (result.Errors is { Count: > 0 } errors)
        {
            throw new InvalidOperationException(errors[0].Message);
        }

        using var stream = new MemoryStream();
        await _serializer.WriteAsync(stream, result);
        return stream.Length;
    }
}
