using System.Runtime.InteropServices;
using KnowledgeGraph.Core.Claims;
using KnowledgeGraph.Extraction.Career;
using KnowledgeGraph.Extraction.Dates;
using KnowledgeGraph.Extraction.Entities;
using KnowledgeGraph.Extraction.Text;

namespace KnowledgeGraph.Extraction;

/// <summary>
/// The deterministic, offline extractor: sentences, date expressions, names (gazetteer and patterns),
/// coreference inside the document, and patterns for career verbs and titles. Stateless between calls and
/// safe to share between threads.
/// </summary>
public sealed class BuiltInExtractor(Gazetteer gazetteer) : IClaimExtractor
{
    private readonly EntityRecognizer _recognizer = new(gazetteer);

    /// <summary>An extractor knowing only the built-in gazetteer.</summary>
    public BuiltInExtractor()
        : this(Gazetteer.BuiltIn)
    {
    }

    public Gazetteer Gazetteer { get; } = gazetteer;

    public Task<IReadOnlyList<Claim>> ExtractAsync(Document document, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Extract(document, cancellationToken));
    }

    /// <summary>The claims of <paramref name="document"/>, in the order the text makes them.</summary>
    public IReadOnlyList<Claim> Extract(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var sentences = new List<TextSpan>(text.Length / 64 + 4);
        SentenceSplitter.Split(text, Math.Clamp(document.BodyStart, 0, text.Length), sentences);

        // Pass 1: every name in the document, so that "Jerry" can be "Jerry Tworek" and "OpenAL" can be "OpenAI".
        var tokens = new List<Token>(text.Length / 5 + 16);
        var tokenRanges = new (int Start, int Count)[sentences.Count];
        var mentions = new List<EntityMention>(text.Length / 40 + 8);
        var mentionRanges = new (int Start, int Count)[sentences.Count];
        var sentenceTokens = new List<Token>();
        for (var s = 0; s < sentences.Count; s++)
        {
            if ((s & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var tokenStart = tokens.Count;
            Tokenizer.Tokenize(text, sentences[s].Start, sentences[s].End, tokens);
            tokenRanges[s] = (tokenStart, tokens.Count - tokenStart);
            sentenceTokens.Clear();
            sentenceTokens.AddRange(CollectionsMarshal.AsSpan(tokens).Slice(tokenStart, tokens.Count - tokenStart));
            var mentionStart = mentions.Count;
            _recognizer.Recognize(text, sentences[s], sentenceTokens, mentions);
            mentionRanges[s] = (mentionStart, mentions.Count - mentionStart);
        }

        MentionResolver.Resolve(mentions, text);

        // Pass 2: claims, sentence by sentence.
        var assembler = new ClaimAssembler(text, mentions, Topic(document, mentions));
        var sentenceMentions = new List<EntityMention>();
        var triggers = new List<Trigger>();
        var dates = new List<DateExpression>();
        for (var s = 0; s < sentences.Count; s++)
        {
            sentenceTokens.Clear();
            sentenceTokens.AddRange(CollectionsMarshal.AsSpan(tokens).Slice(tokenRanges[s].Start, tokenRanges[s].Count));
            sentenceMentions.Clear();
            sentenceMentions.AddRange(CollectionsMarshal.AsSpan(mentions).Slice(mentionRanges[s].Start, mentionRanges[s].Count));
            triggers.Clear();
            TriggerFinder.Find(text, sentences[s], sentenceTokens, sentenceMentions, triggers);
            dates.Clear();
            if (triggers.Count > 0)
            {
                DateExpressionFinder.Find(text, sentences[s], sentenceTokens, document.Date, dates);
            }

            assembler.AddSentence(sentences[s], sentenceMentions, triggers, dates);
        }

        return assembler.Claims;
    }

    // The person the text is about: the one its title names when the text names them too, else the first person it
    // names, else the one its title names.
    private string? Topic(Document document, List<EntityMention> mentions)
    {
        var first = mentions.FirstOrDefault(m => m.Kind == MentionKind.Person);
        if (string.IsNullOrWhiteSpace(document.Title))
        {
            return first?.Name;
        }

        var title = document.Title;
        var tokens = new List<Token>();
        Tokenizer.Tokenize(title, 0, title.Length, tokens);
        var titleMentions = new List<EntityMention>();
        _recognizer.Recognize(title, new TextSpan(0, title.Length), tokens, titleMentions);
        var titled = titleMentions.FirstOrDefault(m => m.Kind == MentionKind.Person)?.Name;
        if (titled is null)
        {
            return first?.Name;
        }

        return mentions.FirstOrDefault(m => m.Kind == MentionKind.Person && m.Surface == titled)?.Name
            ?? first?.Name
            ?? titled;
    }
}
