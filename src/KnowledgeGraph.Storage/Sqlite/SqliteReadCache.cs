using System.Collections.Concurrent;
using KnowledgeGraph.Core.Graph;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// Keeps nodes, edge lists and source references read from the file, valid while the file is unchanged. Before each
/// read a watching connection asks SQLite's <c>PRAGMA data_version</c>, which changes whenever any other connection
/// commits, in this process (writes, the worker) or another one (<c>kg import</c> on the same file); any change drops
/// the whole cache. So a cached answer is never older than the last commit made before the read began.
/// </summary>
internal sealed class SqliteReadCache(string connectionString, int maxItems) : IDisposable
{
    // Several watchers, taken in turn, so concurrent reads rarely queue for one connection. Each watcher's
    // data_version is its own counter: a watcher that sees its value move bumps the shared epoch, and a watcher bumps
    // it on its first use too (it cannot know what happened before it opened).
    private readonly Watcher[] _watchers = [.. Enumerable.Range(0, Math.Max(4, 2 * Environment.ProcessorCount)).Select(_ => new Watcher(connectionString))];
    private int _turn;
    private bool _opened;
    private Generation _current = new(long.MinValue, maxItems);
    private long _epoch;
    private long _generations;

    /// <summary>How many times the cache was started afresh (a commit seen, or full); for tests and diagnostics.</summary>
    public long Generations => Interlocked.Read(ref _generations);

    /// <summary>The entries valid now; what a caller reads from the file after this call may be added to them.</summary>
    public Generation Current()
    {
        var epoch = Epoch();
        var current = Volatile.Read(ref _current);
        if (epoch == current.Version && !current.IsFull)
        {
            return current;
        }

        if (epoch < current.Version)
        {
            // Another reader saw a newer commit already: this reader's rows may predate it, so they are not kept.
            return new Generation(epoch, 0);
        }

        // Full at the same data version: the successor keeps the full one's entries reachable; after a commit nothing is kept.
        var next = epoch == current.Version ? current.Successor() : new Generation(epoch, maxItems);
        if (Interlocked.CompareExchange(ref _current, next, current) == current)
        {
            Interlocked.Increment(ref _generations);
        }

        var now = Volatile.Read(ref _current);
        return now.Version == epoch ? now : next;
    }

    /// <summary>A number that grows whenever any connection (this process or another) has committed since the last call.</summary>
    public long Version() => Epoch();

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }

    private long Epoch()
    {
        if (!Volatile.Read(ref _opened))
        {
            // All watchers start together, so their first-use bumps come before any entry is kept.
            lock (_watchers)
            {
                foreach (var each in _watchers)
                {
                    each.Check(ref _epoch);
                }

                Volatile.Write(ref _opened, true);
            }
        }

        var watcher = _watchers[(uint)Interlocked.Increment(ref _turn) % (uint)_watchers.Length];
        return watcher.Check(ref _epoch);
    }

    /// <summary>A connection of its own, never pooled and never writing, that only reads data_version.</summary>
    private sealed class Watcher(string connectionString) : IDisposable
    {
        private readonly Lock _gate = new();
        private SqliteConnection? _connection;
        private sqlite3_stmt? _statement;
        private long _last;

        /// <summary>
        /// Bumps <paramref name="epoch"/> on first use and whenever another connection committed since the last call,
        /// then reads it; both under this watcher's lock, so the next caller of this watcher sees the bump.
        /// </summary>
        public long Check(ref long epoch)
        {
            lock (_gate)
            {
                try
                {
                    var opened = _connection is null;
                    if (opened)
                    {
                        _connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
                        _connection.Open();

                        // Stepped directly below, so Microsoft.Data.Sqlite's own busy retry does not apply: let SQLite wait
                        // (a writer's checkpoint or a migration can hold the file for a moment) instead of failing the read.
                        raw.sqlite3_busy_timeout(_connection.Handle, 10_000);

                        // Prepared once and stepped directly: this runs before every read, so it skips ADO.NET's command and reader.
                        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_connection.Handle, "PRAGMA data_version;", out _statement), _connection.Handle);
                    }

                    var seen = ReadVersion(_statement!, _connection!.Handle!);
                    if (opened || seen != _last)
                    {
                        Interlocked.Increment(ref epoch);
                    }

                    _last = seen;
                    return Interlocked.Read(ref epoch);
                }
                catch (SqliteException)
                {
                    // The file may be back (or replaced) on the next read: that one starts from a fresh handle.
                    Close();
                    throw;
                }
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                Close();
            }
        }

        private static long ReadVersion(sqlite3_stmt statement, sqlite3 database)
        {
            try
            {
                var result = raw.sqlite3_step(statement);
                if (result != raw.SQLITE_ROW)
                {
                    SqliteException.ThrowExceptionForRC(result, database);
                }

                return raw.sqlite3_column_int64(statement, 0);
            }
            finally
            {
                raw.sqlite3_reset(statement);
            }
        }

        private void Close()
        {
            _statement?.Dispose();
            _connection?.Dispose();
            (_statement, _connection) = (null, null);
        }
    }

    /// <summary>
    /// What was read while the file stayed at one data version. Bounded: once full, the next read starts a new
    /// generation that keeps this one as its predecessor, so entries still in use move over (by a hit) and the rest go
    /// with the predecessor when the new one fills in turn. At most two generations live at a time.
    /// </summary>
    internal sealed class Generation(long version, int maxItems, Generation? previous = null)
    {
        private readonly ConcurrentDictionary<string, GraphNode?> _nodes = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<(string End, string Relations, string Id), IReadOnlyList<GraphEdge>> _edges = new();
        private readonly ConcurrentDictionary<string, IReadOnlyList<SourceRef>> _sourceRefs = new(StringComparer.Ordinal);
        private Generation? _previous = previous;
        private int _items;

        public long Version { get; } = version;

        public bool IsFull => Volatile.Read(ref _items) >= maxItems;

        /// <summary>The generation to follow this full one: it keeps this one (without its own predecessor) to move hits from.</summary>
        public Generation Successor()
        {
            Volatile.Write(ref _previous, null);
            return new Generation(Version, maxItems, this);
        }

        /// <summary>Copies the cached nodes into <paramref name="into"/>; returns the ids not cached (known missing ids count as cached).</summary>
        public List<string> TakeNodes(IEnumerable<string> ids, Dictionary<string, GraphNode> into)
        {
            var missing = new List<string>();
            foreach (var id in ids)
            {
                if (!TryGet(g => g._nodes, id, _ => 1, out var node))
                {
                    missing.Add(id);
                }
                else if (node is not null)
                {
                    into[id] = node;
                }
            }

            return missing;
        }

        public void PutNodes(IEnumerable<string> ids, IReadOnlyDictionary<string, GraphNode> found)
        {
            foreach (var id in ids)
            {
                Put(_nodes, id, found.GetValueOrDefault(id), 1);
            }
        }

        /// <summary>Copies the cached edge lists of one end and relation set into <paramref name="into"/>; returns the ids not cached.</summary>
        public List<string> TakeEdges(string end, string relations, IEnumerable<string> ids, Dictionary<string, IReadOnlyList<GraphEdge>> into) =>
            Take(g => g._edges, id => (end, relations, id), ids, into);

        public void PutEdges(string end, string relations, IReadOnlyDictionary<string, List<GraphEdge>> read)
        {
            foreach (var (id, edges) in read)
            {
                Put(_edges, (end, relations, id), edges, Weight(edges));
            }
        }

        public List<string> TakeSourceRefs(IEnumerable<string> edgeIds, Dictionary<string, IReadOnlyList<SourceRef>> into) =>
            Take(g => g._sourceRefs, id => id, edgeIds, into);

        public void PutSourceRefs(IReadOnlyDictionary<string, List<SourceRef>> read)
        {
            foreach (var (id, refs) in read)
            {
                Put(_sourceRefs, id, refs, Weight(refs));
            }
        }

        private static int Weight<T>(IReadOnlyCollection<T> items) => Math.Max(1, items.Count);

        private List<string> Take<TKey, T>(Func<Generation, ConcurrentDictionary<TKey, IReadOnlyList<T>>> map, Func<string, TKey> keyOf, IEnumerable<string> ids, Dictionary<string, IReadOnlyList<T>> into)
            where TKey : notnull
        {
            var missing = new List<string>();
            foreach (var id in ids)
            {
                if (TryGet(map, keyOf(id), Weight, out var value))
                {
                    into[id] = value;
                }
                else
                {
                    missing.Add(id);
                }
            }

            return missing;
        }

        /// <summary>Looks in this generation, then in its predecessor; a predecessor's hit moves into this one.</summary>
        private bool TryGet<TKey, TValue>(Func<Generation, ConcurrentDictionary<TKey, TValue>> map, TKey key, Func<TValue, int> weight, out TValue value)
            where TKey : notnull
        {
            if (map(this).TryGetValue(key, out value!))
            {
                return true;
            }

            if (Volatile.Read(ref _previous) is { } older && map(older).TryGetValue(key, out value!))
            {
                Put(map(this), key, value, weight(value));
                return true;
            }

            return false;
        }

        private void Put<TKey, TValue>(ConcurrentDictionary<TKey, TValue> map, TKey key, TValue value, int weight)
            where TKey : notnull
        {
            if (maxItems > 0 && Volatile.Read(ref _items) < maxItems && map.TryAdd(key, value))
            {
                Interlocked.Add(ref _items, weight);
            }
        }
    }
}
