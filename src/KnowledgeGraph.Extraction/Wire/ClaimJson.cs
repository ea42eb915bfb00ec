using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeGraph.Core.Claims;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Extraction.Wire;

/// <summary>
/// The claim wire format (contract): one JSON object per line, <c>subject</c>, <c>relation</c>, <c>object</c>,
/// <c>start</c>, <c>end</c>, <c>role</c>, <c>confidence</c>, <c>evidence</c>, in that order, nulls written.
/// </summary>
public static class ClaimJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            WriteMention(writer, "subject", claim.Subject);
            writer.WriteString("relation", claim.Relation.ToWire());
            WriteMention(writer, "object", claim.Object);
            WriteDate(writer, "start", claim.Start);
            WriteDate(writer, "end", claim.End);
            writer.WriteString("role", claim.Role);
            writer.WriteNumber("confidence", Math.Round(claim.Confidence, 2));
            writer.WriteStartObject("evidence");
            writer.WriteNumber("start", claim.Evidence.Start);
            writer.WriteNumber("end", claim.Evidence.End);
            writer.WriteString("quote", claim.Evidence.Quote);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Reads one line of the wire format (evidence and confidence optional, as in gold files). Throws
    /// <see cref="FormatException"/> saying which field is wrong.
    /// </summary>
    public static Claim Read(string line)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not a JSON object: {ex.Message}", ex);
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("expected a JSON object with subject, relation and object");
            }

            var relationName = RequiredString(root, "relation");
            if (!Relations.TryParse(relationName, out var relation))
            {
                throw new FormatException($"field 'relation' must be one of {string.Join(", ", Relations.All.Select(r => r.ToWire()))}, got '{relationName}'");
            }

            var evidence = root.TryGetProperty("evidence", out var e) && e.ValueKind == JsonValueKind.Object
                ? new Evidence(e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32(), e.GetProperty("quote").GetString() ?? string.Empty)
                : new Evidence(0, 0, string.Empty);

            return new Claim(ReadMention(root, "subject"), relation, ReadMention(root, "object"), evidence)
            {
                Start = ReadDate(root, "start"),
                End = ReadDate(root, "end"),
                Role = root.TryGetProperty("role", out var role) && role.ValueKind == JsonValueKind.String ? role.GetString() : null,
                Confidence = root.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 1.0,
            };
        }
    }

    private static void WriteMention(Utf8JsonWriter writer, string name, Mention mention)
    {
        writer.WriteStartObject(name);
        writer.WriteString("name", mention.Name);
        writer.WriteString("type", mention.Kind.ToString());
        writer.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, PartialDate? date)
    {
        if (date is { } d)
        {
            writer.WriteString(name, d.ToString());
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string RequiredString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new FormatException($"field '{name}' is required and must be a string");

    private static Mention ReadMention(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var mention) || mention.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"field '{name}' must be an object like {{\"name\": \"OpenAI\", \"type\": \"Organization\"}}");
        }

        var mentionName = RequiredString(mention, "name");
        var type = RequiredString(mention, "type");
        return Enum.TryParse<NodeKind>(type, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? new Mention(mentionName, kind)
            : throw new FormatException($"field '{name}.type' must be Person, Organization, Model or Paper, got '{type}'");
    }

    private static PartialDate? ReadDate(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        return PartialDate.TryParse(text, out var date, out var error)
            ? date
            : throw new FormatException($"field '{name}' {error}");
    }
}
