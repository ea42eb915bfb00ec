using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Ingestion.Generation;

/// <summary>
/// Writes a deterministic synthetic graph in the records format, shaped like the field: a few big labs and many
/// small organizations (Zipf-like sizes), careers of one to five jobs with moves, gaps and promotions, mixed date
/// precision, study, models built at the lab of the time, co-authored papers. Same options, same bytes.
/// </summary>
public sealed class GraphGenerator(GeneratorOptions options)
{
    private static readonly string[] FirstNames = ["Ada", "Ben", "Chen", "Dana", "Eli", "Fatima", "Goran", "Hana", "Ivan", "Jia", "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Viktor", "Wei", "Xenia", "Yusuf", "Zofia"];
    private static readonly string[] LastNames = ["Abara", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jansen", "Kowalski", "Li", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe", "Rossi", "Singh", "Tanaka", "Ueda", "Varga", "Wang", "Xu", "Yilmaz", "Zhang"];
    private static readonly string[] Titles = ["Research Scientist", "Research Engineer", "Member of Technical Staff", "Senior Research Scientist", "Research Lead", "Staff Engineer", "Principal Scientist", "Director of Research", "VP of Research"];
    private static readonly string[] Degrees = ["PhD in computer science", "master's degree in mathematics", "PhD in physics", "BSc in computer science", "master's degree in statistics"];

    private const int LastYear = 2025;

    private readonly Random _random = new(options.Seed);

    /// <summary>Writes the records; returns the number of lines per record kind.</summary>
    public async Task<(int Nodes, int Edges, int Sources)> WriteAsync(TextWriter writer, IProgress<int>? peopleDone, CancellationToken cancellationToken)
    {
        int nodes = 0, edges = 0, sources = 0;
        async Task Line(JsonObject record)
        {
            await writer.WriteLineAsync(record.ToJsonString(JsonOptions));
        }

        var orgCount = options.Organizations;
        var orgWeights = ZipfWeights(orgCount, 1.1);
        for (var o = 0; o < orgCount; o++)
        {
            var kind = o < 10 ? "LAB" : o % 7 == 0 ? "UNIVERSITY" : o % 3 == 0 ? "COMPANY" : "LAB";
            await Line(new JsonObject { ["record"] = "node", ["kind"] = "Organization", ["id"] = OrgId(o), ["name"] = OrgName(o, kind), ["orgKind"] = kind });
            nodes++;
        }

        var universities = Enumerable.Range(0, orgCount).Where(o => o >= 10 && o % 7 == 0).ToArray();
        await Line(new JsonObject { ["record"] = "source", ["id"] = "src:gen-catalogue", ["title"] = "Synthetic catalogue", ["url"] = "https://example.org/generated/catalogue" });
        sources++;

        // Models belong to labs in proportion to lab size.
        var modelsByOrg = new Dictionary<int, List<int>>();
        for (var m = 0; m < options.Models; m++)
        {
            var org = Pick(orgWeights);
            (modelsByOrg.TryGetValue(org, out var list) ? list : modelsByOrg[org] = []).Add(m);
            await Line(new JsonObject { ["record"] = "node", ["kind"] = "Model", ["id"] = $"model:gen-{m}", ["name"] = $"Model {m:D5}", ["aliases"] = new JsonArray($"M{m}") });
            await Line(Edge("DEVELOPED_BY", $"model:gen-{m}", OrgId(org), null, null, null, "src:gen-catalogue"));
            nodes++;
            edges++;
        }

        for (var p = 0; p < options.Papers; p++)
        {
            await Line(new JsonObject { ["record"] = "node", ["kind"] = "Paper", ["id"] = $"paper:gen-{p}", ["name"] = $"On Synthetic Result {p:D6}", ["year"] = 2012 + (p % 14), ["venue"] = p % 3 == 0 ? "NeurIPS" : p % 3 == 1 ? "ICML" : "arXiv" });
            nodes++;
        }

        for (var i = 0; i < options.People; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var person = $"person:gen-{i}";
            var source = $"src:gen-bio-{i}";
            await Line(new JsonObject { ["record"] = "source", ["id"] = source, ["title"] = $"Synthetic biography {i}", ["url"] = $"https://example.org/generated/bio/{i}" });
            await Line(new JsonObject { ["record"] = "node", ["kind"] = "Person", ["id"] = person, ["name"] = $"{FirstNames[i % FirstNames.Length]} {LastNames[(i / FirstNames.Length) % LastNames.Length]} {i}" });
            sources++;
            nodes++;

            var year = 2000 + _random.Next(0, 20);
            if (universities.Length > 0)
            {
                var uni = universities[_random.Next(universities.Length)];
                await Line(Edge("STUDIED_AT", person, OrgId(uni), null, Date(year), Degrees[_random.Next(Degrees.Length)], source));
                edges++;
            }

            var jobs = 1 + _random.Next(0, 5);
            for (var j = 0; j < jobs && year <= LastYear; j++)
            {
                var org = Pick(orgWeights);
                var start = Date(year);
                var length = 1 + _random.Next(0, 6);
                var endYear = Math.Min(LastYear, year + length);
                var last = (j == jobs - 1 && _random.NextDouble() < 0.7) || endYear <= year;
                var end = last ? null : Date(endYear);
                var title = Titles[_random.Next(Titles.Length)];
                await Line(Edge("WORKED_AT", person, OrgId(org), start, end, title, source));
                await Line(Edge("JOINED", person, OrgId(org), start, null, null, source));
                edges += 2;
                if (end is not null)
                {
                    await Line(Edge("LEFT", person, OrgId(org), end, null, null, source));
                    edges++;
                }
                else if (length > 2 && year + 2 <= LastYear)
                {
                    // A promotion: a new title at the same place, the earlier one not ended.
                    await Line(Edge("WORKED_AT", person, OrgId(org), Date(year + 2), null, Titles[Math.Min(Titles.Length - 1, Array.IndexOf(Titles, title) + 2)], source));
                    edges++;
                }

                if (modelsByOrg.TryGetValue(org, out var models))
                {
                    var built = Math.Min(models.Count, _random.Next(0, 3));
                    for (var b = 0; b < built; b++)
                    {
                        var model = models[_random.Next(models.Count)];
                        await Line(Edge(_random.NextDouble() < 0.1 ? "LED" : "WORKED_ON", person, $"model:gen-{model}", null, null, null, source));
                        edges++;
                    }
                }

                year = endYear + _random.Next(0, 2);
            }

            var papers = _random.Next(0, 4);
            for (var k = 0; k < papers; k++)
            {
                await Line(Edge("AUTHORED", person, $"paper:gen-{_random.Next(options.Papers)}", null, null, null, source));
                edges++;
            }

            if (i % 1000 == 999)
            {
                peopleDone?.Report(i + 1);
            }
        }

        peopleDone?.Report(options.People);
        return (nodes, edges, sources);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private static string OrgId(int o) => $"org:gen-{o}";

    private static string OrgName(int o, string kind) => kind switch
    {
        "UNIVERSITY" => $"University {o:D4}",
        "COMPANY" => $"Company {o:D4}",
        _ => o < 10 ? $"Frontier Lab {o}" : $"Lab {o:D4}",
    };

    private string Date(int year) => _random.Next(0, 3) switch
    {
        0 => year.ToString(CultureInfo.InvariantCulture),
        1 => $"{year}-{_random.Next(1, 13):D2}",
        _ => $"{year}-{_random.Next(1, 13):D2}-{_random.Next(1, 29):D2}",
    };

    private static JsonObject Edge(string relation, string from, string to, string? start, string? end, string? role, string source)
    {
        var edge = new JsonObject { ["record"] = "edge", ["relation"] = relation, ["from"] = from, ["to"] = to };
        if (start is not null)
        {
            edge["start"] = start;
        }

        if (end is not null)
        {
            edge["end"] = end;
        }

        if (role is not null)
        {
            edge["role"] = role;
        }

        edge["sources"] = new JsonArray(new JsonObject { ["source"] = source, ["note"] = "generated" });
        return edge;
    }

    private static double[] ZipfWeights(int count, double exponent)
    {
        var weights = new double[count];
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            total += 1.0 / Math.Pow(i + 1, exponent);
            weights[i] = total;
        }

        for (var i = 0; i < count; i++)
        {
            weights[i] /= total;
        }

        return weights;
    }

    private int Pick(double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, _random.NextDouble());
        return Math.Min(cumulative.Length - 1, index < 0 ? ~index : index);
    }
}
