using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Storage;

/// <summary>The form names are compared in: Unicode-normalized, case-folded, inner whitespace collapsed.</summary>
public static class NameNormalizer
{
    public static string Normalize(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue; // zero-width and direction marks must not split or hide a name
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
