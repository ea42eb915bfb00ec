using System.Security.Cryptography;
using System.Text;
using GraphQL.PersistedDocuments;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Security.TrustedDocuments;

/// <summary>
/// The trusted documents, read once at start from a folder of .graphql files. Each file is one document, known by two
/// ids: its file name without the extension ("builders-by-model") and "sha256:" followed by the lower-case hex SHA-256
/// of its UTF-8 text, as the GraphQL over HTTP persisted-documents draft defines. A file that does not parse stops
/// the start, naming the file and the line.
/// </summary>
public sealed class TrustedDocumentSet : IPersistedDocumentLoader
{
    private const string Sha256Prefix = "sha256";

    private readonly Dictionary<string, string> byName;
    private readonly Dictionary<string, string> byHash;

    public TrustedDocumentSet(IOptions<TrustedDocumentOptions> options)
        : this(Load(options.Value))
    {
    }

    private TrustedDocumentSet(IReadOnlyList<TrustedDocument> documents)
    {
        Documents = documents;
        byName = documents.ToDictionary(d => d.Name, d => d.Text, StringComparer.Ordinal);
        byHash = documents.ToDictionary(d => d.Sha256, d => d.Text, StringComparer.Ordinal);
    }

    public IReadOnlyList<TrustedDocument> Documents { get; }

    public ValueTask<string?> GetQueryAsync(string? documentIdPrefix, string documentIdPayload, CancellationToken cancellationToken) =>
        new(documentIdPrefix switch
        {
            null => byName.GetValueOrDefault(documentIdPayload),
            Sha256Prefix => byHash.GetValueOrDefault(documentIdPayload),
            _ => null,
        });

    /// <summary>The documents of the configured folder; none when the default folder is absent, an error when a configured one is.</summary>
    public static IReadOnlyList<TrustedDocument> Load(TrustedDocumentOptions options)
    {
        var folder = options.ResolvedPath;
        if (!Directory.Exists(folder))
        {
            return options.Path is null
                ? []
                : throw new InvalidOperationException($"TrustedDocuments:Path '{folder}' is not a folder; point it at a folder of .graphql files.");
        }

        var documents = new List<TrustedDocument>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.graphql").Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(file);
            if (name.Length == 0 || name.Contains(':', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{file}: a trusted document's file name is its id and must not be empty or hold ':'.");
            }

            var text = File.ReadAllText(file, Encoding.UTF8);
            try
            {
                GraphQLParser.Parser.Parse(text);
            }
            catch (GraphQLParserException ex)
            {
                throw new InvalidOperationException($"{file} line {ex.Location.Line}: the trusted document does not parse: {ex.Description}", ex);
            }

            documents.Add(new TrustedDocument(name, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), text));
        }

        return documents;
    }
}

/// <summary>One trusted document: its name (the file name), the SHA-256 of its text in lower-case hex, and the text.</summary>
public sealed record TrustedDocument(string Name, string Sha256, string Text);
