using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Checks;
using Omvarld.Web.Features.Policies;

namespace Omvarld.Web.Tests.Features.Policies;

public class PolicyFileReaderTests
{
    // ---- the four seed files ----

    [Theory]
    [InlineData("boras-2009.yaml", "BORAS-2009")]
    [InlineData("boras-2016.yaml", "BORAS-2016")]
    [InlineData("boras-2023.yaml", "BORAS-2023")]
    [InlineData("upplandsbro-2020.yaml", "UPPLANDSBRO-2020")]
    public void Read_SeedFile_HasNoErrors(string file, string key)
    {
        var definition = ReadSeed(file);
        Assert.Equal(key, definition.Key);
        Assert.Equal(DocumentKind.Policy, definition.Document.Kind);
        Assert.Equal(DocumentKindGroup.Normative, definition.Document.KindGroup);
        Assert.False(string.IsNullOrWhiteSpace(definition.Text));
    }

    [Fact]
    public void Read_Boras2023_HasItsGoalsSdgsPreconditionAndChecks()
    {
        var policy = ReadSeed("boras-2023.yaml");
        var version = policy.Version;

        Assert.Equal("BORAS-INTERNATIONELL-POLICY", policy.Document.Key);
        Assert.Equal(7, version.Goals.Count);
        Assert.Contains(version.Goals, g => g.Code == "PROJEKTSAMVERKAN");
        Assert.Contains(version.Goals, g => g.Code == "DEMOKRATISKA_VARDERINGAR");
        Assert.Contains(version.Goals, g => g.Code == "VANORTER");
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13], version.Sdgs);
        Assert.Equal(new DateOnly(2023, 6, 21), version.AdoptedOn);
        Assert.Equal(new DateOnly(2027, 12, 31), version.ValidUntil.LastDay);

        var precondition = Assert.IsType<PreconditionDefinition>(version.Precondition);
        Assert.Equal("KS", precondition.ExceptionBody);
        Assert.Equal([PreconditionCriterion.HumanRights, PreconditionCriterion.Democracy, PreconditionCriterion.RuleOfLaw], precondition.Criteria);

        var cooperation = Assert.Single(version.Checks, c => c.Kind == CheckKind.ProjectCooperationParties);
        Assert.Equal("PROJEKTSAMVERKAN", cooperation.Text("goalCode"));
        Assert.Equal(2, cooperation.Integer("minimumParties"));
        Assert.Equal("KS", Assert.Single(version.Checks, c => c.Kind == CheckKind.PartnerPrecondition).Text("exceptionBody"));
        Assert.Equal(1, Assert.Single(version.Checks, c => c.Kind == CheckKind.GoalLinkage).Integer("minimumGoals"));
        Assert.Equal("warning", Assert.Single(version.Checks, c => c.Kind == CheckKind.ExternalFundingSought).Text("severity"));
    }

    [Fact]
    public void Read_Boras2016_HasFourGoalsAndTheExtensionTo2021()
    {
        var version = ReadSeed("boras-2016.yaml").Version;

        Assert.Equal(4, version.Goals.Count);
        Assert.Equal(Validity.ThroughYear(2021), version.ValidUntil);
        Assert.Empty(version.Sdgs);
        Assert.Null(version.Precondition);
        Assert.Equal([DecisionKind.Adopted, DecisionKind.Extended], version.Decisions.Select(d => d.Kind));
        var extension = version.Decisions[1];
        Assert.Null(extension.Date);
        Assert.Equal("KS", extension.ProposedBy);
        Assert.Equal(Validity.ThroughYear(2021), extension.ValidUntil);
        Assert.Equal(new DateOnly(2016, 1, 28), version.AdoptedOn);
    }

    [Fact]
    public void Read_Boras2009_HasThreePurposesAndTheMotivationCheck()
    {
        var policy = ReadSeed("boras-2009.yaml");
        var version = policy.Version;

        Assert.Equal(3, version.Goals.Count);
        Assert.All(version.Goals, g => Assert.Equal(GoalKind.Purpose, g.Kind));
        Assert.Contains(version.Checks, c => c.Kind == CheckKind.MotivationWhenNoGoal);
        Assert.DoesNotContain(version.Checks, c => c.Kind == CheckKind.GoalLinkage);
        Assert.True(version.ValidUntil.UntilReplaced);
        Assert.True(version.AppliesToCompanies);
        Assert.Equal(4, policy.ActivityKinds.Count);
        Assert.Equal(3, policy.Definitions.Count);
        // The 2009 text is in force from its revision; the 2002 adoption is BORAS-2002's (text unknown).
        Assert.Equal([new DateOnly(2009, 8, 20)], version.Decisions.Select(d => d.Date!.Value));
        Assert.Equal(new DateOnly(2009, 8, 20), version.AdoptedOn);
        Assert.Null(policy.Document.KindMeaning);
    }

    [Fact]
    public void Read_UpplandsBro2020_HasTheUnitAndChildChecks()
    {
        var policy = ReadSeed("upplandsbro-2020.yaml");
        var version = policy.Version;

        Assert.Equal("UPPLANDSBRO-INTERNATIONELLA-KONTAKTER", policy.Document.Key);
        Assert.Null(version.RevisionResponsible);
        var plan = Assert.Single(version.Checks, c => c.Kind == CheckKind.YearlyActionPlan);
        Assert.Equal(["committee", "company"], plan.List("unitKinds"));
        Assert.Equal(1, plan.Integer("evaluatedEveryYears"));
        Assert.Equal(["office"], Assert.Single(version.Checks, c => c.Kind == CheckKind.ContactPersonPerOffice).List("unitKinds"));
        Assert.Contains(version.Checks, c => c.Kind == CheckKind.ChildPerspective);
        var results = Assert.Single(version.Checks, c => c.Kind == CheckKind.ResultsReported);
        Assert.True(results.Boolean("yearly"));
        Assert.False(results.Boolean("atCompletion"));
    }

    // ---- bad input ----

    private const string Valid = """
        format: omvarld-policy/1
        key: TEST-2024
        document:
          key: TEST-POLICY
          title: Testpolicy
          kind: policy
          kindGroup: normerande
          municipality: Testby kommun
        version:
          label: "2024"
          adoptedBy: KF
          revisionResponsible: Kommunstyrelsen
          followUpResponsible: null
          appliesTo: Alla nämnder
          appliesToCompanies: false
          validUntil: "2027"
          sdgs: [1, 17]
          decisions:
            - kind: adopted
              body: KF
              date: 2024-03-01
              proposedBy: null
              caseNumber: null
              minuteParagraph: null
              validUntil: "2027"
          goals:
            - code: ETT
              name: Ett
              kind: goal
              clause: Ett.
            - code: TVA
              name: Två
              kind: goal
              clause: Två.
          checks:
            - kind: project-cooperation-parties
              clause: Parter.
              parameters:
                goalCode: TVA
                minimumParties: 2
        text: |-
          Testpolicy
        """;

    [Fact]
    public void Read_ValidFile_HasNoErrors()
    {
        var (definition, errors) = Read(Valid);
        Assert.Empty(errors);
        Assert.NotNull(definition);
        Assert.Equal(["ETT", "TVA"], definition.Version.Goals.Select(g => g.Code));
    }

    [Fact]
    public void Read_MissingGoalCode_NamesTheGoalsLineAndField()
    {
        var yaml = Valid.Replace("    - code: TVA\n      name: Två", "    - name: Två");
        var error = SingleError(yaml);
        Assert.Equal(LineOf(yaml, "- name: Två"), error.Line);
        Assert.Equal(31, error.Line);
        Assert.Equal("version.goals[1].code", error.Field);
        Assert.Equal("Målkoden saknas.", error.Message);
    }

    [Fact]
    public void Read_DuplicateGoalCode_NamesTheSecondOccurrenceAndTheFirstLine()
    {
        var yaml = Valid.Replace("code: TVA", "code: ETT").Replace("goalCode: TVA", "goalCode: ETT");
        var error = SingleError(yaml);
        Assert.Equal(31, error.Line);
        Assert.Equal("version.goals[1].code", error.Field);
        Assert.Equal("Målkoden 'ETT' finns redan på rad 27.", error.Message);
    }

    [Fact]
    public void Read_UnknownCheckKind_IsRejectedOnItsLine()
    {
        var yaml = Valid.Replace("kind: project-cooperation-parties", "kind: project-coperation-parties");
        var error = SingleError(yaml);
        Assert.Equal(36, error.Line);
        Assert.Equal("version.checks[0].kind", error.Field);
        Assert.StartsWith("Okänd kontrolltyp 'project-coperation-parties'. Kända typer: goal-linkage, ", error.Message);
        Assert.Contains("project-cooperation-parties", error.Message);
    }

    [Fact]
    public void Read_TooFewParties_NamesTheParameter()
    {
        var yaml = Valid.Replace("minimumParties: 2", "minimumParties: 1");
        var error = SingleError(yaml);
        Assert.Equal(40, error.Line);
        Assert.Equal("version.checks[0].parameters.minimumParties", error.Field);
        Assert.Equal("Parametern 'minimumParties' ska vara ett heltal på minst 2.", error.Message);
    }

    [Fact]
    public void Read_GoalCodeParameterNamingNoGoal_IsRejected()
    {
        var yaml = Valid.Replace("goalCode: TVA", "goalCode: TRE");
        var error = SingleError(yaml);
        Assert.Equal(39, error.Line);
        Assert.Equal("version.checks[0].parameters.goalCode", error.Field);
        Assert.Contains("'TRE'", error.Message);
    }

    [Fact]
    public void Read_UnknownParameter_NamesIt()
    {
        var yaml = Valid.Replace("minimumParties: 2", "minimumParties: 2\n        minimumParty: 3");
        var error = SingleError(yaml);
        Assert.Equal(41, error.Line);
        Assert.Equal("version.checks[0].parameters.minimumParty", error.Field);
        Assert.Equal("Kontrolltypen 'project-cooperation-parties' har ingen parameter 'minimumParty'.", error.Message);
    }

    [Fact]
    public void Read_DateThatDoesNotParse_IsRejected()
    {
        var yaml = Valid.Replace("date: 2024-03-01", "date: 2023-13-40");
        var error = SingleError(yaml);
        Assert.Equal(21, error.Line);
        Assert.Equal("version.decisions[0].date", error.Field);
        Assert.Equal("Datumet '2023-13-40' kan inte tolkas; skriv ÅÅÅÅ-MM-DD.", error.Message);
    }

    [Fact]
    public void Read_ValidUntilBeforeAdoption_IsRejected()
    {
        var yaml = Valid.Replace("  validUntil: \"2027\"\n  sdgs", "  validUntil: \"2015\"\n  sdgs");
        var error = SingleError(yaml);
        Assert.Equal(16, error.Line);
        Assert.Equal("version.validUntil", error.Field);
        Assert.Equal("Giltig till (2015) ligger före antagandet (2024-03-01).", error.Message);
    }

    [Fact]
    public void Read_YamlSyntaxError_GivesOneErrorWithItsLine()
    {
        var yaml = Valid.Replace("  title: Testpolicy", "  title: [Testpolicy");
        var (definition, errors) = Read(yaml);
        Assert.Null(definition);
        var error = Assert.Single(errors);
        Assert.Equal(5, error.Line);
        Assert.StartsWith("Filen är inte giltig YAML", error.Message);
    }

    [Fact]
    public void Read_BadIndentation_GivesOneErrorWithItsLine()
    {
        var yaml = Valid.Replace("  municipality: Testby kommun", "   municipality: Testby kommun");
        var (definition, errors) = Read(yaml);
        Assert.Null(definition);
        var error = Assert.Single(errors);
        Assert.Equal(8, error.Line);
        Assert.Equal("", error.Field);
        Assert.StartsWith("Filen är inte giltig YAML", error.Message);
    }

    [Fact]
    public void Read_DuplicateKey_IsASyntaxErrorOnItsLine()
    {
        var yaml = Valid.Replace("  title: Testpolicy", "  title: Testpolicy\n  title: Igen");
        var error = SingleError(yaml);
        Assert.Equal(6, error.Line);
        Assert.Equal("Samma fält står två gånger i samma avsnitt.", error.Message);
    }

    [Fact]
    public void Read_UnknownKey_NamesIt()
    {
        var yaml = Valid.Replace("  appliesTo: Alla nämnder", "  appliesTo: Alla nämnder\n  applisToCompanies: true");
        var error = SingleError(yaml);
        Assert.Equal(15, error.Line);
        Assert.Equal("version.applisToCompanies", error.Field);
        Assert.StartsWith("Okänt fält 'applisToCompanies'.", error.Message);
    }

    [Fact]
    public void Read_SeveralErrors_AreAllReportedInLineOrderAndNothingIsRead()
    {
        var yaml = Valid.Replace("format: omvarld-policy/1", "format: omvarld-policy/2")
            .Replace("kind: policy", "kind: manifest")
            .Replace("sdgs: [1, 17]", "sdgs: [1, 18, 1]")
            .Replace("minimumParties: 2", "minimumParties: två");
        var (definition, errors) = Read(yaml);
        Assert.Null(definition);
        Assert.Equal([1, 6, 17, 17, 40], errors.Select(e => e.Line));
        Assert.Equal(["format", "document.kind", "version.sdgs[1]", "version.sdgs[2]", "version.checks[0].parameters.minimumParties"], errors.Select(e => e.Field));
        Assert.Equal("Det globala målet 1 finns redan på rad 17.", errors[3].Message);
    }

    [Fact]
    public void Read_DecisionsOutOfOrder_AreRejected()
    {
        const string revision = "      validUntil: \"2027\"\n    - kind: revised\n      body: KF\n      date: 2024-01-01\n"
            + "      proposedBy: null\n      caseNumber: null\n      minuteParagraph: null\n      validUntil: null\n  goals:";
        var yaml = Valid.Replace("      validUntil: \"2027\"\n  goals:", revision);
        var error = SingleError(yaml);
        Assert.Equal("version.decisions[1].date", error.Field);
        Assert.Equal(LineOf(yaml, "date: 2024-01-01"), error.Line);
        Assert.Equal("Beslutet 2024-01-01 står efter beslutet 2024-03-01 på rad 21; besluten ska stå i datumordning.", error.Message);
    }

    [Fact]
    public void Read_UnknownPreconditionCriterion_IsRejected()
    {
        var yaml = Valid.Replace("  checks:", "  precondition:\n    criteria: [human-rights, free-press]\n    exceptionBody: KS\n    clause: Villkor.\n  checks:");
        var error = SingleError(yaml);
        Assert.Equal(LineOf(yaml, "criteria:"), error.Line);
        Assert.Equal("version.precondition.criteria[1]", error.Field);
        Assert.StartsWith("Okänt kriterium 'free-press'.", error.Message);
    }

    // ---- helpers ----

    private static (PolicyDefinition? Definition, IReadOnlyList<PolicyFileError> Errors) Read(string yaml) =>
        PolicyFileReader.Read(new StringReader(yaml));

    private static PolicyFileError SingleError(string yaml)
    {
        var (definition, errors) = Read(yaml);
        Assert.Null(definition);
        return Assert.Single(errors);
    }

    private static int LineOf(string text, string marker) =>
        text.Split('\n').Select((line, i) => (line, i)).First(l => l.line.Contains(marker, StringComparison.Ordinal)).i + 1;

    private static PolicyDefinition ReadSeed(string file)
    {
        using var stream = File.OpenRead(Path.Combine(SeedFolder(), file));
        var (definition, errors) = PolicyFileReader.Read(stream);
        Assert.Empty(errors);
        return Assert.IsType<PolicyDefinition>(definition);
    }

    private static string SeedFolder() => Omvarld.Web.Tests.Infrastructure.RepositoryFiles.SeedPolicyFolder;
}
