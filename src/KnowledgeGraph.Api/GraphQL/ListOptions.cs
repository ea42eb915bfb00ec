using System.ComponentModel.DataAnnotations;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>Page sizes and graph walk bounds for the GraphQL API (configuration section "GraphQL").</summary>
public sealed class ListOptions
{
    public const string Section = "GraphQL";

    [Range(1, 10_000)]
    public int DefaultPageSize { get; set; } = 50;

    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 500;

    [Range(1, 5)]
    public int MaxNeighborhoodDepth { get; set; } = 3;

    [Range(10, 100_000)]
    public int MaxNeighborhoodNodes { get; set; } = 5_000;

    /// <summary>The page size to use: the default when none is given; an error beyond the maximum.</summary>
    public int PageSize(int? first, string argument = "first")
    {
        var size = first ?? DefaultPageSize;
        if (size < 0)
        {
            throw new global::GraphQL.ExecutionError($"Argument '{argument}' must be 0 or more, got {size}.");
        }

        return size <= MaxPageSize
            ? size
            : throw new global::GraphQL.ExecutionError($"Argument '{argument}' is {size}, above the maximum page size {MaxPageSize}.");
    }

    public static int Offset(int? offset) => offset switch
    {
        null => 0,
        < 0 => throw new global::GraphQL.ExecutionError($"Argument 'offset' must be 0 or more, got {offset}."),
        var o => o.Value,
    };
}
