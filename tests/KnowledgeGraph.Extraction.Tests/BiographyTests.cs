using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Extraction.Entities;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Career profiles of one person that name others in passing: "he" stays with the person the profile is about, known
/// companies stay organizations, and descriptions, bare abbreviations and departments do not become entities. The
/// texts are written for these tests; each stands for one mistake the seed biographies once produced.
/// </summary>
[Trait("Category", "Unit")]
public class BiographyTests
{
    private static readonly BuiltInExtractor Extractor = new();

    [Fact]
    public void A_known_company_heading_a_bullet_is_an_organization_and_takes_no_pronoun()
    {
        var claims = Extract.From(
            "Ada Brook is an engineer.\n\n- Goldman Sachs: early in her career she worked as an analyst.\n"
            + "- Meta: she spent five years at Meta as an engineer.\n- In 2024 she co-founded Vela Labs.");

        Assert.DoesNotContain(claims, c => c.Subject.Name == "Goldman Sachs");
        Assert.Contains("Ada Brook WORKED_AT Meta ..", claims.Select(Extract.Line));
        Assert.Contains("Ada Brook FOUNDED Vela Labs 2024..", claims.Select(Extract.Line));
    }

    [Fact]
    public void A_known_company_is_an_employer_not_a_person()
    {
        var claims = Extract.From("In 2010 Ada Brook joined Goldman Sachs. Later she joined Anthropic.");

        Assert.Equal(["Ada Brook JOINED Goldman Sachs 2010..", "Ada Brook JOINED Anthropic .."], claims.Select(Extract.Line));
        Assert.Equal(NodeKind.Organization, claims[0].Object.Kind);
    }

    [Fact]
    public void He_after_a_possessive_person_stays_with_the_subject_of_the_text()
    {
        var lines = Extract.Lines(
            "Ben Ode is a researcher. In 2024 he joined Vela Labs. Sam Reed's memo said that he had led speech work. "
            + "His time at Vela Labs was short. Before that he had spent four years at Google, from 2019 to 2023.");

        Assert.Contains("Ben Ode WORKED_AT Google 2019..2023", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Sam Reed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_graph_node_that_calls_a_known_company_a_person_does_not_win_over_the_company()
    {
        var junk = new GraphNode("person:goldman-sachs", NodeKind.Person, "Goldman Sachs", []);
        var extractor = new BuiltInExtractor(Gazetteer.BuiltIn.WithNodes([junk]));

        var claims = extractor.Extract(Document.FromText("Ada Brook joined Goldman Sachs in 2010. In 2012 she left Goldman Sachs."));

        Assert.Equal(["Ada Brook JOINED Goldman Sachs 2010..", "Ada Brook LEFT Goldman Sachs 2012.."], claims.Select(Extract.Line));
    }

    [Fact]
    public void A_person_named_as_an_object_does_not_take_the_next_pronoun()
    {
        var lines = Extract.Lines(
            "Ada Brook joined Vela Labs in 2019. In 2022, after the board removed Sam Reed, it installed her as interim CEO of Vela Labs. "
            + "She left Vela Labs in 2023.");

        Assert.Contains("Ada Brook WORKED_AT Vela Labs 2022..", lines);
        Assert.Contains("Ada Brook LEFT Vela Labs 2023..", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Sam Reed", StringComparison.Ordinal));
    }

    [Fact]
    public void People_after_with_are_co_founders_but_do_not_take_the_next_he()
    {
        var claims = Extract.From(
            "Ben Ode left Google in 2023. In 2024 he co-founded Vela Labs with Sam Reed and Ida Lund, and he became the company's CTO. "
            + "In 2025 he left Vela Labs.");
        var lines = claims.Select(Extract.Line).ToList();

        Assert.Contains("Sam Reed FOUNDED Vela Labs 2024..", lines);
        Assert.Contains("Ida Lund FOUNDED Vela Labs 2024..", lines);
        Assert.Contains("Ben Ode LEFT Vela Labs 2025..", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Ida Lund WORKED_AT", StringComparison.Ordinal) || l.StartsWith("Ida Lund LEFT", StringComparison.Ordinal));
        Assert.Contains("with Sam Reed and Ida Lund", claims.First(c => c.Subject.Name == "Ida Lund").Evidence.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Like_someone_does_not_make_them_the_subject()
    {
        var lines = Extract.Lines("Ben Ode worked at Vela Labs. In 2025 a report said that he, like Sam Reed, was leaving Vela Labs. He joined Anthropic in 2025.");

        Assert.Contains("Ben Ode JOINED Anthropic 2025..", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Sam Reed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_beside_a_person_belongs_to_that_person_who_does_not_take_the_next_he()
    {
        var lines = Extract.Lines(
            "Ben Ode joined Vela Labs in 2025, where he reports to Ida Lund, the chief scientist of the lab. "
            + "He had spent three years at Google, from 2021 until 2024.");

        Assert.Contains("Ida Lund WORKED_AT Vela Labs ..", lines);
        Assert.Contains("Ben Ode WORKED_AT Google 2021..2024", lines);
    }

    [Fact]
    public void A_title_written_before_a_name_is_that_persons()
    {
        var lines = Extract.Lines("Ben Ode is the president of Vela Labs, the company started by former Anthropic researcher Ida Lund.");

        Assert.Contains("Ida Lund WORKED_AT Anthropic ..", lines);
        Assert.DoesNotContain("Ben Ode WORKED_AT Anthropic ..", lines);
    }

    [Fact]
    public void The_quote_of_a_title_before_a_name_shows_the_name()
    {
        var claim = Assert.Single(Extract.From("Ben Ode runs Vela Labs, the company started by former Anthropic researcher Ida Lund."), c => c.Subject.Name == "Ida Lund");

        Assert.EndsWith("Anthropic researcher Ida Lund", claim.Evidence.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_beside_a_name_is_not_dated_by_the_sentences_earlier_date_but_by_its_own()
    {
        var lines = Extract.Lines(
            "On May 2, 2026, Ida Lund, Vela Labs' head of research, thanked him. Among them is Sam Reed, Vela Labs' head of safety since 2019.");

        Assert.Contains("Ida Lund WORKED_AT Vela Labs ..", lines);
        Assert.Contains("Sam Reed WORKED_AT Vela Labs 2019..", lines);
    }

    [Fact]
    public void And_between_two_names_does_not_end_the_clause_so_the_date_stays_with_its_verb()
    {
        var claims = Extract.From(
            "Ada Brook served as Vela Labs' director of research, and in 2024, after the departures of Sam Reed and Ida Lund, "
            + "she was promoted to Senior Director of Research.");

        Assert.Contains(claims, c => c.Role == "director of research" && c.Start is null);
        Assert.Contains(claims, c => c.Role == "Senior Director of Research" && c.Start?.ToString() == "2024");
    }

    [Fact]
    public void Replacing_someone_as_a_title_gives_the_title_to_the_subject()
    {
        var lines = Extract.Lines("In 2024 Ben Ode replaced Ida Lund as Vela Labs' chief scientist.");

        Assert.Equal(["Ben Ode WORKED_AT Vela Labs 2024.."], lines);
    }

    [Fact]
    public void Bare_GPT_and_AI_are_not_model_names()
    {
        var claims = Extract.From("Ben Ode worked on scaling GPT models. He led the creation of the AI systems at Vela Labs. He worked on GPT-4.");

        Assert.DoesNotContain(claims, c => c.Object.Name is "GPT" or "AI");
        Assert.Contains(claims, c => c.Object.Name == "GPT-4" && c.Object.Kind == NodeKind.Model);
    }

    [Fact]
    public void A_department_after_a_title_is_part_of_the_title_at_the_employer()
    {
        var claim = Assert.Single(Extract.From("In 2018 Ada Brook joined Anthropic as VP of Applied AI and Partnerships."), c => c.Relation == Relation.WorkedAt);

        Assert.Equal("Ada Brook WORKED_AT Anthropic 2018..", Extract.Line(claim));
        Assert.Equal("VP of Applied AI", claim.Role);
    }

    [Fact]
    public void A_description_before_a_name_is_not_an_organization()
    {
        var claims = Extract.From("Ada Brook worked as an engineer at the French aerospace group Zodiac Aerospace.");

        Assert.DoesNotContain(claims, c => c.Object.Name.Contains("French", StringComparison.Ordinal) || c.Object.Name.Contains("group", StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_name_of_an_organization_prints_as_the_fuller_form_the_text_gives()
    {
        var lines = Extract.Lines(
            "Ben Ode attended the Franklin W. Olin College of Engineering. There he co-founded the company Quillmark Data Solutions, "
            + "and in 2014 he left Olin to work on Quillmark.");

        Assert.Contains("Ben Ode LEFT Franklin W. Olin College of Engineering 2014..", lines);
        Assert.Contains("Ben Ode FOUNDED Quillmark Data Solutions ..", lines);
    }

    [Fact]
    public void A_second_spelling_in_parentheses_is_the_same_person()
    {
        var lines = Extract.Lines("Ben Ode (also spelled Ben Oude) is a co-founder of Vela Labs. In 2024 Ben Ode left Vela Labs.");

        Assert.Equal(["Ben Ode FOUNDED Vela Labs ..", "Ben Ode LEFT Vela Labs 2024.."], lines);
    }

    [Fact]
    public void The_person_a_title_names_is_the_one_pronouns_fall_back_to()
    {
        var document = FrontMatter.Read(
            "---\ntitle: Ben Ode, a short profile\n---\nThe lab of Ida Lund trained many people, Ben Ode among them.\n\nIn 2020 he joined Vela Labs.");

        Assert.Equal(["Ben Ode JOINED Vela Labs 2020.."], Extractor.Extract(document).Select(Extract.Line));
    }

    [Fact]
    public void They_is_a_group_not_one_person()
    {
        var lines = Extract.Lines("Ben Ode joined Vela Labs in 2024 with two colleagues. They are called the co-founders of its Zurich office.");

        Assert.Equal(["Ben Ode JOINED Vela Labs 2024.."], lines);
    }

    [Fact]
    public void A_startup_founded_by_someone_else_is_not_founded_by_the_subject()
    {
        var lines = Extract.Lines("In 2025 Ben Ode joined Vela Labs, the new startup founded by former Google CTO Ida Lund.");

        Assert.DoesNotContain(lines, l => l.StartsWith("Ben Ode FOUNDED", StringComparison.Ordinal));
        Assert.Contains("Ben Ode JOINED Vela Labs 2025..", lines);
    }

    [Fact]
    public void Researchers_who_left_a_company_are_not_the_subject()
    {
        var lines = Extract.Lines("In 2021 Ben Ode co-founded Vela Labs with researchers who had left Google.");

        Assert.Equal(["Ben Ode FOUNDED Vela Labs 2021.."], lines);
    }

    [Fact]
    public void Him_as_a_title_is_the_person_in_focus_not_the_speaker()
    {
        var lines = Extract.Lines("Ben Ode joined Vela Labs in 2025. Ida Lund described him as a co-founder of Vela Labs.");

        Assert.Contains("Ben Ode FOUNDED Vela Labs ..", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Ida Lund", StringComparison.Ordinal));
    }

    [Fact]
    public void The_date_of_a_report_or_a_post_does_not_date_the_event_it_tells_of()
    {
        var lines = Extract.Lines(
            "In June 2025 Ben Ode left Vela Labs; a spokesperson confirmed his departure, as reported on June 26, 2025. "
            + "A report from July 16, 2025 said that Ida Lund was leaving Anthropic.");

        Assert.Contains("Ben Ode LEFT Vela Labs 2025-06..", lines);
        Assert.DoesNotContain(lines, l => l.Contains("2025-06-26", StringComparison.Ordinal) || l.Contains("2025-07-16", StringComparison.Ordinal));
    }

    [Fact]
    public void Announcing_that_one_had_done_something_does_not_date_it_to_the_announcement()
    {
        var lines = Extract.Lines(
            "Ben Ode left Vela Labs in May 2024. On May 28, 2024, he announced on X that he had joined Anthropic. "
            + "On August 6, 2024, he announced that he was leaving Anthropic.");

        Assert.Contains("Ben Ode JOINED Anthropic ..", lines);
        Assert.Contains("Ben Ode LEFT Anthropic 2024-08-06..", lines);
        Assert.DoesNotContain("Ben Ode JOINED Anthropic 2024-05-28..", lines);
    }
}
