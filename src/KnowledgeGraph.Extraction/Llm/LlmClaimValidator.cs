using System.Text.Json;
using KnowledgeGraph.Core.Claims;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Extraction.Llm;

/// <summary>
/// Turns the model's answer into claims held to the built-in extractor's rules: the quote must stand in the document
/// (its offsets become the evidence), both names must appear in the text, relation, types and dates must parse.
/// A claim failing any of these is dropped, never repaired: the model invents nothing that reaches the graph.
/// </summary>
internal static class LlmClaimValidator
{
    private const double Confidence = 0.7;

    /// <summary>The valid claims of <paramref name="content"/> (the model's JSON); throws when it is not the claim shape at all.</summary>
    public static IReadOnlyList<Claim> Validate(Document document, string content)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(content);
        }
        catch (JsonException ex)
        {
            throw new LlmExtractionException($"the model's answer is not JSON: {ex.Message}", ex);
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("claims", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new LlmExtractionException("the model's answer has no 'claims' array");
            }

            var claims = new List<Claim>();
            foreach (var item in items.EnumerateArray())
            {
                if (TryRead(document, item) is { } claim && !claims.Contains(claim))
                {
                    claims.Add(claim);
                }
            }

            return claims;
        }
    }

    private static Claim? TryRead(Document document, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object
            || String(item, "relation") is not { } relationName || !Relations.TryParse(relationName, out var relation)
            || Entity(item, "subject") is not { } subject || Entity(item, "object") is not { } obj
            || subject.Kind != NodeKind.Person || obj.Kind == NodeKind.Person
            || String(item, "quote") is not { Length: > 0 } quote
            || !Date(item, "start", out var start) || !Date(item, "end", out var end))
        {
            return null;
        }

        var text = document.Text;
        var at = text.IndexOf(quote, Math.Clamp(document.BodyStart, 0, text.Length), StringComparison.Ordinal);
        if (at < 0 || !Named(text, subject.Name) || !Named(text, obj.Name))
        {
            return null;
        }

        return new Claim(subject, relation, obj, new Evidence(at, at + quote.Length, quote))
        {
            Start = start,
            End = end,
            Role = String(item, "role"),
            Confidence = Confidence,
        };
    }

    // The full name, or for a person every word of it ("Jerry" and "Tworek" in different sentences), must be in the text.
    private static bool Named(string text, string name) =>
        text.Contains(name, StringComparison.OrdinalIgnoreCase)
        || name.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static string? String(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static Mention? Entity(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
        && String(value, "name") is { } entityName && String(value, "type") is { } type
        && Enum.TryParse<NodeKind>(type, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? new Mention(entityName, kind)
            : null;

    private static bool Date(JsonElement item, string name, out PartialDate? date)
    {
        date = null;
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.String && PartialDate.TryParse(value.GetString(), out var parsed, out _))
        {
            date = parsed;
            return true;
        }

        return false;
    }
}
