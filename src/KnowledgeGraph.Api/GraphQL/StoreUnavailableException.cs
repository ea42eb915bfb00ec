namespace KnowledgeGraph.Api.GraphQL;

/// <summary>
/// What a GraphQL client sees when the store cannot answer (GraphQL.NET names its error code STORE_UNAVAILABLE after
/// this type): the reason in plain words, with nothing of the store's own message, paths or addresses.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The message for a store fault described as <paramref name="reason"/>.</summary>
    public static string MessageFor(string reason) => $"The graph store cannot answer right now: {reason}. Try again later; /health/ready turns 200 when it is back.";
}
