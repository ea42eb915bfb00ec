using System.Text.Json.Nodes;

namespace KnowledgeGraph.Extraction.Llm;

/// <summary>The JSON schema the model must answer with: the claim wire shape, with a verbatim quote instead of offsets.</summary>
internal static class LlmClaimSchema
{
    public const string Instructions =
        "Extract career claims about people from the document. Relations: WORKED_AT, STUDIED_AT, WORKED_ON, LED, AUTHORED, " +
        "JOINED, LEFT, FOUNDED. Types: Person, Organization, Model, Paper. Dates exactly as precise as the text (\"2019\", " +
        "\"2019-07\", \"2019-07-15\") or null; events (JOINED, LEFT, FOUNDED) use start; a degree year goes in end. " +
        "Use the fullest name the document gives. No speculation, no negated statements, nothing the text does not say. " +
        "quote must be copied character for character from the document and contain the statement.";

    public static JsonObject Schema()
    {
        static JsonObject Nullable(string type) => new() { ["type"] = new JsonArray(type, "null") };
        static JsonObject Entity(params string[] types) => new()
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("name", "type"),
            ["properties"] = new JsonObject
            {
                ["name"] = new JsonObject { ["type"] = "string" },
                ["type"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. types.Select(t => JsonValue.Create(t))]) },
            },
        };

        var claim = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("subject", "relation", "object", "start", "end", "role", "quote"),
            ["properties"] = new JsonObject
            {
                ["subject"] = Entity("Person"),
                ["relation"] = new JsonObject
                {
                    ["type"] = "string",
                    ["enum"] = new JsonArray("WORKED_AT", "STUDIED_AT", "WORKED_ON", "LED", "AUTHORED", "JOINED", "LEFT", "FOUNDED"),
                },
                ["object"] = Entity("Organization", "Model", "Paper"),
                ["start"] = Nullable("string"),
                ["end"] = Nullable("string"),
                ["role"] = Nullable("string"),
                ["quote"] = new JsonObject { ["type"] = "string" },
            },
        };
        return new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("claims"),
            ["properties"] = new JsonObject { ["claims"] = new JsonObject { ["type"] = "array", ["items"] = claim } },
        };
    }
}
