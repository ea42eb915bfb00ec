namespace KnowledgeGraph.Extraction.Llm;

/// <summary>The LLM endpoint failed or answered something that is not the claim shape; the message says which.</summary>
public sealed class LlmExtractionException(string message, Exception? inner = null) : Exception(message, inner);
