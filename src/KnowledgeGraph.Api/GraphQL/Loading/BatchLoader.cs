using GraphQL.DataLoader;

namespace KnowledgeGraph.Api.GraphQL.Loading;

/// <summary>
/// Collects the keys a GraphQL level asks for and fetches them in one call when the executor first awaits a result.
/// Results are kept for the request, so a key is fetched at most once. One instance per request.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, TValue missing)
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private readonly HashSet<TKey> _pending = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_pending)
        {
            if (!_loaded.ContainsKey(key))
            {
                _pending.Add(key);
            }
        }

        return new Pending(this, key);
    }

    public async Task<TValue> LoadNowAsync(TKey key, CancellationToken cancellationToken) =>
        await Load(key).GetResultAsync(cancellationToken);

    private async Task<TValue> ResolveAsync(TKey key, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            TKey[] batch;
            lock (_pending)
            {
                if (_loaded.TryGetValue(key, out var ready))
                {
                    return ready;
                }

                batch = [.. _pending];
                _pending.Clear();
            }

            if (batch.Length == 0)
            {
                batch = [key];
            }

            var fetched = await fetch(batch, cancellationToken);
            lock (_pending)
            {
                foreach (var k in batch)
                {
                    _loaded[k] = fetched.TryGetValue(k, out var value) ? value : missing;
                }

                return _loaded.TryGetValue(key, out var value2) ? value2 : missing;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.ResolveAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
