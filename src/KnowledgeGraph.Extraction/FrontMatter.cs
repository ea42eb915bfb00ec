using KnowledgeGraph.Core.Dates;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KnowledgeGraph.Extraction;

/// <summary>Reads the optional YAML front matter (<c>title</c>, <c>url</c>, <c>date</c>) that starts a document.</summary>
public static class FrontMatter
{
    /// <summary>
    /// Splits <paramref name="input"/> into front matter and prose. Throws <see cref="FrontMatterException"/> naming
    /// <paramref name="sourceName"/>, the line and the field when the front matter is malformed.
    /// </summary>
    public static Document Read(string input, string sourceName = "document")
    {
        ArgumentNullException.ThrowIfNull(input);
        var start = input.StartsWith('\uFEFF') ? 1 : 0;
        if (!IsFenceAt(input, start, out var firstLineEnd))
        {
            return new Document(input) { BodyStart = start };
        }

        var yamlStart = firstLineEnd;
        var cursor = yamlStart;
        while (cursor < input.Length)
        {
            if (IsFenceAt(input, cursor, out var fenceEnd))
            {
                var yaml = input[yamlStart..cursor];
                return Parse(yaml, sourceName) with { Text = input, BodyStart = fenceEnd };
            }

            var next = input.IndexOf('\n', cursor);
            cursor = next < 0 ? input.Length : next + 1;
        }

        throw new FrontMatterException(
            $"{sourceName} line 1: front matter opened with '---' is never closed; add a line '---' after the last field");
    }

    private static bool IsFenceAt(string text, int index, out int lineEnd)
    {
        lineEnd = index;
        if (string.CompareOrdinal(text, index, "---", 0, 3) != 0)
        {
            return false;
        }

        var i = index + 3;
        while (i < text.Length && text[i] is ' ' or '\t' or '\r')
        {
            i++;
        }

        if (i < text.Length && text[i] != '\n')
        {
            return false;
        }

        lineEnd = Math.Min(i + 1, text.Length);
        return true;
    }

    private static Document Parse(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            // Front matter starts on line 2 of the file (after the opening fence).
            throw new FrontMatterException(
                $"{sourceName} line {ex.Start.Line + 1}: front matter is not valid YAML: {ex.Message}", ex);
        }

        var document = new Document(string.Empty);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return document;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            throw new FrontMatterException($"{sourceName} line 2: front matter must be 'key: value' lines (title, url, date)");
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var line = valueNode.Start.Line + 1;
            string? Scalar()
            {
                return valueNode is YamlScalarNode scalar
                    ? scalar.Value
                    : throw new FrontMatterException($"{sourceName} line {line}: field '{key}' must be a single value");
            }

            switch (key.ToLowerInvariant())
            {
                case "title":
                    document = document with { Title = Scalar() };
                    break;
                case "url":
                    document = document with { Url = Scalar() };
                    break;
                case "date":
                    var raw = Scalar();
                    if (string.IsNullOrWhiteSpace(raw))
                    {
                        break;
                    }

                    // YAML timestamps may carry a time ("2026-01-07T09:00:00Z"); the day is what anchors relative dates.
                    var dayPart = raw.Length > 10 && raw[10] is 'T' or ' ' ? raw[..10] : raw;
                    if (!PartialDate.TryParse(dayPart, out var date))
                    {
                        throw new FrontMatterException(
                            $"{sourceName} line {line}: field 'date' must be a date like 2019, 2019-07 or 2019-07-15, got '{raw}'");
                    }

                    document = document with { Date = date };
                    break;
                default:
                    // Other fields (author, tags...) are allowed and ignored.
                    break;
            }
        }

        return document;
    }
}

/// <summary>The front matter of a document cannot be read; the message says where and what to fix.</summary>
public sealed class FrontMatterException : FormatException
{
    public FrontMatterException()
    {
    }

    public FrontMatterException(string message)
        : base(message)
    {
    }

    public FrontMatterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
