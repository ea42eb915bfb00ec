using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using KnowledgeGraph.Core.Claims;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Ingestion.Records;
using KnowledgeGraph.Ingestion.Resolution;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Ingestion.Imports;

/// <summary>
/// Reads an affiliations CSV (header: person, organization, title, start, end, source; title, start and end may
/// be empty) into one batch of WORKED_AT edges. People and organizations are named, not given by id, and resolve
/// like names in documents; each distinct source value becomes a Source ("src:csv-" + its hash: a url, or a label
/// used as the title), and each edge quotes the CSV row that states it. Every problem is collected with its line
/// and column, and a file with any problem is refused whole.
/// </summary>
public static class AffiliationsReader
{
    /// <summary>The columns, in the documented order.</summary>
    public static readonly IReadOnlyList<string> Columns = ["person", "organization", "title", "start", "end", "source"];

    private static readonly string[] Required = ["person", "organization", "source"];

    public static async Task<RecordsFile> ReadAsync(string path, string name, EntityResolver resolver, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = new List<RecordProblem>();
        var rows = await ParseAsync(path, name, problems, cancellationToken);
        if (problems.Count > 0)
        {
            throw new RecordsRejectedException(problems);
        }

        var file = new RecordsFile(name);
        var resolution = new BatchResolution(resolver);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var person = await ResolveAsync(resolution, new Mention(row.Person, NodeKind.Person), row.Line, file, cancellationToken);
            var organization = await ResolveAsync(resolution, new Mention(row.Organization, NodeKind.Organization), row.Line, file, cancellationToken);
            var source = SourceFor(row.Source, clock);
            if (sources.Add(source.Id))
            {
                file.Batch.Sources.Add(source);
                file.SourceLines.Add(row.Line);
            }

            file.Batch.Edges.Add(new EdgeInput(Relation.WorkedAt, person, organization, [new SourceRef(source.Id) { Quote = row.Quote }])
            {
                Start = row.Start,
                End = row.End,
                Role = row.Title,
            });
            file.EdgeLines.Add(row.Line);
        }

        return file;
    }

    /// <summary>Checks every row without resolving names or writing; throws <see cref="RecordsRejectedException"/> with every problem.</summary>
    public static async Task CheckAsync(string path, string name, CancellationToken cancellationToken)
    {
        var problems = new List<RecordProblem>();
        await ParseAsync(path, name, problems, cancellationToken);
        if (problems.Count > 0)
        {
            throw new RecordsRejectedException(problems);
        }
    }

    /// <summary>The Source a CSV source value stands for; the same value always gives the same id.</summary>
    public static Source SourceFor(string value, TimeProvider clock)
    {
        var id = "src:csv-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 10));
        return IsWebAddress(value)
            ? new Source(id, null, value, null, clock.GetUtcNow())
            : new Source(id, value, null, null, clock.GetUtcNow());
    }

    private static bool IsWebAddress(string value) => value.Contains("://", StringComparison.Ordinal);

    private static async Task<string> ResolveAsync(BatchResolution resolution, Mention mention, int line, RecordsFile file, CancellationToken cancellationToken)
    {
        var (id, created) = await resolution.ResolveAsync(mention, cancellationToken);
        if (created is not null)
        {
            file.Batch.Nodes.Add(created);
            file.NodeLines.Add(line);
        }

        return id;
    }

    private static async Task<List<Row>> ParseAsync(string path, string name, List<RecordProblem> problems, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            // Bad quoting and a wrong field count are reported, not guessed around: the file is then refused.
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record => problems.Add(new RecordProblem(name, (int)record.LineNumber, "(line)", Describe(record.Reason))),
        };
        await using var csv = CsvReader.Create(File.OpenRead(path), options, leaveOpen: false);
        await csv.ReadHeaderAsync(cancellationToken);
        if (csv.Headers.Count == 0 || csv.Headers.All(string.IsNullOrWhiteSpace))
        {
            problems.Add(new RecordProblem(name, 1, "(file)", $"the file is empty; its first line must be the header {string.Join(",", Columns)}"));
            return rows;
        }

        var header = ReadHeader(csv.Headers, name, problems);
        if (header is null)
        {
            return rows;
        }

        while (await csv.ReadAsync(cancellationToken))
        {
            if (ReadRow(csv, header, name, (int)csv.LineNumber, problems) is { } row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.FieldCountMismatch => "has a different number of fields than the header",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is not closed",
        CsvMalformedReason.StrayQuote => "a quote inside a field that is not quoted (quote the field and double the quote)",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        _ => $"badly quoted ({reason})",
    };

    /// <summary>Column positions by name; null (with problems) when a column is missing, unknown or repeated.</summary>
    private static Dictionary<string, int>? ReadHeader(IReadOnlyList<string> names, string file, List<RecordProblem> problems)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var before = problems.Count;
        for (var i = 0; i < names.Count; i++)
        {
            var column = names[i].Trim().ToLowerInvariant();
            if (!Columns.Contains(column))
            {
                problems.Add(new RecordProblem(file, 1, names[i], $"unknown column (known: {string.Join(", ", Columns)})"));
            }
            else if (!positions.TryAdd(column, i))
            {
                problems.Add(new RecordProblem(file, 1, names[i], "the column appears twice"));
            }
        }

        foreach (var column in Required.Where(c => !positions.ContainsKey(c)))
        {
            problems.Add(new RecordProblem(file, 1, column, "required column missing from the header"));
        }

        return problems.Count == before ? positions : null;
    }

    private static Row? ReadRow(CsvReader csv, Dictionary<string, int> header, string file, int line, List<RecordProblem> problems)
    {
        var before = problems.Count;
        string? Field(string column, bool required = false)
        {
            var value = header.TryGetValue(column, out var index) && index < csv.FieldCount ? csv.GetString(index)?.Trim() : null;
            if (value is not null && value.Contains('\uFFFD', StringComparison.Ordinal))
            {
                problems.Add(new RecordProblem(file, line, column, "not valid UTF-8 text"));
                return null;
            }

            if (string.IsNullOrEmpty(value))
            {
                if (required)
                {
                    problems.Add(new RecordProblem(file, line, column, "required"));
                }

                return null;
            }

            return value;
        }

        PartialDate? Date(string column)
        {
            if (Field(column) is not { } text)
            {
                return null;
            }

            if (PartialDate.TryParse(text, out var date, out var error))
            {
                return date;
            }

            problems.Add(new RecordProblem(file, line, column, error));
            return null;
        }

        var person = Field("person", required: true);
        var organization = Field("organization", required: true);
        var source = Field("source", required: true);
        var start = Date("start");
        var end = Date("end");
        if (start is { } s && end is { } e && e.IsBefore(s))
        {
            problems.Add(new RecordProblem(file, line, "end", $"'{e}' is before the start '{s}'"));
        }

        if (source is not null && IsWebAddress(source) && !(Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            problems.Add(new RecordProblem(file, line, "source", $"a web address must be http(s), got '{source}'"));
        }

        return problems.Count > before
            ? null
            : new Row(line, person!, organization!, Field("title"), start, end, source!, csv.Current.ToString());
    }

    /// <summary>One clean row and the line it starts on.</summary>
    private sealed record Row(int Line, string Person, string Organization, string? Title, PartialDate? Start, PartialDate? End, string Source, string Quote);
}
