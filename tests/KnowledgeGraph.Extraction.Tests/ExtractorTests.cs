using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Extraction.Entities;

namespace KnowledgeGraph.Extraction.Tests;

[Trait("Category", "Unit")]
public class ExtractorTests
{
    [Fact]
    public void Joined_as_a_title_is_a_join_and_a_job()
    {
        Assert.Equal(
            ["Ada Brook JOINED OpenAI 2022..", "Ada Brook WORKED_AT OpenAI 2022.."],
            Extract.Lines("Ada Brook joined OpenAI in 2022 as a Member of Technical Staff."));
        var job = Extract.From("Ada Brook joined OpenAI in 2022 as a Member of Technical Staff.")[1];
        Assert.Equal("Member of Technical Staff", job.Role);
    }

    [Fact]
    public void A_bare_join_is_a_join_only()
    {
        Assert.Equal(["Ada Brook JOINED Anthropic 2021.."], Extract.Lines("Ada Brook joined Anthropic in 2021."));
    }

    [Fact]
    public void A_departure_date_is_not_copied_into_the_job()
    {
        Assert.Equal(
            ["Ada Brook WORKED_AT Google 2015..", "Ada Brook LEFT Google 2020.."],
            Extract.Lines("Ada Brook worked at Google since 2015. She left Google in 2020."));
    }

    [Fact]
    public void An_ended_range_is_not_a_departure()
    {
        Assert.Equal(["Ada Brook WORKED_AT Google ..2020"], Extract.Lines("Ada Brook worked at Google until 2020."));
    }

    [Fact]
    public void A_promotion_opens_a_new_title_at_the_same_place()
    {
        var claims = Extract.From("Ada Brook joined OpenAI in 2019. In 2025, Ada was promoted to VP of Research.");
        Assert.Equal(["Ada Brook JOINED OpenAI 2019..", "Ada Brook WORKED_AT OpenAI 2025.."], claims.Select(Extract.Line));
        Assert.Equal("VP of Research", claims[1].Role);
    }

    [Fact]
    public void A_degree_year_is_the_end_of_the_studies()
    {
        var claim = Assert.Single(Extract.From("Jan Nowak earned a master's degree in mathematics from the University of Warsaw in 2014."));
        Assert.Equal("Jan Nowak STUDIED_AT University of Warsaw ..2014", Extract.Line(claim));
        Assert.Equal("master's degree in mathematics", claim.Role);
    }

    [Fact]
    public void Durations_give_no_dates()
    {
        Assert.Equal(["Ada Brook LEFT OpenAI .."], Extract.Lines("Ada Brook left OpenAI after nearly seven years."));
    }

    [Fact]
    public void Names_are_the_fullest_form_and_pronouns_first_names_and_the_company_resolve()
    {
        var lines = Extract.Lines(
            "Jerry Tworek joined OpenAI in 2019. Jerry built Codex. He later co-led the o1 project. On January 6, 2026, he left the company.");
        Assert.Equal(
            ["Jerry Tworek JOINED OpenAI 2019..", "Jerry Tworek WORKED_ON Codex ..", "Jerry Tworek LED o1 ..", "Jerry Tworek LEFT OpenAI 2026-01-06.."],
            lines);
    }

    [Fact]
    public void Who_refers_to_the_name_before_it()
    {
        Assert.Equal(
            ["Tom Becker LEFT Vireo Labs 2024.."],
            Extract.Lines("Olga Sokolova replaces Tom Becker, who left Vireo Labs in 2024."));
    }

    [Theory]
    [InlineData("Ada Brook did not join Meta.")]
    [InlineData("Ada Brook has never worked at Meta.")]
    [InlineData("Ada Brook may join Anthropic next year.")]
    [InlineData("Ada Brook is expected to join Anthropic.")]
    [InlineData("Will Ada Brook found her own lab?")]
    [InlineData("Rumours say Ada Brook left OpenAI.")]
    [InlineData("Ada Brook will become Chief Scientist of Lumen Research.")]
    public void Negations_speculation_and_questions_make_no_claims(string text)
    {
        Assert.Empty(Extract.From(text));
    }

    [Fact]
    public void Several_works_in_a_list_are_several_claims()
    {
        Assert.Equal(
            ["Ada Brook WORKED_ON GPT-4 ..", "Ada Brook WORKED_ON ChatGPT ..", "Ada Brook WORKED_ON Codex .."],
            Extract.Lines("Ada Brook was a key figure in building GPT-4, ChatGPT and Codex."));
    }

    [Fact]
    public void Teams_are_organizations_and_unknown_projects_are_models()
    {
        var claims = Extract.From("Ada Brook headed the post-training team. She also spearheaded the Dactyl project.");
        Assert.Equal(["Ada Brook LED post-training team ..", "Ada Brook LED Dactyl .."], claims.Select(Extract.Line));
        Assert.Equal(NodeKind.Organization, claims[0].Object.Kind);
        Assert.Equal(NodeKind.Model, claims[1].Object.Kind);
    }

    [Fact]
    public void Quoted_titles_are_papers()
    {
        var claim = Assert.Single(Extract.From("Ada Brook co-authored \"Sparse Attention Without Regret\" in 2023."));
        Assert.Equal("Ada Brook AUTHORED Sparse Attention Without Regret 2023..", Extract.Line(claim));
        Assert.Equal(NodeKind.Paper, claim.Object.Kind);
    }

    [Fact]
    public void Typos_and_case_variants_print_under_the_form_the_document_uses()
    {
        Assert.Equal(
            ["Chen Jie JOINED OpenAI 2020..", "Chen Jie WORKED_ON o1 ..", "Chen Jie LEFT OpenAI .."],
            Extract.Lines("Chen Jie joined OpenAI in 2020. He contributed to O1. In the o1 work he is most proud. Chen Jie left OpenAL."));
    }

    [Fact]
    public void Titles_at_organizations_are_jobs()
    {
        var claims = Extract.From("Marta Kowalczyk, the VP of Research at Helix AI, spoke. Sara Lind, CEO of Northwind Labs, agreed.");
        Assert.Equal(["Marta Kowalczyk WORKED_AT Helix AI ..", "Sara Lind WORKED_AT Northwind Labs .."], claims.Select(Extract.Line));
        Assert.Equal(["VP of Research", "CEO"], claims.Select(c => c.Role));
    }

    [Fact]
    public void Cv_lines_belong_to_the_person_the_page_is_about()
    {
        var lines = Extract.Lines("Lena Fischer\n\n- 2017–2021: Research Scientist, Google Brain\n- PhD in Machine Learning, University of Toronto, 2017");
        Assert.Equal(["Lena Fischer WORKED_AT Google Brain 2017..2021", "Lena Fischer STUDIED_AT University of Toronto ..2017"], lines);
    }

    [Fact]
    public void Last_year_needs_the_document_date()
    {
        Assert.Equal(["Ada Brook JOINED Anthropic 2024.."], Extract.Lines("Last year Ada Brook joined Anthropic.", "2025-05-01"));
        Assert.Equal(["Ada Brook JOINED Anthropic .."], Extract.Lines("Last year Ada Brook joined Anthropic."));
    }

    [Fact]
    public void Evidence_points_into_the_input()
    {
        const string text = "Intro line.\nAda Brook joined OpenAI in 2019 as a researcher.";
        var claim = Extract.From(text)[0];
        Assert.Equal(text[claim.Evidence.Start..claim.Evidence.End], claim.Evidence.Quote);
        Assert.Contains("joined OpenAI in 2019", claim.Evidence.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gazetteer_grows_with_the_graph()
    {
        var node = new GraphNode("org:quasar", NodeKind.Organization, "Quasar", ["Quasar Collective"]) { OrganizationKind = OrganizationKind.Lab };
        var extractor = new BuiltInExtractor(Gazetteer.BuiltIn.WithNodes([node]));
        var claims = extractor.Extract(Document.FromText("Ada Brook moved to Quasar in 2024."));
        Assert.Equal(["Ada Brook JOINED Quasar 2024.."], claims.Select(Extract.Line));
        Assert.Empty(new BuiltInExtractor().Extract(Document.FromText("Ada Brook moved to Quasar in 2024.")));
    }

    [Fact]
    public async Task Extraction_is_deterministic_and_async_gives_the_same()
    {
        const string text = "Ada Brook joined OpenAI in 2019 and left in 2024.";
        var extractor = new BuiltInExtractor();
        var first = await extractor.ExtractAsync(Document.FromText(text));
        var second = extractor.Extract(Document.FromText(text));
        Assert.Equal(first.Select(Extract.Line), second.Select(Extract.Line));
        Assert.Equal(["Ada Brook JOINED OpenAI 2019..", "Ada Brook LEFT OpenAI 2024.."], second.Select(Extract.Line));
    }
}
