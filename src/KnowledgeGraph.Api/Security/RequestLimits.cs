using System.ComponentModel.DataAnnotations;

namespace KnowledgeGraph.Api.Security;

/// <summary>Bounds on what one request may ask for (configuration section "Limits"); each is checked before any store work.</summary>
public sealed class RequestLimits
{
    public const string Section = "Limits";

    /// <summary>Deepest field nesting a GraphQL operation may have.</summary>
    [Range(2, 100)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Most aliased fields one GraphQL document may hold.</summary>
    [Range(0, 10_000)]
    public int MaxAliases { get; set; } = 30;

    /// <summary>Highest complexity (GraphQL.NET's analyzer; a list weighs by its page size) an operation may reach.</summary>
    [Range(10, 100_000_000)]
    public int MaxComplexity { get; set; } = 250_000;

    /// <summary>Longest a GraphQL request may run, in seconds.</summary>
    [Range(1, 3_600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Largest body POST /graphql accepts, in bytes.</summary>
    [Range(1_024, 100_000_000)]
    public long MaxGraphQLBodyBytes { get; set; } = 1_048_576;

    /// <summary>Largest body POST /api/documents accepts, in bytes.</summary>
    [Range(1_024, 100_000_000)]
    public long MaxDocumentBodyBytes { get; set; } = 4_194_304;

    /// <summary>Largest body POST /api/imports accepts (a records, documents JSONL or affiliations CSV file), in bytes.</summary>
    [Range(1_024, 1_000_000_000)]
    public long MaxImportBodyBytes { get; set; } = 33_554_432;
}
