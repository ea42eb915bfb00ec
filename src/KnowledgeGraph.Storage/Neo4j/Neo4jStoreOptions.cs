using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// Where the Neo4j store is and how to call it (configuration "Store:Neo4j", e.g. Store__Neo4j__Uri=http://neo4j:7474).
/// The password and token are never part of <see cref="ToString"/> nor of any log line.
/// </summary>
public sealed partial class Neo4jStoreOptions
{
    public const string Section = "Store:Neo4j";

    /// <summary>The HTTP(S) base address of the server, such as http://127.0.0.1:7474 (not a bolt:// address).</summary>
    public string? Uri { get; set; }

    public string Database { get; set; } = "neo4j";

    /// <summary>User for basic authentication; with <see cref="Password"/>.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>A bearer token (SSO, Aura), used instead of a user and password.</summary>
    public string? Token { get; set; }

    /// <summary>Longest one statement (one HTTP call) may take, per attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest one batch write (its whole transaction) may take, per attempt.</summary>
    public TimeSpan BatchTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after a transient failure (Neo.TransientError.*, 502/503/504, connection refused).</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Share of failed calls within <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed within the sampling window before the circuit may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 8;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls fast before letting one through to test the server.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Whether opening the store (service start, `kg` commands) applies the missing schema files. When false, opening
    /// fails naming the missing files unless `kg migrate-schema` applied them: for deployments where only an operator
    /// changes the schema.
    /// </summary>
    public bool ApplySchemaOnStart { get; set; } = true;

    /// <summary>Rows per UNWIND statement in batch writes.</summary>
    public int RowsPerStatement { get; set; } = 2000;

    /// <summary>The base address as a <see cref="System.Uri"/>; valid once <see cref="Validate"/> found nothing.</summary>
    public Uri BaseAddress => new(Uri!.EndsWith('/') ? Uri : Uri + "/", UriKind.Absolute);

    /// <summary>Every problem of these options, as "Store:Neo4j:Field: what is wrong".</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Uri))
        {
            problems.Add("Store:Neo4j:Uri: must be set to the HTTP(S) address of Neo4j, such as http://127.0.0.1:7474");
        }
        else if (!System.Uri.TryCreate(Uri, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problems.Add($"Store:Neo4j:Uri: must be an http:// or https:// address such as http://127.0.0.1:7474 (the Query API, not bolt://), got '{Uri}'");
        }

        if (!DatabaseName().IsMatch(Database ?? string.Empty))
        {
            problems.Add($"Store:Neo4j:Database: must be a database name such as 'neo4j' (letters, digits, '.', '-'), got '{Database}'");
        }

        var hasPassword = !string.IsNullOrEmpty(User) && !string.IsNullOrEmpty(Password);
        var hasToken = !string.IsNullOrEmpty(Token);
        if (!hasPassword && !hasToken)
        {
            problems.Add("Store:Neo4j:User and Store:Neo4j:Password (or Store:Neo4j:Token): credentials are required");
        }

        if (RequestTimeout <= TimeSpan.Zero || BatchTimeout <= TimeSpan.Zero)
        {
            problems.Add("Store:Neo4j:RequestTimeout and BatchTimeout: must be positive");
        }

        if (MaxRetryAttempts is < 0 or > 20)
        {
            problems.Add($"Store:Neo4j:MaxRetryAttempts: must be between 0 and 20, got {MaxRetryAttempts}");
        }

        if (BreakerFailureRatio is <= 0 or > 1 || BreakerMinimumThroughput < 2 || BreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || BreakerBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            problems.Add("Store:Neo4j:Breaker*: failure ratio in (0, 1], minimum throughput at least 2, sampling and break durations at least 0.5 s");
        }

        if (RowsPerStatement is < 1 or > 50_000)
        {
            problems.Add($"Store:Neo4j:RowsPerStatement: must be between 1 and 50000, got {RowsPerStatement}");
        }

        return problems;
    }

    /// <summary>The settings without secrets, for logs.</summary>
    public override string ToString() =>
        $"Neo4j {Uri} database '{Database}' as {(string.IsNullOrEmpty(Token) ? $"user '{User}' (password {(string.IsNullOrEmpty(Password) ? "not set" : "set")})" : "bearer token (set)")}";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9.\-]{0,62}$")]
    private static partial Regex DatabaseName();
}

/// <summary>Refuses invalid <see cref="Neo4jStoreOptions"/> when they are first used, naming every problem.</summary>
public sealed class Neo4jStoreOptionsValidator : IValidateOptions<Neo4jStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, Neo4jStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
