namespace KnowledgeGraph.Extraction.Text;

/// <summary>Edit distance checks for spotting typos of names ("OpenAL", "BytDance").</summary>
internal static class EditDistance
{
    /// <summary>True when one substitution, insertion, deletion or swap of neighbours turns one string into the other.</summary>
    public static bool AtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        if (a.Length == b.Length)
        {
            var first = -1;
            var differences = 0;
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    differences++;
                    first = first < 0 ? i : first;
                }
            }

            if (differences <= 1)
            {
                return true;
            }

            // A swap of two neighbours: "OpneAI".
            return differences == 2 && first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first];
        }

        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        var skipped = false;
        for (int i = 0, j = 0; i < shorter.Length; j++)
        {
            if (shorter[i] == longer[j])
            {
                i++;
                continue;
            }

            if (skipped)
            {
                return false;
            }

            skipped = true;
        }

        return true;
    }
}
