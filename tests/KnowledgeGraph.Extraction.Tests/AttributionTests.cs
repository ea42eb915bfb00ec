namespace KnowledgeGraph.Extraction.Tests;

/// <summary>Statements go to the person the sentence is about: titles before a name, appositives, relative clauses.</summary>
[Trait("Category", "Unit")]
public class AttributionTests
{
    [Fact]
    public void A_possessive_title_before_a_name_goes_to_that_name_not_to_the_person_in_focus()
    {
        Assert.Equal(
            ["Ada Brook JOINED Anthropic 2021..", "Ben Ode WORKED_AT Anthropic .."],
            Extract.Lines("Ada Brook joined Anthropic in 2021. Anthropic's director of safety, Ben Ode, praised her."));
    }

    [Fact]
    public void A_plural_possessive_title_is_a_title()
    {
        var claim = Assert.Single(Extract.From("Ben Ode, Vela Labs' head of evaluation, spoke first."));
        Assert.Equal("Ben Ode WORKED_AT Vela Labs ..", Extract.Line(claim));
    }

    [Fact]
    public void A_company_after_at_in_an_appositive_is_not_the_subject()
    {
        Assert.Equal(
            ["Ada Brook FOUNDED Vela Labs 2020.."],
            Extract.Lines("Ada Brook, once a partner at Larkspur Capital, founded Vela Labs in 2020.").Where(l => l.Contains("FOUNDED")));
    }

    [Fact]
    public void The_date_of_a_relative_clause_does_not_date_the_title_outside_it()
    {
        var title = Extract.From("Vela Labs' CEO, Ben Ode, who has worked in robotics since 2011, spoke first.")
            .Single(c => c.Relation == Core.Graph.Relation.WorkedAt && c.Object.Name == "Vela Labs");
        Assert.Equal("Ben Ode WORKED_AT Vela Labs ..", Extract.Line(title));
    }

    [Fact]
    public void Joining_from_a_company_does_not_join_that_company()
    {
        Assert.DoesNotContain(Extract.Lines("Ada Brook joins Vela Labs as a research scientist from Google."), l => l.Contains("JOINED Google"));
    }

    [Fact]
    public void Resigning_to_pursue_a_degree_is_not_a_study()
    {
        Assert.DoesNotContain(Extract.Lines("Ada Brook resigned to pursue a PhD at Stanford University."), l => l.Contains("STUDIED_AT"));
    }

    [Fact]
    public void Departing_for_a_company_joins_it_and_leaves_the_current_employer()
    {
        Assert.Equal(
            ["Ada Brook WORKED_AT Google ..", "Ada Brook JOINED Vela Labs 2024..", "Ada Brook LEFT Google 2024.."],
            Extract.Lines("Ada Brook worked at Google. In 2024 she departed for Vela Labs."));
    }

    [Fact]
    public void A_misspelt_word_of_a_known_name_prints_as_the_known_name()
    {
        Assert.Equal(["Ada Brook STUDIED_AT Tsinghua University .."], Extract.Lines("Ada Brook studied at Tsinghua Universty."));
    }
}
