using System.Text.Json;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// One explicit transaction of the Query API. It opens with its first statement (<c>POST …/query/v2/tx</c>), sends the
/// <c>neo4j-cluster-affinity</c> header it was given back with every later request, and expires when idle on the
/// server, so the work inside should not wait on anything but Neo4j.
/// </summary>
public sealed class Neo4jTransaction
{
    private readonly Neo4jQueryClient _client;

    internal Neo4jTransaction(Neo4jQueryClient client) => _client = client;

    /// <summary>The server's id of the transaction, once opened.</summary>
    public string? Id { get; private set; }

    /// <summary>The affinity the server gave when the transaction opened, if any.</summary>
    public string? Affinity { get; private set; }

    public async Task<Neo4jResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken)
    {
        if (Id is null)
        {
            return await _client.SendStatementAsync(HttpMethod.Post, _client.TransactionUri(null), statement, parameters, null, cancellationToken, Opened);
        }

        return await _client.SendStatementAsync(HttpMethod.Post, _client.TransactionUri(Id), statement, parameters, Affinity, cancellationToken);
    }

    internal async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (Id is not null)
        {
            await _client.SendStatementAsync(HttpMethod.Post, _client.TransactionUri(Id, "commit"), null, null, Affinity, cancellationToken);
            Id = null;
        }
    }

    /// <summary>Best effort: the server rolls back a failed or expired transaction by itself anyway.</summary>
    internal async Task RollbackAsync()
    {
        if (Id is null)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _client.SendStatementAsync(HttpMethod.Delete, _client.TransactionUri(Id), null, null, Affinity, timeout.Token);
        }
        catch (Exception ex) when (ex is Neo4jException or OperationCanceledException)
        {
            // Already gone (failed statements end their transaction), or the server is away: nothing to undo here.
        }
        finally
        {
            Id = null;
        }
    }

    private void Opened(JsonElement body, HttpResponseMessage response)
    {
        if (body.TryGetProperty("transaction", out var transaction) && transaction.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } value)
        {
            Id = value;
        }
        else
        {
            throw new Neo4jException("Neo4j opened a transaction without giving its id");
        }

        if (response.Headers.TryGetValues(Neo4jQueryClient.AffinityHeader, out var affinity))
        {
            Affinity = affinity.FirstOrDefault();
        }
    }
}
