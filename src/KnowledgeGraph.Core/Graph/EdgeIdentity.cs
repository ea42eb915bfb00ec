using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Core.Graph;

/// <summary>
/// When a new statement is the same fact as an edge already held: same ends and relation, roles equal or one
/// missing, and start dates in the same year (or one missing). "Researcher 2019" and "VP 2025" at the same
/// lab are two edges; a second tenure that starts years later is a new edge; "2026-01-05" and "2026-01-06"
/// are one fact whose sources disagree.
/// </summary>
public static class EdgeIdentity
{
    public static bool IsSameFact(GraphEdge existing, Relation relation, string from, string to, string? role, PartialDate? start) =>
        existing.Relation == relation
        && string.Equals(existing.From, from, StringComparison.Ordinal)
        && string.Equals(existing.To, to, StringComparison.Ordinal)
        && (existing.Role is null || role is null || string.Equals(existing.Role.Trim(), role.Trim(), StringComparison.OrdinalIgnoreCase))
        && (existing.Start is null || start is null || existing.Start.Value.Year == start.Value.Year);

    /// <summary>A stable id for a new edge, from its defining parts (the same input gives the same id everywhere).</summary>
    public static string NewId(Relation relation, string from, string to, string? role, PartialDate? start, int attempt = 0)
    {
        var key = string.Join('|', relation.ToWire(), from, to, role?.Trim().ToUpperInvariant() ?? string.Empty, start?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "edge:" + Convert.ToHexStringLower(hash.AsSpan(0, 10));
    }
}
