using GraphQL.DataLoader;

namespace KnowledgeGraph.Api.GraphQL.Loading;

/// <summary>Chaining for deferred results: transform a batched value once it arrives.</summary>
public static class LoaderResults
{
    public static IDataLoaderResult<TOut> Then<TIn, TOut>(this IDataLoaderResult<TIn> source, Func<TIn, TOut> map) =>
        new Mapped<TIn, TOut>(source, (value, _) => Task.FromResult(map(value)));

    /// <summary>Continue with a second deferred load that depends on the first value.</summary>
    public static IDataLoaderResult<TOut> Then<TIn, TOut>(this IDataLoaderResult<TIn> source, Func<TIn, IDataLoaderResult<TOut>> next) =>
        new Mapped<TIn, TOut>(source, (value, ct) => next(value).GetResultAsync(ct));

    public static IDataLoaderResult<T> Completed<T>(T value) => new Done<T>(value);

    private sealed class Mapped<TIn, TOut>(IDataLoaderResult<TIn> source, Func<TIn, CancellationToken, Task<TOut>> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) =>
            await map(await source.GetResultAsync(cancellationToken), cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class Done<T>(T value) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
    }
}
