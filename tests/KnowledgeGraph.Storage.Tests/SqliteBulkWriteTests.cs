using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage.Export;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using static KnowledgeGraph.Storage.Tests.TestGraph;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>
/// The SQLite write path on batches large enough for its bulk mode (edges merged as a set, the edge indexes built
/// again after the rows): the same graph as the same edges in small batches, the same counts, again changes
/// nothing, and a failure anywhere leaves the store (indexes included) as it was.
/// </summary>
[Trait("Category", "Store")]
public sealed class SqliteBulkWriteTests : IDisposable
{
    private const int People = 900;
    private const int Labs = 40;
    private const int Sources = 60;
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    /// <summary>
    /// What the one-edge-at-a-time write path (before the bulk mode, commit 9b6fb2f) produced for untidy claims:
    /// the write results and every edge with its provenance, hashed. The bulk path must give exactly the same, even
    /// where the merge rules make the outcome depend on order (a re-run of untidy claims adds 5 claims there too).
    /// </summary>
    [Theory]
    [InlineData("whole", "b776713af1e1d242215c5bf9bfc12e364c66c63b6b11f9eac99fb04b091d8fc4")]
    [InlineData("pieces", "cbedd3b71c31ea2314875144c5dffa72d0d833625cb84bcce32d22dc950f8acf")]
    [InlineData("part-then-whole", "1fac0bd64a6f27869ffe75484c3aa7341605775f8a1085e561aa2db555329214")]
    [InlineData("repeated", "10f09b42366cdf4a63cb58a8a296b1b1ff75806b2d27363f829d59c2159f4dfb")]
    public async Task Large_batches_give_exactly_what_the_one_edge_at_a_time_path_gave(string scenario, string expected)
    {
        var edges = Claims(14_000, tidy: false);
        var whole = Entities();
        whole.Edges.AddRange(edges);
        var (store, _) = await OpenAsync();
        var lines = new List<string>();
        switch (scenario)
        {
            case "whole":
                lines.Add((await store.ApplyAsync(whole, Ct)).ToString());
                lines.Add((await store.ApplyAsync(whole, Ct)).ToString());
                break;
            case "pieces":
                await store.ApplyAsync(Entities(), Ct);
                for (var offset = 0; offset < edges.Count;)
                {
                    var size = offset % 2 == 0 ? 700 : 1_900;
                    lines.Add((await store.ApplyAsync(Of([.. edges.Skip(offset).Take(size)]), Ct)).ToString());
                    offset += size;
                }

                break;
            case "part-then-whole":
                var part = Entities();
                part.Edges.AddRange(edges.Take(4_000));
                lines.Add((await store.ApplyAsync(part, Ct)).ToString());
                lines.Add((await store.ApplyAsync(whole, Ct)).ToString());
                lines.Add((await store.ApplyAsync(whole, Ct)).ToString());
                break;
            default:
                whole.Edges.AddRange(edges.Take(3_000));
                lines.Add((await store.ApplyAsync(whole, Ct)).ToString());
                break;
        }

        lines.AddRange(await DumpAsync(store));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines))));

        Assert.Equal(expected, hash);
    }

    [Fact]
    public async Task A_large_batch_gives_the_same_graph_and_counts_as_its_edges_in_small_batches()
    {
        var edges = Claims(14_000);
        var (bulk, bulkPath) = await OpenAsync();
        var (small, _) = await OpenAsync();
        await small.ApplyAsync(Entities(), Ct);
        var indexes = await IndexesAsync(bulkPath);

        var whole = Entities();
        whole.Edges.AddRange(edges);
        var bulkResult = await bulk.ApplyAsync(whole, Ct);
        var smallResult = WriteResult.Empty;
        // Uneven pieces, so many pieces meet edges (and claims) an earlier piece stored.
        for (var offset = 0; offset < edges.Count;)
        {
            var size = offset % 2 == 0 ? 700 : 1_900;
            smallResult = smallResult.Add(await small.ApplyAsync(Of([.. edges.Skip(offset).Take(size)]), Ct));
            offset += size;
        }

        Assert.True(bulkResult.NewEdges >= 10_000, $"only {bulkResult.NewEdges} new edges: too few for the bulk mode");
        Assert.True(bulkResult.Conflicts > 0, "the claims should hold some conflicts");
        Assert.Equal((smallResult.NewEdges, smallResult.NewProvenance, smallResult.Conflicts), (bulkResult.NewEdges, bulkResult.NewProvenance, bulkResult.Conflicts));
        Assert.Equal(await DumpAsync(small), await DumpAsync(bulk));
        Assert.Equal(indexes, await IndexesAsync(bulkPath));
        Assert.Equal(await small.GetStatsAsync(Ct), await bulk.GetStatsAsync(Ct));
    }

    [Fact]
    public async Task A_large_batch_applied_again_or_over_part_of_itself_changes_nothing_more()
    {
        var (store, _) = await OpenAsync();
        var part = Entities();
        part.Edges.AddRange(Claims(14_000).Take(4_000));
        var whole = Entities();
        whole.Edges.AddRange(Claims(14_000));

        var first = await store.ApplyAsync(part, Ct);
        var rest = await store.ApplyAsync(whole, Ct);
        var stats = await store.GetStatsAsync(Ct);
        var graph = await DumpAsync(store);
        var again = await store.ApplyAsync(whole, Ct);

        Assert.True(first.NewEdges > 0 && rest.NewEdges > 0);
        Assert.Equal(WriteResult.Empty, again);
        Assert.Equal(stats, await store.GetStatsAsync(Ct));
        Assert.Equal(graph, await DumpAsync(store));
        Assert.Equal(first.NewEdges + rest.NewEdges, stats.Edges);
    }

    [Fact]
    public async Task Repeated_claims_inside_a_large_batch_are_one_edge_and_one_piece_of_provenance()
    {
        var (store, _) = await OpenAsync();
        var batch = Entities();
        var claims = Claims(12_000);
        batch.Edges.AddRange(claims);
        batch.Edges.AddRange(claims.Take(3_000));

        var result = await store.ApplyAsync(batch, Ct);
        var (once, _) = await OpenAsync();
        var single = Entities();
        single.Edges.AddRange(claims);

        Assert.Equal(await once.ApplyAsync(single, Ct), result);
        Assert.Equal(await DumpAsync(once), await DumpAsync(store));
    }

    [Fact]
    public async Task A_large_batch_with_one_bad_edge_writes_nothing()
    {
        var (store, path) = await OpenAsync();
        var indexes = await IndexesAsync(path);
        var batch = Entities();
        batch.Edges.AddRange(Claims(12_000));
        batch.Edges.Insert(11_000, Edge(Relation.WorkedAt, "person:nobody", "org:lab-1", "src:s-1"));

        var refused = await Assert.ThrowsAsync<GraphValidationException>(() => store.ApplyAsync(batch, Ct));

        Assert.Contains(refused.Problems, p => p.List == "edges" && p.Index == 11_000);
        Assert.Equal(new GraphStats(0, 0, 0, 0), await store.GetStatsAsync(Ct));
        Assert.Equal(indexes, await IndexesAsync(path));
    }

    [Fact]
    public async Task A_row_failing_in_the_middle_of_the_bulk_write_rolls_back_the_batch_and_keeps_the_indexes()
    {
        var (store, path) = await OpenAsync();
        var before = Entities();
        before.Edges.AddRange(Claims(200));
        await store.ApplyAsync(before, Ct);
        var stats = await store.GetStatsAsync(Ct);
        var graph = await DumpAsync(store);
        var indexes = await IndexesAsync(path);
        await ExecuteAsync(path, "CREATE TRIGGER boom BEFORE INSERT ON edge_sources WHEN NEW.quote = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END;");
        var batch = Entities();
        batch.Edges.AddRange(Claims(12_000));
        batch.Edges.Add(new EdgeInput(Relation.WorkedAt, "person:p-1", "org:lab-2", [new SourceRef("src:s-1") { Quote = "boom" }]) { Start = D("1999") });

        await Assert.ThrowsAsync<SqliteException>(() => store.ApplyAsync(batch, Ct));

        Assert.Equal(stats, await store.GetStatsAsync(Ct));
        Assert.Equal(graph, await DumpAsync(store));
        Assert.Equal(indexes, await IndexesAsync(path));
    }

    [Fact]
    public async Task Confidences_quotes_and_notes_come_back_exactly_as_written()
    {
        var (store, _) = await OpenAsync();
        var batch = Entities();
        var confidences = new[] { 0.1 + 0.2, 0.9, 1.0 / 3, 0.85, 0.7000000000000001, 5e-324, 1.0 };
        for (var i = 0; i < confidences.Length; i++)
        {
            batch.Edges.Add(new EdgeInput(Relation.WorkedAt, $"person:p-{i}", "org:lab-0", [new SourceRef("src:s-0")
            {
                Quote = $"\"quoted\" \\ 'it' 😀 é\u0301 \t line {i}\n<tag>&amp;",
                Note = i % 2 == 0 ? null : "ünïcödé note; DROP TABLE edges;--",
                QuoteStart = i,
                QuoteEnd = i == 0 ? null : int.MaxValue,
                Confidence = confidences[i],
            }])
            {
                Confidence = confidences[i],
                Role = i == 1 ? "  Member of Technical Staff  " : null,
            });
        }

        await store.ApplyAsync(batch, Ct);
        var edges = await store.GetEdgesFromAsync([.. Enumerable.Range(0, confidences.Length).Select(i => $"person:p-{i}")], [Relation.WorkedAt], Ct);
        for (var i = 0; i < confidences.Length; i++)
        {
            var edge = Assert.Single(edges[$"person:p-{i}"]);
            var source = Assert.Single((await store.GetSourceRefsAsync([edge.Id], Ct))[edge.Id]);
            Assert.Equal(confidences[i], edge.Confidence);
            Assert.Equal(confidences[i], source.Confidence);
            Assert.Equal(batch.Edges[i].Sources[0].Quote, source.Quote);
            Assert.Equal(batch.Edges[i].Sources[0].Note, source.Note);
            Assert.Equal(i, source.QuoteStart);
            Assert.Equal(i == 0 ? null : int.MaxValue, source.QuoteEnd);
            Assert.Equal(i == 1 ? "Member of Technical Staff" : null, edge.Role);
        }
    }

    /// <summary>
    /// Claims over a small world, deterministic: tenures with and without start, role or end, the same fact from
    /// several sources, days that disagree inside a month, the same claim twice, and other relations. Tidy claims
    /// always have a start, and a role on tenures, so each fits at most one edge; untidy ones may fit several, and
    /// then which edge a claim joins depends on what the store holds when it arrives (as the merge rules say).
    /// </summary>
    private static List<EdgeInput> Claims(int count, bool tidy = true)
    {
        var random = new Random(7);
        string[] roles = ["Researcher", "researcher", "Engineer", "Member of Technical Staff"];
        var claims = new List<EdgeInput>(count);
        while (claims.Count < count)
        {
            var who = random.Next(People);
            var where = random.Next(Labs);
            var person = $"person:p-{who}";
            var lab = $"org:lab-{where}";
            var year = 2010 + random.Next(15);
            // Tidy claims meet more often: fewer years, and one role per person and lab.
            year = tidy ? 2020 + (year % 2) : year;
            var source = $"src:s-{random.Next(Sources)}";
            var roll = random.Next(100);
            if (roll < 5 && claims.Count > 0)
            {
                claims.Add(claims[random.Next(claims.Count)]);
                continue;
            }

            var start = roll switch
            {
                < 10 => tidy ? $"{year}" : null,
                < 20 => $"{year}-0{1 + (year % 9)}-1{random.Next(3)}",
                < 40 => $"{year}-0{1 + (year % 9)}",
                _ => $"{year}",
            };
            var relation = roll % 7 == 0 ? Relation.Left : Relation.WorkedAt;
            claims.Add(new EdgeInput(relation, person, lab, [new SourceRef(source)
            {
                Quote = roll % 3 == 0 ? null : $"{person} at {lab} ({roll % 2})",
                Note = roll % 3 == 0 ? "from the records" : null,
                QuoteStart = roll % 3 == 0 ? null : roll,
                QuoteEnd = roll % 3 == 0 ? null : roll + 20,
                Confidence = 0.8 + (roll % 3 / 10.0),
            }])
            {
                Start = Maybe(start),
                End = relation == Relation.WorkedAt && roll % 4 == 0 ? D($"{year + 2}") : null,
                Role = relation == Relation.WorkedAt && (tidy || roll % 5 != 0) ? roles[(tidy ? who + where : roll) % roles.Length] : null,
                Confidence = 0.8 + (roll % 3 / 10.0),
            });
        }

        return claims;
    }

    private static GraphBatch Entities()
    {
        var batch = new GraphBatch();
        batch.Sources.AddRange(Enumerable.Range(0, Sources).Select(i => Src($"src:s-{i}")));
        batch.Nodes.AddRange(Enumerable.Range(0, People).Select(i => Person($"person:p-{i}", $"Person {i}")));
        batch.Nodes.AddRange(Enumerable.Range(0, Labs).Select(i => Org($"org:lab-{i}", $"Lab {i}")));
        return batch;
    }

    private async Task<(SqliteGraphStore Store, string Path)> OpenAsync()
    {
        var path = _database.NextPath();
        var store = new SqliteGraphStore(Options.Create(new SqliteStoreOptions { DatabasePath = path, CacheSizeKiB = 8192 }));
        await store.InitializeAsync(Ct);
        return (store, path);
    }

    /// <summary>Every edge with its conflict flag and provenance, without the write times, in a comparable form.</summary>
    private static async Task<List<string>> DumpAsync(SqliteGraphStore store)
    {
        var conflicted = new HashSet<string>(StringComparer.Ordinal);
        for (var offset = 0; ; offset += 500)
        {
            var page = await store.GetConflictedEdgesAsync(500, offset, Ct);
            conflicted.UnionWith(page.Select(e => e.Id));
            if (page.Count < 500)
            {
                break;
            }
        }

        var lines = new List<string>();
        await foreach (var page in GraphPages.EdgesAsync(store, 1_000, string.Empty, Ct))
        {
            foreach (var e in page)
            {
                var sources = e.Sources
                    .Select(s => $"{s.SourceId}|{s.ClaimedStart}|{s.ClaimedEnd}|{s.Quote}|{s.Note}|{s.QuoteStart}|{s.QuoteEnd}|{s.Confidence:R}")
                    .Order(StringComparer.Ordinal);
                lines.Add($"{e.Id}|{e.Relation}|{e.From}|{e.To}|{e.Role}|{e.Start}|{e.End}|{e.Confidence:R}|{conflicted.Contains(e.Id)}|{string.Join(";", sources)}");
            }
        }

        return lines;
    }

    private static async Task<List<string>> IndexesAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name;";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
