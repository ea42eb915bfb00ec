using System.Text.Json;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Ingestion.Records;

/// <summary>
/// Reads the JSONL records format (graph-schema/records.md): one source, node or edge per line. Every problem in
/// the file is collected with its line and field, so one run tells the user everything to fix.
/// </summary>
public static class RecordsReader
{
    private static readonly HashSet<string> SourceFields = ["record", "id", "title", "url", "publishedOn", "contentHash"];
    private static readonly HashSet<string> NodeFields = ["record", "kind", "id", "name", "aliases", "orgKind", "parent", "year", "venue"];
    private static readonly HashSet<string> EdgeFields = ["record", "relation", "from", "to", "start", "end", "role", "confidence", "sources"];
    private static readonly HashSet<string> SourceRefFields = ["source", "quote", "note", "quoteStart", "quoteEnd"];

    public static async Task<RecordsFile> ReadAsync(string path, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(path);
        return await ReadAsync(stream, path, clock, cancellationToken);
    }

    /// <summary>Lines parsed together, and how many such blocks may be parsed at once ahead of the one merged next.</summary>
    private const int BlockLines = 4_096;
    private const int BlocksAhead = 4;

    /// <summary>
    /// Reads the stream line by line and parses blocks of lines on the thread pool (a few blocks ahead at most, so
    /// memory stays bounded), merging them in file order: the same file, lines and problems as parsing one line after
    /// another.
    /// </summary>
    public static async Task<RecordsFile> ReadAsync(Stream stream, string name, TimeProvider clock, CancellationToken cancellationToken)
    {
        var file = new RecordsFile(name);
        var problems = new List<RecordProblem>();
        var parsing = new Queue<Task<(RecordsFile File, List<RecordProblem> Problems)>>();
        using var reader = new StreamReader(stream);
        var block = new List<string>(BlockLines);
        var firstLine = 1;
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken);
            if (line is not null)
            {
                block.Add(line);
            }

            if (block.Count == BlockLines || (line is null && block.Count > 0))
            {
                var lines = block;
                var first = firstLine;
                parsing.Enqueue(Task.Run(() => ParseBlock(lines, first, name, clock), cancellationToken));
                firstLine += lines.Count;
                block = new List<string>(BlockLines);
            }

            while (parsing.Count > 0 && (parsing.Count > BlocksAhead || line is null))
            {
                Merge(await parsing.Dequeue(), file, problems);
            }

            if (line is null)
            {
                break;
            }
        }

        return problems.Count > 0 ? throw new RecordsRejectedException(problems) : file;
    }

    private static void Merge((RecordsFile File, List<RecordProblem> Problems) part, RecordsFile file, List<RecordProblem> problems)
    {
        file.Batch.Sources.AddRange(part.File.Batch.Sources);
        file.Batch.Nodes.AddRange(part.File.Batch.Nodes);
        file.Batch.Edges.AddRange(part.File.Batch.Edges);
        file.SourceLines.AddRange(part.File.SourceLines);
        file.NodeLines.AddRange(part.File.NodeLines);
        file.EdgeLines.AddRange(part.File.EdgeLines);
        problems.AddRange(part.Problems);
    }

    /// <summary>Parses consecutive lines, the first of them numbered <paramref name="firstLine"/>.</summary>
    private static (RecordsFile File, List<RecordProblem> Problems) ParseBlock(List<string> lines, int firstLine, string name, TimeProvider clock)
    {
        var file = new RecordsFile(name);
        var problems = new List<RecordProblem>();
        for (var i = 0; i < lines.Count; i++)
        {
            ParseLine(lines[i], firstLine + i, name, clock, file, problems);
        }

        return (file, problems);
    }

    private static void ParseLine(string line, int lineNumber, string name, TimeProvider clock, RecordsFile file, List<RecordProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        var context = new LineContext(name, lineNumber, problems);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            context.Problem("(line)", $"not valid JSON: {ex.Message.Split(" Path:")[0]}");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                context.Problem("(line)", "must be a JSON object");
                return;
            }

            switch (context.String(root, "record", required: true))
            {
                case "source":
                    ReadSource(root, context, file, clock);
                    break;
                case "node":
                    ReadNode(root, context, file);
                    break;
                case "edge":
                    ReadEdge(root, context, file);
                    break;
                case null:
                    break;
                case var other:
                    context.Problem("record", $"must be 'source', 'node' or 'edge', got '{other}'");
                    break;
            }
        }
    }

    private static void ReadSource(JsonElement root, LineContext context, RecordsFile file, TimeProvider clock)
    {
        context.UnknownFields(root, SourceFields);
        var id = context.String(root, "id", required: true);
        var source = new Source(id ?? string.Empty, context.String(root, "title"), context.String(root, "url"), context.Date(root, "publishedOn"), clock.GetUtcNow())
        {
            ContentHash = context.String(root, "contentHash"),
        };
        if (context.Clean)
        {
            file.Batch.Sources.Add(source);
            file.SourceLines.Add(context.Line);
        }
    }

    private static void ReadNode(JsonElement root, LineContext context, RecordsFile file)
    {
        context.UnknownFields(root, NodeFields);
        var kindText = context.String(root, "kind", required: true);
        NodeKind kind = default;
        if (kindText is not null && !Enum.TryParse(kindText, ignoreCase: false, out kind))
        {
            context.Problem("kind", $"must be Person, Organization, Model or Paper, got '{kindText}'");
        }

        OrganizationKind? orgKind = null;
        if (context.String(root, "orgKind") is { } orgText)
        {
            if (Enum.TryParse<OrganizationKind>(orgText, ignoreCase: true, out var parsed) && !int.TryParse(orgText, out _))
            {
                orgKind = parsed;
            }
            else
            {
                context.Problem("orgKind", $"must be LAB, COMPANY, UNIVERSITY, TEAM or OTHER, got '{orgText}'");
            }
        }

        var node = new GraphNode(context.String(root, "id", required: true) ?? string.Empty, kind, context.String(root, "name", required: true) ?? string.Empty, context.Strings(root, "aliases"))
        {
            OrganizationKind = orgKind,
            ParentId = context.String(root, "parent"),
            Year = context.Int(root, "year"),
            Venue = context.String(root, "venue"),
        };
        if (context.Clean)
        {
            file.Batch.Nodes.Add(node);
            file.NodeLines.Add(context.Line);
        }
    }

    private static void ReadEdge(JsonElement root, LineContext context, RecordsFile file)
    {
        context.UnknownFields(root, EdgeFields);
        var relationText = context.String(root, "relation", required: true);
        Relation relation = default;
        if (relationText is not null && !Relations.TryParse(relationText, out relation))
        {
            context.Problem("relation", $"must be one of {string.Join(", ", Relations.All.Select(r => r.ToWire()))}, got '{relationText}'");
        }

        var sources = new List<SourceRef>();
        if (root.TryGetProperty("sources", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var field = $"sources[{index++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    context.Problem(field, "must be an object like {\"source\": \"src:...\", \"quote\": \"...\"}");
                    continue;
                }

                context.UnknownFields(item, SourceRefFields, field + ".");
                sources.Add(new SourceRef(context.String(item, "source", required: true, prefix: field + ".") ?? string.Empty)
                {
                    Quote = context.String(item, "quote", prefix: field + "."),
                    Note = context.String(item, "note", prefix: field + "."),
                    QuoteStart = context.Int(item, "quoteStart", prefix: field + "."),
                    QuoteEnd = context.Int(item, "quoteEnd", prefix: field + "."),
                });
            }
        }
        else
        {
            context.Problem("sources", "required: a list with at least one {\"source\": \"src:...\"}");
        }

        var confidence = context.Double(root, "confidence") ?? 0.9;
        var edge = new EdgeInput(relation, context.String(root, "from", required: true) ?? string.Empty, context.String(root, "to", required: true) ?? string.Empty, sources)
        {
            Start = context.Date(root, "start"),
            End = context.Date(root, "end"),
            Role = context.String(root, "role"),
            Confidence = confidence,
        };
        if (context.Clean)
        {
            file.Batch.Edges.Add(edge with { Sources = sources.Select(s => s with { Confidence = confidence }).ToList() });
            file.EdgeLines.Add(context.Line);
        }
    }

    /// <summary>Field access for one line that records problems instead of throwing.</summary>
    internal sealed class LineContext(string file, int line, List<RecordProblem> problems)
    {
        private readonly int _problemsBefore = problems.Count;

        public string File => file;

        public int Line => line;

        public bool Clean => problems.Count == _problemsBefore;

        public void Problem(string field, string message) => problems.Add(new RecordProblem(file, line, field, message));

        public void UnknownFields(JsonElement element, HashSet<string> known, string prefix = "")
        {
            foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name)))
            {
                Problem(prefix + property.Name, $"unknown field (known: {string.Join(", ", known)})");
            }
        }

        public string? String(JsonElement element, string name, bool required = false, string prefix = "")
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Problem(prefix + name, "required");
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Problem(prefix + name, $"must be a string, got {value.ValueKind.ToString().ToLowerInvariant()}");
                return null;
            }

            var text = value.GetString()!;
            if (required && string.IsNullOrWhiteSpace(text))
            {
                Problem(prefix + name, "must not be empty");
                return null;
            }

            return text;
        }

        public List<string> Strings(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            {
                Problem(name, "must be a list of strings");
                return [];
            }

            return value.EnumerateArray().Select(v => v.GetString()!).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        }

        public PartialDate? Date(JsonElement element, string name)
        {
            var text = String(element, name);
            if (text is null)
            {
                return null;
            }

            if (PartialDate.TryParse(text, out var date, out var error))
            {
                return date;
            }

            Problem(name, error);
            return null;
        }

        public int? Int(JsonElement element, string name, string prefix = "")
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            {
                return number;
            }

            Problem(prefix + name, $"must be a whole number, got {value.GetRawText()}");
            return null;
        }

        public double? Double(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number)
            {
                return value.GetDouble();
            }

            Problem(name, $"must be a number, got {value.GetRawText()}");
            return null;
        }
    }
}
