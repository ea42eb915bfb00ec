using System.Globalization;
using System.Text.Json;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>What one statement answered: the field names and one record per row (Query API "data.fields" / "data.values").</summary>
public sealed class Neo4jResult
{
    public Neo4jResult(IReadOnlyList<string> fields, IReadOnlyList<Neo4jRecord> records, IReadOnlyList<string> bookmarks)
    {
        Fields = fields;
        Records = records;
        Bookmarks = bookmarks;
    }

    public static Neo4jResult Empty { get; } = new([], [], []);

    public IReadOnlyList<string> Fields { get; }

    public IReadOnlyList<Neo4jRecord> Records { get; }

    public IReadOnlyList<string> Bookmarks { get; }

    /// <summary>Reads the "data" member of a Query API answer; a body without one (a write returning nothing) is empty.</summary>
    internal static Neo4jResult Parse(JsonElement root)
    {
        var bookmarks = root.TryGetProperty("bookmarks", out var marks) && marks.ValueKind == JsonValueKind.Array
            ? marks.EnumerateArray().Select(m => m.GetString() ?? string.Empty).ToList()
            : [];
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return new Neo4jResult([], [], bookmarks);
        }

        var fields = data.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList()
            : [];
        var index = fields.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var records = new List<Neo4jRecord>();
        if (data.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in values.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != fields.Count)
                {
                    throw new Neo4jException($"Neo4j answered a row of {(row.ValueKind == JsonValueKind.Array ? row.GetArrayLength() : 0)} values for {fields.Count} fields");
                }

                records.Add(new Neo4jRecord(index, row.EnumerateArray().Select(v => v.Clone()).ToArray()));
            }
        }

        return new Neo4jResult(fields, records, bookmarks);
    }
}

/// <summary>One row of a result, read by field name into .NET types; plain JSON and typed JSON ({"$type", "_value"}) both read.</summary>
public sealed class Neo4jRecord
{
    private readonly IReadOnlyDictionary<string, int> _index;
    private readonly JsonElement[] _values;

    internal Neo4jRecord(IReadOnlyDictionary<string, int> index, JsonElement[] values)
    {
        _index = index;
        _values = values;
    }

    /// <summary>The raw value of a field, typed-JSON wrappers removed.</summary>
    public JsonElement this[string field] => Neo4jValue.Unwrap(_index.TryGetValue(field, out var i) ? _values[i] : throw new KeyNotFoundException($"the result has no field '{field}'"));

    /// <summary>True when the result has this field (whatever its value).</summary>
    public bool Has(string field) => _index.ContainsKey(field);

    public bool IsNull(string field) => this[field].ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    public string GetString(string field) => GetStringOrNull(field) ?? throw new InvalidDataException($"field '{field}' is null, expected a string");

    public string? GetStringOrNull(string field) => Neo4jValue.AsString(this[field]);

    public long GetInt64(string field) => GetInt64OrNull(field) ?? throw new InvalidDataException($"field '{field}' is null, expected an integer");

    public long? GetInt64OrNull(string field) => Neo4jValue.AsInt64(this[field]);

    public double GetDouble(string field) => Neo4jValue.AsDouble(this[field]) ?? throw new InvalidDataException($"field '{field}' is null, expected a number");

    public bool GetBoolean(string field) => Neo4jValue.AsBoolean(this[field]) ?? false;

    public IReadOnlyList<string> GetStringList(string field) => GetList(field).Select(v => Neo4jValue.AsString(v) ?? string.Empty).ToList();

    /// <summary>A list field; null reads as an empty list.</summary>
    public IReadOnlyList<JsonElement> GetList(string field) => Neo4jValue.AsList(this[field]);
}

/// <summary>Conversions of Query API values, plain or typed JSON, to .NET values.</summary>
public static class Neo4jValue
{
    /// <summary>Removes a typed-JSON wrapper ({"$type": "Integer", "_value": "42"}); other values come back as they are.</summary>
    public static JsonElement Unwrap(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("$type", out _) && value.TryGetProperty("_value", out var inner) ? inner : value;

    public static string? AsString(JsonElement value)
    {
        value = Unwrap(value);
        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => throw new InvalidDataException($"expected a string, got {value.ValueKind}"),
        };
    }

    public static long? AsInt64(JsonElement value)
    {
        value = Unwrap(value);
        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Number when value.TryGetInt64(out var l) => l,
            JsonValueKind.Number => (long)value.GetDouble(),
            JsonValueKind.String => long.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture),
            _ => throw new InvalidDataException($"expected an integer, got {value.ValueKind}"),
        };
    }

    public static double? AsDouble(JsonElement value)
    {
        value = Unwrap(value);
        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String => double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => throw new InvalidDataException($"expected a number, got {value.ValueKind}"),
        };
    }

    public static bool? AsBoolean(JsonElement value)
    {
        value = Unwrap(value);
        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InvalidDataException($"expected a boolean, got {value.ValueKind}"),
        };
    }

    public static IReadOnlyList<JsonElement> AsList(JsonElement value)
    {
        value = Unwrap(value);
        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => [],
            JsonValueKind.Array => value.EnumerateArray().ToList(),
            _ => throw new InvalidDataException($"expected a list, got {value.ValueKind}"),
        };
    }
}
