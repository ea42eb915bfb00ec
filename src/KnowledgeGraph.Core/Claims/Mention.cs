using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Core.Claims;

/// <summary>A thing named in a text, before it is resolved to a node: the fullest name the document gives.</summary>
public sealed record Mention(string Name, NodeKind Kind);
