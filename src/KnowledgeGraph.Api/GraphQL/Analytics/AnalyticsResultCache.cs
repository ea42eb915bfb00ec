using System.Collections.Concurrent;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.GraphQL.Analytics;

/// <summary>Settings of the analytics answers kept between requests (section "Analytics").</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    /// <summary>Answers kept (each a whole aggregate for one set of arguments); 0 keeps none.</summary>
    public int CacheEntries { get; set; } = 256;
}

/// <summary>
/// Dashboards ask the same aggregates again and again; an answer is computed once per state of the store and served
/// from memory until anything is committed (by this process or another: see <see cref="IChangeVersion"/>). The
/// version is read before computing and is part of the key, so an answer is never served for a state newer than the
/// one it was read from. On a store that cannot tell its version (Neo4j) nothing is kept.
/// </summary>
public sealed class AnalyticsResultCache(IGraphStore store, IOptions<AnalyticsOptions> options)
{
    private readonly ConcurrentDictionary<string, object> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity = Math.Max(0, options.Value.CacheEntries);
    private long _version = long.MinValue;
    private long _hits;

    /// <summary>Answers served from memory so far (diagnostics and tests).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public async Task<T> GetOrComputeAsync<T>(string key, Func<Task<T>> compute)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(compute);
        var version = _capacity > 0 ? (store as IChangeVersion)?.ChangeVersion() : null;
        if (version is not { } now)
        {
            return await compute();
        }

        if (Interlocked.Exchange(ref _version, now) != now)
        {
            // A commit since the last look: what is kept describes an older graph.
            _entries.Clear();
        }

        var versionedKey = $"{now}|{key}";
        if (_entries.TryGetValue(versionedKey, out var kept))
        {
            Interlocked.Increment(ref _hits);
            return (T)kept;
        }

        var answer = await compute();
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        _entries[versionedKey] = answer;
        return answer;
    }
}
