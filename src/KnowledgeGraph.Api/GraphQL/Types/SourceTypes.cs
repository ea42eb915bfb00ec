using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Api.GraphQL.Types;

/// <summary>One source's support for a fact.</summary>
public sealed class SourceRefType : ObjectGraphType<SourceRef>
{
    public SourceRefType()
    {
        Name = "SourceRef";
        Field<NonNullGraphType<SourceType>>("source").Resolve(c => c.Loaders().Sources.Load(c.Source.SourceId));
        Field<StringGraphType>("quote").Description("The words of the source that state the fact (extracted documents).").Resolve(c => c.Source.Quote);
        Field<IntGraphType>("start").Description("Offset of the quote in the source text.").Resolve(c => c.Source.QuoteStart);
        Field<IntGraphType>("end").Description("Offset just past the quote in the source text.").Resolve(c => c.Source.QuoteEnd);
        Field<StringGraphType>("note").Description("For curated records: what the source says, in our words.").Resolve(c => c.Source.Note);
    }
}

/// <summary>A document facts come from.</summary>
public sealed class SourceType : ObjectGraphType<Source>
{
    public SourceType()
    {
        Name = "Source";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("title").Resolve(c => c.Source.Title);
        Field<StringGraphType>("url").Resolve(c => c.Source.Url);
        Field<PartialDateGraphType>("publishedOn").Resolve(c => c.Source.PublishedOn);
        Field<NonNullGraphType<StringGraphType>>("ingestedAt").Resolve(c => c.Source.IngestedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Field<StringGraphType>("retractedAt").Description("When retractSource withdrew its claims; null while it supports facts.")
            .Resolve(c => c.Source.RetractedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }
}
