using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Extraction.Text;

namespace KnowledgeGraph.Extraction.Dates;

/// <summary>A date expression found in text: where it is, its shape, and the partial dates it states.</summary>
internal readonly record struct DateExpression(TextSpan Span, DateShape Shape, PartialDate? From, PartialDate? To);
