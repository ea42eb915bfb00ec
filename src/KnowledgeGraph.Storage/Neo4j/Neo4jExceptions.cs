namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// Neo4j refused or failed a call. <see cref="Code"/> is the server's status code (Neo.ClientError.Statement.SyntaxError)
/// when it gave one; <see cref="HttpStatus"/> the HTTP status when there was an answer at all.
/// </summary>
public class Neo4jException : Exception
{
    public Neo4jException()
    {
    }

    public Neo4jException(string message)
        : base(message)
    {
    }

    public Neo4jException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public Neo4jException(string message, string? code, int? httpStatus, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        HttpStatus = httpStatus;
    }

    public string? Code { get; }

    public int? HttpStatus { get; }
}

/// <summary>The request was wrong (Neo.ClientError.*, or 401/403/404): sending it again cannot help, so it is never retried.</summary>
public class Neo4jClientException : Neo4jException
{
    public Neo4jClientException()
    {
    }

    public Neo4jClientException(string message)
        : base(message)
    {
    }

    public Neo4jClientException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public Neo4jClientException(string message, string? code, int? httpStatus, Exception? inner = null)
        : base(message, code, httpStatus, inner)
    {
    }
}

/// <summary>Neo4j refused the credentials (401, Neo.ClientError.Security.Unauthorized) or the user may not do this (403).</summary>
public sealed class Neo4jAuthenticationException : Neo4jClientException
{
    public Neo4jAuthenticationException()
    {
    }

    public Neo4jAuthenticationException(string message)
        : base(message)
    {
    }

    public Neo4jAuthenticationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public Neo4jAuthenticationException(string message, string? code, int? httpStatus)
        : base(message, code, httpStatus)
    {
    }
}

/// <summary>A failure that may pass (Neo.TransientError.*, 502/503/504, connection refused): retried with backoff.</summary>
public sealed class Neo4jTransientException : Neo4jException
{
    public Neo4jTransientException()
    {
    }

    public Neo4jTransientException(string message)
        : base(message)
    {
    }

    public Neo4jTransientException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public Neo4jTransientException(string message, string? code, int? httpStatus, Exception? inner = null)
        : base(message, code, httpStatus, inner)
    {
    }
}

/// <summary>Neo4j failed on its side (Neo.DatabaseError.*, other 5xx): not retried, the operator has to look.</summary>
public sealed class Neo4jDatabaseException : Neo4jException
{
    public Neo4jDatabaseException()
    {
    }

    public Neo4jDatabaseException(string message)
        : base(message)
    {
    }

    public Neo4jDatabaseException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public Neo4jDatabaseException(string message, string? code, int? httpStatus)
        : base(message, code, httpStatus)
    {
    }
}

/// <summary>
/// Neo4j cannot be used right now: it did not answer in time, or recent calls failed so often that the circuit is
/// open and calls fail fast without waiting on a dead server.
/// </summary>
public sealed class Neo4jUnavailableException : Neo4jException
{
    public Neo4jUnavailableException()
    {
    }

    public Neo4jUnavailableException(string message)
        : base(message)
    {
    }

    public Neo4jUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>When the circuit will let a call through again, if it is open.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
