using GraphQL.Types;
using GraphQLParser.AST;
using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>The PartialDate scalar: "2019", "2019-07" or "2019-07-15"; a bad value is an error naming it.</summary>
public sealed class PartialDateGraphType : ScalarGraphType
{
    public PartialDateGraphType()
    {
        Name = "PartialDate";
        Description = "A date known to the year, month or day: \"2019\", \"2019-07\" or \"2019-07-15\".";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => Parse((string)s.Value),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value, "a PartialDate is a string like \"2019\", \"2019-07\" or \"2019-07-15\""),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s => Parse(s),
        PartialDate d => d,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        PartialDate d => d.ToString(),
        string s => Parse(s).ToString(),
        _ => ThrowSerializationError(value),
    };

    private static PartialDate Parse(string text) =>
        PartialDate.TryParse(text, out var date, out var error) ? date : throw new FormatException($"PartialDate {error}");
}
