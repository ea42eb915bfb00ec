using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// Applies the numbered schema files of graph-schema/neo4j (embedded in this assembly) that the database has not
/// recorded yet, one statement per request (schema changes cannot share a transaction with data), then records each
/// file as a (:SchemaMigration {id}) node. Every statement is idempotent, so two processes starting at once are harmless.
/// </summary>
public sealed partial class Neo4jSchemaMigrator : IStoreSchema
{
    private readonly Neo4jQueryClient _client;
    private readonly TimeProvider _clock;

    public Neo4jSchemaMigrator(Neo4jQueryClient client, TimeProvider? clock = null)
    {
        _client = client;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The schema files in order: number, name ("001_constraints") and statements.</summary>
    public static IReadOnlyList<SchemaStep> Steps { get; } = LoadSteps();

    public int LatestVersion => Steps.Count == 0 ? 0 : Steps[^1].Number;

    /// <summary>The highest step recorded in the database (0 for none).</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync("MATCH (m:SchemaMigration) RETURN coalesce(max(m.id), 0) AS version", null, cancellationToken);
        return result.Records.Count == 0 ? 0 : (int)result.Records[0].GetInt64("version");
    }

    /// <summary>Applies the missing steps and waits for the indexes to be online; answers the steps applied now.</summary>
    public async Task<IReadOnlyList<SchemaStep>> MigrateAsync(CancellationToken cancellationToken)
    {
        var applied = new List<SchemaStep>();
        foreach (var step in await MissingStepsAsync(cancellationToken))
        {
            foreach (var statement in step.Statements)
            {
                await _client.RunAsync(statement, null, cancellationToken);
            }

            await _client.RunAsync(
                "MERGE (m:SchemaMigration {id: $id}) ON CREATE SET m.name = $name, m.appliedAt = $now",
                new Dictionary<string, object?> { ["id"] = step.Number, ["name"] = step.Name, ["now"] = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
                cancellationToken);
            applied.Add(step);
        }

        await _client.RunAsync("CALL db.awaitIndexes(300)", null, cancellationToken);
        return applied;
    }

    async Task<int> IStoreSchema.ApplyMissingAsync(CancellationToken cancellationToken) => (await MigrateAsync(cancellationToken)).Count;

    /// <summary>
    /// Fails, naming the fix, unless every schema step of this build is recorded in the database: for processes that
    /// must not change the schema (Store:Neo4j:ApplySchemaOnStart = false).
    /// </summary>
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        var missing = (await MissingStepsAsync(cancellationToken)).Select(s => s.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The Neo4j schema lacks {string.Join(", ", missing)} (graph-schema/neo4j); run `kg migrate-schema`, or set Store:Neo4j:ApplySchemaOnStart=true");
        }
    }

    private async Task<List<SchemaStep>> MissingStepsAsync(CancellationToken cancellationToken)
    {
        var recorded = await _client.RunAsync("MATCH (m:SchemaMigration) RETURN m.id AS id", null, cancellationToken);
        var done = recorded.Records.Select(r => (int)r.GetInt64("id")).ToHashSet();
        return Steps.Where(s => !done.Contains(s.Number)).ToList();
    }

    private static List<SchemaStep> LoadSteps()
    {
        var assembly = typeof(Neo4jSchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Neo4jSchema/", StringComparison.Ordinal) && n.EndsWith(".cypher", StringComparison.Ordinal))
            .Select(n => Parse(n["Neo4jSchema/".Length..^".cypher".Length], Read(assembly, n)))
            .OrderBy(s => s.Number)
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static SchemaStep Parse(string name, string text)
    {
        var match = StepName().Match(name);
        if (!match.Success)
        {
            throw new InvalidDataException($"graph-schema/neo4j/{name}.cypher: a schema file is named like 001_what.cypher");
        }

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal));
        var statements = string.Join('\n', lines)
            .Split(';')
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .ToList();
        return new SchemaStep(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), name, statements);
    }

    [GeneratedRegex(@"^(\d{3})_[a-z0-9_]+$")]
    private static partial Regex StepName();
}

/// <summary>One numbered schema file.</summary>
public sealed record SchemaStep(int Number, string Name, IReadOnlyList<string> Statements);
