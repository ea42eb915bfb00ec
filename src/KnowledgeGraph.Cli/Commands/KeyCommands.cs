using System.CommandLine;
using System.Security.Cryptography;
using System.Text;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>`kg keys create`: a new random API key and the SHA-256 hash the service is configured with.</summary>
public static class KeyCommands
{
    public static Command Keys()
    {
        var scope = new Option<string>("--scope") { Description = "What the key may do: read or write.", DefaultValueFactory = _ => "write" };
        scope.AcceptOnlyFromAmong("read", "write");
        var name = new Option<string?>("--name") { Description = "A name for the key in logs and configuration (default: the scope and today's date)." };
        var create = new Command("create", "Print a new random API key and its SHA-256 hash. Configure the hash (Auth:Keys); give the key to the caller.") { scope, name };
        create.SetAction(async (parse, ct) =>
        {
            var chosenScope = parse.GetValue(scope)!;
            var keyName = parse.GetValue(name) ?? $"{chosenScope}-{DateTime.UtcNow:yyyyMMdd}";
            var key = "kg_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
            var stdout = Console.Out;
            await stdout.WriteLineAsync($"key:    {key}");
            await stdout.WriteLineAsync($"sha256: {hash}");
            await stdout.WriteLineAsync();
            await stdout.WriteLineAsync("Keep the key secret; configure only the hash, e.g. in the environment:");
            await stdout.WriteLineAsync($"  Auth__Keys__0__Name={keyName} Auth__Keys__0__Scope={chosenScope} Auth__Keys__0__Sha256={hash}");
            await stdout.WriteLineAsync("Callers send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
            return 0;
        });
        return new Command("keys", "Manage API keys.") { create };
    }
}
