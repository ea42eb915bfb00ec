using System.CommandLine;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.Entities;
using KnowledgeGraph.Extraction.Evaluation;
using KnowledgeGraph.Extraction.Wire;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>`kg extract` (claims of one document, one JSON object per line) and `kg eval-extract` (scores on a gold corpus).</summary>
public static class ExtractCommands
{
    public static Command Extract()
    {
        var file = new Argument<FileInfo>("file") { Description = "A text or Markdown file, optionally starting with YAML front matter (title, url, date)." };
        var withGraph = new Option<bool>("--with-graph")
        {
            Description = "Also recognize the entities already in the store (read only; the store must exist).",
        };
        var command = new Command("extract", "Print the claims a document makes, one JSON object per line. Writes nothing.") { file, withGraph };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"kg extract: no file at '{path.FullName}'");
                return 2;
            }

            Document document;
            try
            {
                document = FrontMatter.Read(await File.ReadAllTextAsync(path.FullName, ct), path.Name);
            }
            catch (FrontMatterException ex)
            {
                await Console.Error.WriteLineAsync($"kg extract: {ex.Message}");
                return 1;
            }

            var gazetteer = Gazetteer.BuiltIn;
            if (parse.GetValue(withGraph))
            {
                var databasePath = KgConfiguration.DatabasePath(KgConfiguration.Load());
                if (!File.Exists(databasePath))
                {
                    await Console.Error.WriteLineAsync($"kg extract --with-graph: no store at '{databasePath}' (set Data:Path, or import something first)");
                    return 2;
                }

                var store = await StoreCommands.OpenStoreAsync(ct);
                gazetteer = gazetteer.WithNodes(await StoreEntities.NamedInAsync(store, document.Text, ct));
            }

            var claims = await new BuiltInExtractor(gazetteer).ExtractAsync(document, ct);
            var stdout = Console.Out;
            foreach (var claim in claims)
            {
                await stdout.WriteLineAsync(ClaimJson.Write(claim));
            }

            return 0;
        });
        return command;
    }

    public static Command EvalExtract()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "A folder of documents (NN-name.md) each with its gold claims (NN-name.gold.jsonl)." };
        var verbose = new Option<bool>("--differences") { Description = "Also list every missing and spurious claim." };
        var command = new Command("eval-extract", "Score the built-in extractor on a gold corpus: precision, recall and F1 per relation and overall.") { directory, verbose };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(directory)!;
            EvaluationReport report;
            try
            {
                report = await ExtractionEvaluation.RunAsync(dir.FullName, new BuiltInExtractor(), ct);
            }
            catch (Exception ex) when (ex is IOException or FormatException)
            {
                await Console.Error.WriteLineAsync($"kg eval-extract: {ex.Message}");
                return 1;
            }

            await Console.Out.WriteAsync(report.ToTable());
            if (parse.GetValue(verbose))
            {
                foreach (var difference in report.Differences)
                {
                    await Console.Out.WriteLineAsync(difference.ToString());
                }
            }

            return 0;
        });
        return command;
    }
}
