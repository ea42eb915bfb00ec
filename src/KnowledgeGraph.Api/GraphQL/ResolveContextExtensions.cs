using GraphQL;
using KnowledgeGraph.Api.GraphQL.Loading;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>Request services a resolver needs, in one place.</summary>
internal static class ResolveContextExtensions
{
    public static GraphLoaders Loaders(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<GraphLoaders>();

    public static CareerQueries Careers(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<CareerQueries>();

    public static ListOptions Lists(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IOptions<ListOptions>>().Value;

    public static IEnumerable<T> Page<T>(this IResolveFieldContext context, IEnumerable<T> items)
    {
        var first = context.Lists().PageSize(context.GetArgument<int?>("first"));
        var offset = ListOptions.Offset(context.GetArgument<int?>("offset"));
        return items.Skip(offset).Take(first);
    }
}
