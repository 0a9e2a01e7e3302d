using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Checks;
using Omvarld.Domain.Policies.Reading;
using Reader = Omvarld.Domain.Policies.Reading.PolicyReader;

namespace Omvarld.Domain.Tests.PolicyReader;

public sealed class TextNormaliserTests
{
    public static TheoryData<string> SeedFiles => new(Evaluation.Seeds.Select(s => s.Source));

    [Theory, MemberData(nameof(SeedFiles))]
    public void Every_character_maps_back_to_the_same_character_in_the_source(string file)
    {
        var source = Evaluation.SeedText(file).Replace("\r\n", "\n");
        var normalised = TextNormaliser.FromPlainText(source);
        var mapped = 0;
        for (var i = 0; i < normalised.Text.Length; i++)
        {
            var c = normalised.Text[i];
            var at = normalised.SourceOf(i);
            Assert.InRange(at.Offset, 0, source.Length - 1);
            if (char.IsWhiteSpace(c)) continue;   // inserted spaces and line breaks map to the character before them
            Assert.Equal(c, source[at.Offset]);
            mapped++;
        }
        Assert.True(mapped > 500);
    }

    [Fact]
    public void A_word_hyphenated_over_a_line_break_is_joined_and_wrapped_lines_become_one()
    {
        var text = TextNormaliser.FromPlainText(Evaluation.SeedText("002_3df0fc7a5502943d.txt")).Text;
        Assert.Contains("För revideringen ansvarar Kommunstyrelsen.", text);
        Assert.Contains("skall bidra till ett konkurrenskraftigt, attraktivt Borås", text);
        Assert.DoesNotContain("revide-", text);
    }

    [Fact]
    public void A_hyphen_before_a_conjunction_stays()
    {
        var text = TextNormaliser.FromPlainText("Arbetet ger kompetens- och verksamhetsutveckling i miljö-\noch integrationsområdena.").Text;
        Assert.Equal("Arbetet ger kompetens- och verksamhetsutveckling i miljö- och integrationsområdena.", text);
    }

    [Fact]
    public void A_web_transcript_is_split_into_its_pages_and_the_running_footer_and_the_other_documents_are_left_out()
    {
        var normalised = TextNormaliser.FromPlainText(Evaluation.SeedText("003_75844eda42ce11f4.txt"));
        Assert.DoesNotContain("Internationell policy 3", normalised.Text);
        Assert.DoesNotContain("Mariestad", normalised.Text);
        Assert.DoesNotContain("Transkript", normalised.Text);
        Assert.Contains("Internationell policy", normalised.Furniture);
        Assert.StartsWith("Fastställt av: Kommunfullmäktige", normalised.Text);
        // Page 4 of the document begins with "Genomförande och uppföljning".
        var at = normalised.Text.IndexOf("Genomförande och uppföljning", StringComparison.Ordinal);
        Assert.Equal(4, normalised.SourceOf(at).Page);
    }

    [Fact]
    public void Page_numbers_and_the_table_of_contents_are_left_out()
    {
        var text = TextNormaliser.FromPlainText(Evaluation.SeedText("004_b20275be09a18728.txt")).Text;
        Assert.DoesNotContain("Innehållsförteckning", text);
        Assert.DoesNotContain(".....", text);
        Assert.Contains("1 Bakgrund\n\nI en, alltmer, globaliserad värld", text);
        Assert.Contains("Antagen av Kommunfullmäktige den 12 februari 2020", text);   // markup (**) dropped

        var paged = TextNormaliser.Normalise([new SourcePage(1, "Policy\nSida 1 (2)\nFörsta meningen.", 0), new SourcePage(2, "2\nAndra meningen.", 40)]).Text;
        Assert.Equal("Policy\nFörsta meningen.\n\nAndra meningen.", paged);
    }

    [Fact]
    public void A_running_header_repeated_on_every_page_is_removed_and_kept_as_furniture()
    {
        var pages = Enumerable.Range(1, 4).Select(n => new SourcePage(n, $"Riktlinjer för internationellt arbete\nText på sidan {n}.\n{n} (4)", n * 100)).ToList();
        var normalised = TextNormaliser.Normalise(pages);
        Assert.DoesNotContain("Riktlinjer", normalised.Text);
        Assert.Equal(["Riktlinjer för internationellt arbete"], normalised.Furniture);
        Assert.Equal("Riktlinjer för internationellt arbete", Reader.Read(normalised).Title.Value);
    }
}

public sealed class PolicyReaderSeedTests
{
    private static PolicyProposal Read(string file) => Reader.Read(Evaluation.SeedText(file));

    [Fact]
    public void Boras_2023_box_goals_precondition_checks_and_sdgs()
    {
        var p = Read("001_fd680962e325776f.txt");
        Assert.Equal(("Internationell policy", "policy", "KF", "2023-06-21"), (p.Title.Value, p.Kind.Value, p.AdoptedBy.Value, p.AdoptedOn.Value));
        Assert.Equal(("Kommunstyrelsen", "Kommunstyrelsen", "Alla nämnder och förvaltningar", "2027"),
            (p.RevisionResponsible.Value, p.FollowUpResponsible.Value, p.AppliesTo.Value, p.ValidUntil.Value));
        Assert.Null(p.CaseNumber.Value);
        Assert.Null(p.MinuteParagraph.Value);
        Assert.False(p.AppliesToCompanies);
        Assert.Equal(["Verksamhetsutveckling", "Projektsamverkan", "Kunskapsutbyten", "Profilering", "Omvärldspåverkan", "Demokratiska värderingar",
            "Utveckling av arbetet med Borås Stads vänorter"], p.Goals.Select(g => g.Name));
        Assert.Equal([PreconditionCriterion.HumanRights, PreconditionCriterion.Democracy, PreconditionCriterion.RuleOfLaw], p.Precondition!.Criteria);
        Assert.Equal("KS", p.Precondition.ExceptionBody);
        Assert.Equal([CheckKind.GoalLinkage, CheckKind.ProjectCooperationParties, CheckKind.ExternalFundingSought, CheckKind.PartnerPrecondition], p.Checks.Select(c => c.Kind));
        var cooperation = p.Checks.Single(c => c.Kind == CheckKind.ProjectCooperationParties);
        Assert.Equal("PROJEKTSAMVERKAN", cooperation.Parameters["goalCode"]);
        Assert.Equal(2, cooperation.Parameters["minimumParties"]);
        Assert.Equal("warning", p.Checks.Single(c => c.Kind == CheckKind.ExternalFundingSought).Parameters["severity"]);
        Assert.Equal("Det bör även finnas extern finansiering där så är möjligt, exempelvis genom EU-medel.", p.Checks.Single(c => c.Kind == CheckKind.ExternalFundingSought).Clause);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13], p.Sdgs.Numbers);
        Assert.Contains(p.UnplacedDemands, u => u.Text.StartsWith("I Borås Stad ska det internationella arbetet vara en naturlig del", StringComparison.Ordinal));
    }

    [Fact]
    public void Boras_2016_adoption_date_from_the_decision_text_and_single_word_goals()
    {
        var p = Read("002_3df0fc7a5502943d.txt");
        Assert.Equal(("Internationell policy", "KF", "2016-01-28", "2021"), (p.Title.Value, p.AdoptedBy.Value, p.AdoptedOn.Value, p.ValidUntil.Value));
        Assert.Equal("fastställdes av Kommunfullmäktige 28 januari 2016", p.AdoptedOn.Source!.Text);
        Assert.Equal(["Verksamhetsutveckling", "Kunskapsutbyten", "Profilering", "Omvärldspåverkan"], p.Goals.Select(g => g.Clause.Text));
        Assert.Equal("Internationella samarbeten ska bidra till", Assert.Single(p.Checks).Clause);
        Assert.Null(p.Precondition);
        Assert.Empty(p.Sdgs.Numbers);
    }

    [Fact]
    public void Boras_2009_flattened_transcript_purposes_motivation_and_blank_box_fields()
    {
        var p = Read("003_75844eda42ce11f4.txt");
        Assert.Equal(("KF", "2002-02-19", "2009-08-20"), (p.AdoptedBy.Value, p.AdoptedOn.Value, p.RevisedOn.Value));
        Assert.Null(p.ValidUntil.Value);   // "Dokumentet gäller till och med:" is blank: not guessed
        Assert.Equal("Kommunstyrelsen", p.FollowUpResponsible.Value);   // the box is blank; the text names the body
        Assert.True(p.AppliesToCompanies);
        Assert.Equal(["Utveckla den kommunala verksamheten och näringslivet", "Profilera Borås", "Bevaka och påverka omvärlden"], p.Goals.Select(g => g.Name));
        Assert.All(p.Goals, g => Assert.Equal(GoalKind.Purpose, g.Kind));
        Assert.Equal([CheckKind.MotivationWhenNoGoal, CheckKind.ExternalFundingSought, CheckKind.ResultsReported], p.Checks.Select(c => c.Kind));
        Assert.Equal("I de fall internationella samarbeten inte direkt kan kopplas till dessa områden bör det motiveras vad aktiviteten bidrar med till staden.",
            p.Checks[0].Clause);
        Assert.Equal("info", p.Checks[1].Parameters["severity"]);
    }

    [Fact]
    public void Upplands_Bro_2020_checks_from_prose_and_no_revision_responsible()
    {
        var p = Read("004_b20275be09a18728.txt");
        Assert.Equal(("Policy för arbetet med internationella kontakter", "KF", "2020-02-12"), (p.Title.Value, p.AdoptedBy.Value, p.AdoptedOn.Value));
        Assert.Null(p.RevisionResponsible.Value);
        Assert.Equal("Kommunstyrelsen", p.FollowUpResponsible.Value);
        Assert.Equal("Upplands-Bros nämnder, styrelser och bolag", p.AppliesTo.Value);
        Assert.Equal([CheckKind.ExternalFundingSought, CheckKind.YearlyActionPlan, CheckKind.ContactPersonPerOffice, CheckKind.ChildPerspective, CheckKind.ResultsReported,
            CheckKind.ProjectBudgetOwner], p.Checks.Select(c => c.Kind));
        Assert.Equal(("Nämnder och bolag har det ekonomiska ansvaret för deltagande i projekt.", "blocking"),
            (p.Checks.Single(c => c.Kind == CheckKind.ProjectBudgetOwner).Clause, p.Checks.Single(c => c.Kind == CheckKind.ProjectBudgetOwner).Parameters["severity"]));
        var plan = p.Checks.Single(c => c.Kind == CheckKind.YearlyActionPlan);
        Assert.Equal(2, plan.Clauses.Count);
        Assert.Equal(["committee", "company"], (IEnumerable<string>)plan.Parameters["unitKinds"]);
        Assert.Equal(["office"], (IEnumerable<string>)p.Checks.Single(c => c.Kind == CheckKind.ContactPersonPerOffice).Parameters["unitKinds"]);
        var results = p.Checks.Single(c => c.Kind == CheckKind.ResultsReported);
        Assert.Equal((true, false), ((bool)results.Parameters["yearly"], (bool)results.Parameters["atCompletion"]));
        // No goal list and no announcement: the goals are the purposes section 3 names in prose, one per purpose noun.
        Assert.Equal(["Verksamhetsutveckling", "Kunskapsutbyte", "Kompetensutveckling", "Omvärldsbevakning"], p.Goals.Take(4).Select(g => g.Name));
        Assert.All(p.Goals.Take(4), g => Assert.Equal(GoalKind.Goal, g.Kind));
        // A purpose named twice keeps the sentence that states it as a purpose ("i syfte att"), not the "för att" clause.
        var stated = "Upplands-Bro kommun skall delta i internationella utvecklingsprojekt i syfte att tillföra verksamheterna och deras personal positiva mervärden i form av kompetens- och verksamhetsutveckling.";
        Assert.Equal(stated, p.Goals.Single(g => g.Code == "VERKSAMHETSUTVECKLING").Clause.Text);
        Assert.Equal(p.Goals.Single(g => g.Code == "VERKSAMHETSUTVECKLING").Clause, p.Goals.Single(g => g.Code == "KOMPETENSUTVECKLING").Clause);
        Assert.StartsWith("Upplands-Bros nämnder, styrelser och bolag skall aktivt arbeta för att ta del av EU:s fonder", p.Goals.Single(g => g.Code == "KUNSKAPSUTBYTE").Clause.Text);
        Assert.Equal("En aktiv omvärldsbevakning är en oomtvistad framgångsfaktor.", p.Goals.Single(g => g.Code == "OMVARLDSBEVAKNING").Clause.Text);
        // The policy's own aim ("Målet med policyn är att ...") is not a goal.
        Assert.DoesNotContain(p.Goals, g => g.Clause.Text.StartsWith("Målet med policyn", StringComparison.Ordinal));
        Assert.Contains(p.UnplacedDemands, u => u.Text == "Det internationella arbetet skall präglas av öppenhet och dialog.");
    }

    public static TheoryData<string> All => new(Evaluation.Seeds.Select(s => s.Source));

    [Theory, MemberData(nameof(All))]
    public void Every_passage_is_verbatim_normalised_text_and_every_check_has_the_catalogue_parameters(string file)
    {
        var p = Read(file);
        var passages = p.Goals.Select(g => g.Clause).Concat(p.Checks.SelectMany(c => c.Clauses)).Concat(p.UnplacedDemands)
            .Concat(p.Metadata.Select(m => m.Field.Source).OfType<Passage>()).Concat(p.Precondition is null ? [] : [p.Precondition.Clause]);
        Assert.All(passages, x => Assert.Equal(p.Source.Slice(x.Span), x.Text));
        Assert.All(p.Metadata.Where(m => m.Field.Value is not null), m => Assert.NotNull(m.Field.Source));
        var codes = p.Goals.Select(g => g.Code).ToList();
        Assert.All(p.Checks, c => Assert.Empty(CheckCatalogue.Validate(c.Kind, c.Parameters.ToDictionary(kv => kv.Key, kv => (object?)kv.Value), codes)));
        Assert.True(p.HoldsPolicy);
    }

    [Fact]
    public void Skall_is_a_demand_and_bor_a_recommendation()
    {
        Assert.Equal("blocking", Funding("Förvaltningarna skall söka extern finansiering för sina projekt."));
        Assert.Equal("warning", Funding("Förvaltningarna ska aktivt arbeta för att få extern finansiering."));
        Assert.Equal("warning", Funding("Projekten bör ha extern finansiering."));
        Assert.Equal("info", Funding("Det är viktigt att pröva möjligheterna till extern finansiering."));

        static string Funding(string sentence)
        {
            var p = Reader.Read("Internationell policy\n\nArbetet ska bidra till följande mål:\n\n• Lärande\n• Kontakter\n\n" + sentence);
            return (string)p.Checks.Single(c => c.Kind == CheckKind.ExternalFundingSought).Parameters["severity"];
        }
    }

    [Fact]
    public void A_meeting_agenda_holds_no_policy()
    {
        var p = Reader.Read(File.ReadAllText(Path.Combine(Evaluation.Dir("Variants"), "v7-agenda.txt")));
        Assert.False(p.HoldsPolicy);
    }

    [Fact]
    public void Purposes_in_prose_are_split_into_goals_sharing_their_sentence()
    {
        var p = Reader.Read("Riktlinjer för internationellt arbete\n\nBakgrund\n\n" +
            "Riktlinjerna syftar till att ge nämnderna en gemensam grund. Regionens tillväxtprogram syftar till att minska arbetslösheten i länet.\n\n" +
            "Inriktning\n\n" +
            "Nämnderna deltar i nätverk för att få miljö-, klimat- och ledarskapsutveckling samt erfarenhetsutbyte. " +
            "Syftet med samarbetet med vänorterna är att vidga elevernas perspektiv, att öka kunskapen om andra länder och stärka demokratin. " +
            "Kommunstyrelsen ansvarar för att en samordnare för planering och uppföljning utses.");
        Assert.Equal(["Miljöutveckling", "Klimatutveckling", "Ledarskapsutveckling", "Erfarenhetsutbyte",
            "Vidga elevernas perspektiv", "Öka kunskapen om andra länder", "Stärka demokratin"], p.Goals.Select(g => g.Name));
        Assert.Single(p.Goals.Select(g => g.Clause).Take(4).Distinct());
        Assert.StartsWith("Syftet med samarbetet", p.Goals[4].Clause.Text, StringComparison.Ordinal);
        Assert.All(p.Goals, g => Assert.Equal(p.Source.Slice(g.Clause.Span), g.Clause.Text));
        Assert.Equal(p.Goals.Count, p.Goals.Select(g => g.Code).Distinct().Count());
        // Prose purposes are not goals an activity must be linked to.
        Assert.DoesNotContain(p.Checks, c => c.Kind == CheckKind.GoalLinkage);
    }

    [Fact]
    public void A_document_with_a_goal_list_gets_no_goals_from_its_prose()
    {
        var p = Reader.Read("Internationell policy\n\nKommunen deltar i projekt i syfte att få kompetens- och verksamhetsutveckling.\n\n" +
            "Arbetet ska bidra till följande mål:\n\n• Lärande\n• Kontakter\n");
        Assert.Equal(["Lärande", "Kontakter"], p.Goals.Select(g => g.Name));
    }

    [Fact]
    public void Nothing_is_guessed_where_the_text_says_nothing()
    {
        var p = Reader.Read("Internationellt arbete\n\nVi ska bidra till följande mål:\n\n• Lärande\n• Kontakter\n");
        Assert.All(p.Metadata, m => Assert.Null(m.Field.Value));
        Assert.Equal(2, p.Goals.Count);
    }
}
