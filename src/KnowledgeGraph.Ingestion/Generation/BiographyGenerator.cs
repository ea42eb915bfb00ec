using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Ingestion.Generation;

/// <summary>
/// Writes deterministic synthetic biographies (Markdown with front matter) in the sentence styles the built-in
/// extractor reads, for the document import benchmark. The same count and seed give the same files.
/// </summary>
public sealed class BiographyGenerator(int count, int seed)
{
    private static readonly string[] Given = ["Alia", "Bruno", "Celia", "Dorian", "Elska", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kaia", "Lukas", "Mira", "Nils", "Oona", "Pavel", "Quinn", "Rosa", "Soren", "Talia", "Umar", "Vera", "Wendel", "Xenia", "Yusuf", "Zora", "Anselm", "Britt", "Casimir", "Delphine"];
    private static readonly string[] Family = ["Ardent", "Bellweather", "Corvallis", "Dunmore", "Everhart", "Fairbanks", "Galloway", "Hollister", "Ingram", "Jessup", "Kettering", "Lindqvist", "Marchetti", "Northcote", "Oakhurst", "Pemberton", "Quillfeather", "Redfield", "Stanhope", "Thornbury", "Underhill", "Valdivia", "Whitlock", "Yardley", "Zabriskie", "Ashcombe", "Brightwater", "Cromwell", "Drummond", "Elsworth"];
    private static readonly string[] Middle = ["Abbott", "Baird", "Carver", "Dalton", "Ellery", "Forde", "Garrick", "Hale", "Irwin", "Judd", "Keane", "Lowell", "Mercer", "Nash", "Orr"];
    private static readonly string[] Labs = ["OpenAI", "Google DeepMind", "Anthropic", "Meta AI", "Microsoft Research", "Mistral AI", "xAI", "Cohere"];
    private static readonly string[] Universities = ["Stanford University", "Massachusetts Institute of Technology", "University of Toronto", "University of Oxford", "Carnegie Mellon University", "University of Cambridge", "University of Warsaw", "ETH Zurich"];
    private static readonly string[] Titles = ["a research scientist", "a research engineer", "a member of technical staff", "a team lead"];
    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    /// <summary>Writes the biographies into <paramref name="folder"/> and returns how many files were written.</summary>
    public async Task<int> WriteAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = Biography(i, random);
            await File.WriteAllTextAsync(Path.Combine(folder, $"bio-{i:D7}.md"), text, new UTF8Encoding(false), cancellationToken);
        }

        return count;
    }

    /// <summary>The person named by index: given × middle × family names, unique up to 13,500 people per family cycle.</summary>
    public static string NameOf(int index)
    {
        var given = Given[index % Given.Length];
        var family = Family[index / Given.Length % Family.Length];
        var middle = Middle[index / (Given.Length * Family.Length) % Middle.Length];
        var second = index / (Given.Length * Family.Length * Middle.Length);
        return second == 0 ? $"{given} {middle} {family}" : $"{given} {middle} {family}-{Family[second % Family.Length]}";
    }

    private static string Biography(int index, Random random)
    {
        var name = NameOf(index);
        var last = name[(name.LastIndexOf(' ') + 1)..];
        var university = Universities[random.Next(Universities.Length)];
        var first = Labs[random.Next(Labs.Length)];
        var second = Labs[(Array.IndexOf(Labs, first) + 1 + random.Next(Labs.Length - 1)) % Labs.Length];
        var degreeYear = 2005 + random.Next(12);
        var joined = degreeYear + 1 + random.Next(3);
        var left = joined + 1 + random.Next(5);
        var month = Months[random.Next(12)];
        var title = Titles[random.Next(Titles.Length)];
        var text = new StringBuilder();
        text.Append("---\n")
            .Append(CultureInfo.InvariantCulture, $"title: {name}, a synthetic career profile\n")
            .Append(CultureInfo.InvariantCulture, $"url: https://example.org/bios/{index:D7}\n")
            .Append(CultureInfo.InvariantCulture, $"date: {left + 1}-0{1 + random.Next(9)}-1{random.Next(10)}\n")
            .Append("---\n");
        // Three styles, picked by the random stream, so the benchmark exercises more than one pattern.
        switch (random.Next(3))
        {
            case 0:
                text.Append(CultureInfo.InvariantCulture, $"{name} studied at {university}, earning a PhD in {degreeYear}.\n\n")
                    .Append(CultureInfo.InvariantCulture, $"{name} joined {first} in {month} {joined} as {title}. ")
                    .Append(CultureInfo.InvariantCulture, $"In {left}, {last} left {first} and joined {second}.\n");
                break;
            case 1:
                text.Append(CultureInfo.InvariantCulture, $"- Education: {name} holds a doctorate from {university}.\n")
                    .Append(CultureInfo.InvariantCulture, $"- {joined}: {name} joined {first} as {title}.\n")
                    .Append(CultureInfo.InvariantCulture, $"- {month} {left}: {name} left {first}.\n");
                break;
            default:
                text.Append(CultureInfo.InvariantCulture, $"{name} worked at {first} from {joined} to {left}. ")
                    .Append(CultureInfo.InvariantCulture, $"Before that, {name} graduated from {university} in {degreeYear}. ")
                    .Append(CultureInfo.InvariantCulture, $"{last} joined {second} in {month} {left}.\n");
                break;
        }

        return text.ToString();
    }
}
