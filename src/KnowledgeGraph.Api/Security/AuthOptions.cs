namespace KnowledgeGraph.Api.Security;

/// <summary>Who may read and write (configuration section "Auth"); keys are kept as SHA-256 hashes, never in plain text.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>When true, reads need a key with scope read or write too; by default reads are open.</summary>
    public bool RequireReadKey { get; set; }

    public List<ApiKeyEntry> Keys { get; set; } = [];

    /// <summary>The first configuration mistake, or null when the keys are usable.</summary>
    public string? Problem()
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            var key = Keys[i];
            if (!AccessScopes.TryParse(key.Scope, out _))
            {
                return $"Auth:Keys:{i}:Scope must be 'read' or 'write', got '{key.Scope}'";
            }

            if (key.Sha256 is not { Length: 64 } hash || !hash.All(char.IsAsciiHexDigit))
            {
                return $"Auth:Keys:{i}:Sha256 must be 64 hex digits (the SHA-256 of the key, as `kg keys create` prints it), got '{key.Sha256}'";
            }
        }

        return null;
    }
}

/// <summary>One configured key: a name for logs, its scope, and the SHA-256 of the key in hex.</summary>
public sealed class ApiKeyEntry
{
    public string? Name { get; set; }

    public string? Scope { get; set; }

    public string? Sha256 { get; set; }
}

/// <summary>Refuses to start with a key that could never match, naming the entry and what is wrong with it.</summary>
public sealed class AuthOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<AuthOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, AuthOptions options) =>
        options.Problem() is { } problem ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problem) : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
}
