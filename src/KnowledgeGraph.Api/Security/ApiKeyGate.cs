using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Security;

/// <summary>
/// Decides whether a request may read or write, from the key it presents (Authorization: Bearer or X-Api-Key)
/// against the hashes in Auth:Keys. With no key configured, writes are accepted from loopback only.
/// </summary>
public sealed class ApiKeyGate(IOptions<AuthOptions> options)
{
    public const string KeyHeader = "X-Api-Key";

    private readonly AuthOptions auth = options.Value;
    private readonly (string Name, AccessScope Scope, byte[] Hash)[] keys = options.Value.Keys
        .Select((k, i) => (k.Name ?? $"key {i}", AccessScopes.TryParse(k.Scope, out var s) ? s : AccessScope.Read, Convert.FromHexString(k.Sha256!)))
        .ToArray();

    /// <summary>True when no key is configured: the service then takes writes from this machine only.</summary>
    public bool IsOpen => keys.Length == 0;

    public AccessDecision Decide(HttpContext http, AccessScope needed)
    {
        if (IsOpen)
        {
            if (needed == AccessScope.Read && !auth.RequireReadKey)
            {
                return AccessDecision.Allowed;
            }

            return IsLoopback(http.Connection.RemoteIpAddress)
                ? AccessDecision.Allowed
                : AccessDecision.Forbidden($"no API key is configured (Auth:Keys), so {(needed == AccessScope.Write ? "writes are" : "reads are")} accepted from loopback only");
        }

        var presented = PresentedKey(http.Request);
        if (presented is null)
        {
            return needed == AccessScope.Read && !auth.RequireReadKey
                ? AccessDecision.Allowed
                : AccessDecision.Unauthenticated($"this needs an API key with scope '{needed.Name()}': send 'Authorization: Bearer <key>' or '{KeyHeader}: <key>'");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var match = keys.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(k.Hash, hash));
        if (match.Hash is null)
        {
            return AccessDecision.Unauthenticated("the API key is not recognized: its SHA-256 matches no entry in Auth:Keys");
        }

        return needed == AccessScope.Write && match.Scope != AccessScope.Write
            ? AccessDecision.Forbidden($"the API key '{match.Name}' has scope '{match.Scope.Name()}'; this needs scope 'write'")
            : AccessDecision.Allowed;
    }

    /// <summary>The key a request presents, or null; also the rate limiter's partition.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers[KeyHeader].ToString() is { Length: > 0 } key)
        {
            return key.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization[7..].Trim() is { Length: > 0 } bearer ? bearer : null;
    }

    /// <summary>In-process test servers have no remote address; they count as this machine.</summary>
    private static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);
}
