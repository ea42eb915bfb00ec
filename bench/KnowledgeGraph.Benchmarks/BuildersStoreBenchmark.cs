using BenchmarkDotNet.Attributes;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Benchmarks;

/// <summary>The store calls behind the builders query, without GraphQL: where the time of that query goes.</summary>
[MemoryDiagnoser]
public class BuildersStoreBenchmark
{
    private static readonly Relation[] BuilderRelations = [Relation.WorkedOn, Relation.Led];
    private SqliteGraphStore _store = null!;
    private string[] _people = [];
    private string _model = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchmarkServices.DataPath;
        _store = new SqliteGraphStore(Options.Create(new SqliteStoreOptions { DatabasePath = Path.Combine(data, "graph.db") }));
        _model = "model:gen-1025";
        _people = _store.GetEdgesToAsync([_model], BuilderRelations, CancellationToken.None).GetAwaiter().GetResult()[_model].Select(e => e.From).Distinct().ToArray();
    }

    [Benchmark]
    public async Task<int> BuilderEdges() => (await _store.GetEdgesToAsync([_model], BuilderRelations, CancellationToken.None))[_model].Count;

    [Benchmark]
    public async Task<int> People() => (await _store.GetNodesAsync(_people, CancellationToken.None)).Count;

    [Benchmark]
    public async Task<int> CareerEdges() => (await _store.GetEdgesFromAsync(_people, null, CancellationToken.None)).Sum(p => p.Value.Count);
}
