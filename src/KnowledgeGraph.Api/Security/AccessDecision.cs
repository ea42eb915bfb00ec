namespace KnowledgeGraph.Api.Security;

/// <summary>Whether a request may go on; when not, the HTTP status (401 or 403) and a message saying what to do.</summary>
public sealed record AccessDecision(int Status, string? Message)
{
    public static readonly AccessDecision Allowed = new(StatusCodes.Status200OK, null);

    public bool IsAllowed => Message is null;

    public static AccessDecision Unauthenticated(string message) => new(StatusCodes.Status401Unauthorized, message);

    public static AccessDecision Forbidden(string message) => new(StatusCodes.Status403Forbidden, message);
}
