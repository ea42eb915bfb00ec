using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>
/// Keeps parsed documents by query text, so a dashboard sending the same query again skips parsing. Only documents
/// that parsed are kept; the cache is bounded by entry count.
/// </summary>
public sealed class DocumentCache : IConfigureExecution, IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var key = options.Query is { } query && options.Document is null ? ("graphql-doc", query) : default;
        if (key.Item2 is not null && cache.TryGetValue(key, out GraphQLDocument? document))
        {
            options.Document = document;
        }

        var result = await next(options);
        if (key.Item2 is not null && options.Document is null && result.Document is { } parsed && result.Executed)
        {
            cache.Set(key, parsed, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        }

        return result;
    }

    public void Dispose() => cache.Dispose();
}
