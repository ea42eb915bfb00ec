namespace KnowledgeGraph.Api.Security;

/// <summary>What a request does: read the graph, or change it. A write key may also read.</summary>
public enum AccessScope
{
    Read,
    Write,
}

/// <summary>Parsing and naming of <see cref="AccessScope"/> as configured ("read", "write").</summary>
public static class AccessScopes
{
    public static bool TryParse(string? text, out AccessScope scope)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "read":
                scope = AccessScope.Read;
                return true;
            case "write":
                scope = AccessScope.Write;
                return true;
            default:
                scope = default;
                return false;
        }
    }

    public static string Name(this AccessScope scope) => scope == AccessScope.Write ? "write" : "read";
}
