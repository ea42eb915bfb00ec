namespace KnowledgeGraph.Core.Claims;

/// <summary>Where a claim stands in its document: character offsets [Start, End) and the quoted text.</summary>
public sealed record Evidence(int Start, int End, string Quote);
