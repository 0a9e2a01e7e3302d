using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Tests.Policies;

public class CheckCatalogueTests
{
    private static readonly string[] Goals = ["PROJEKTSAMVERKAN", "VANORTER"];

    private static IReadOnlyList<CheckParameterError> Validate(CheckKind kind, params (string Name, object? Value)[] parameters) =>
        CheckCatalogue.Validate(kind, parameters.ToDictionary(p => p.Name, p => p.Value), Goals);

    [Fact]
    public void Catalogue_EveryCheckKind_HasASchemaAndACode()
    {
        foreach (var kind in Enum.GetValues<CheckKind>())
        {
            Assert.NotNull(CheckCatalogue.Parameters(kind));
            Assert.Equal(kind, PolicyCodes.CheckKinds.Parse(PolicyCodes.CheckKinds.Code(kind)));
        }
    }

    [Fact]
    public void Validate_SeedConfigurations_AreValid()
    {
        Assert.Empty(Validate(CheckKind.GoalLinkage, ("minimumGoals", 1)));
        Assert.Empty(Validate(CheckKind.MotivationWhenNoGoal));
        Assert.Empty(Validate(CheckKind.ProjectCooperationParties, ("goalCode", "PROJEKTSAMVERKAN"), ("minimumParties", 2)));
        Assert.Empty(Validate(CheckKind.ExternalFundingSought, ("severity", "warning")));
        Assert.Empty(Validate(CheckKind.PartnerPrecondition, ("exceptionBody", "KS")));
        Assert.Empty(Validate(CheckKind.YearlyActionPlan, ("unitKinds", new List<string> { "committee", "company" }), ("evaluatedEveryYears", 1)));
        Assert.Empty(Validate(CheckKind.ContactPersonPerOffice, ("unitKinds", new List<string> { "office" })));
        Assert.Empty(Validate(CheckKind.ChildPerspective));
        Assert.Empty(Validate(CheckKind.ResultsReported, ("yearly", true), ("atCompletion", false)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-3)]
    public void Validate_FewerThanTwoParties_IsInvalid(int parties)
    {
        var error = Assert.Single(Validate(CheckKind.ProjectCooperationParties, ("goalCode", "PROJEKTSAMVERKAN"), ("minimumParties", parties)));
        Assert.Equal(new CheckParameterError("minimumParties", CheckParameterProblem.Invalid, parties.ToString(System.Globalization.CultureInfo.InvariantCulture)), error);
    }

    [Fact]
    public void Validate_GoalCodeNamingNoGoal_IsUnknownGoal()
    {
        var error = Assert.Single(Validate(CheckKind.ProjectCooperationParties, ("goalCode", "SAMVERKAN"), ("minimumParties", 2)));
        Assert.Equal(new CheckParameterError("goalCode", CheckParameterProblem.UnknownGoal, "SAMVERKAN"), error);
    }

    [Fact]
    public void Validate_ZeroMinimumGoals_IsInvalid()
    {
        var error = Assert.Single(Validate(CheckKind.GoalLinkage, ("minimumGoals", 0)));
        Assert.Equal(("minimumGoals", CheckParameterProblem.Invalid), (error.Parameter, error.Problem));
    }

    [Fact]
    public void Validate_TextWhereAnIntegerBelongs_IsInvalid()
    {
        var error = Assert.Single(Validate(CheckKind.GoalLinkage, ("minimumGoals", "ett")));
        Assert.Equal(("minimumGoals", CheckParameterProblem.Invalid, "ett"), (error.Parameter, error.Problem, error.Value));
    }

    [Fact]
    public void Validate_MissingParameter_IsNamed()
    {
        var error = Assert.Single(Validate(CheckKind.ProjectCooperationParties, ("goalCode", "PROJEKTSAMVERKAN")));
        Assert.Equal(new CheckParameterError("minimumParties", CheckParameterProblem.Missing), error);
    }

    [Fact]
    public void Validate_ParameterTheKindDoesNotTake_IsUnknown()
    {
        var error = Assert.Single(Validate(CheckKind.ChildPerspective, ("minimumAge", 12)));
        Assert.Equal(new CheckParameterError("minimumAge", CheckParameterProblem.Unknown), error);
    }

    [Theory]
    [InlineData("info", true)]
    [InlineData("warning", true)]
    [InlineData("blocking", true)]
    [InlineData("fatal", false)]
    [InlineData("Warning", false)]
    public void Validate_Severity_MustBeInfoWarningOrBlocking(string severity, bool valid) =>
        Assert.Equal(valid, Validate(CheckKind.ExternalFundingSought, ("severity", severity)).Count == 0);

    [Fact]
    public void Validate_UnitKindsOutsideTheCatalogue_AreInvalid()
    {
        var error = Assert.Single(Validate(CheckKind.ContactPersonPerOffice, ("unitKinds", new List<string> { "office", "department" })));
        Assert.Equal(new CheckParameterError("unitKinds", CheckParameterProblem.Invalid, "department"), error);
    }

    [Fact]
    public void Validate_UnitKindsTwice_IsDuplicate()
    {
        var error = Assert.Single(Validate(CheckKind.ContactPersonPerOffice, ("unitKinds", new List<string> { "office", "office" })));
        Assert.Equal(new CheckParameterError("unitKinds", CheckParameterProblem.Duplicate, "office"), error);
    }

    [Fact]
    public void Validate_EmptyUnitKindsOrASingleString_IsInvalid()
    {
        Assert.Equal(CheckParameterProblem.Invalid, Assert.Single(Validate(CheckKind.ContactPersonPerOffice, ("unitKinds", new List<string>()))).Problem);
        Assert.Equal(CheckParameterProblem.Invalid, Assert.Single(Validate(CheckKind.ContactPersonPerOffice, ("unitKinds", "office"))).Problem);
    }

    [Fact]
    public void Validate_YearlyActionPlanEvaluatedEveryZeroYears_IsInvalid()
    {
        var error = Assert.Single(Validate(CheckKind.YearlyActionPlan, ("unitKinds", new List<string> { "committee" }), ("evaluatedEveryYears", 0)));
        Assert.Equal("evaluatedEveryYears", error.Parameter);
    }

    [Fact]
    public void Validate_ResultsReportedNeitherYearlyNorAtCompletion_IsInconsistent()
    {
        var error = Assert.Single(Validate(CheckKind.ResultsReported, ("yearly", false), ("atCompletion", false)));
        Assert.Equal(CheckParameterProblem.Inconsistent, error.Problem);
    }

    [Fact]
    public void Validate_ResultsReportedWithTextForABool_IsInvalid()
    {
        var error = Assert.Single(Validate(CheckKind.ResultsReported, ("yearly", "ja"), ("atCompletion", true)));
        Assert.Equal(("yearly", CheckParameterProblem.Invalid), (error.Parameter, error.Problem));
    }

    [Fact]
    public void Validate_EmptyExceptionBody_IsInvalid()
    {
        var error = Assert.Single(Validate(CheckKind.PartnerPrecondition, ("exceptionBody", " ")));
        Assert.Equal(("exceptionBody", CheckParameterProblem.Invalid), (error.Parameter, error.Problem));
    }

    [Fact]
    public void Validate_SeveralProblems_AreAllReported()
    {
        var errors = Validate(CheckKind.ProjectCooperationParties, ("goalCode", "SAKNAS"), ("minimumParties", 1), ("extra", true));
        Assert.Equal(["extra", "goalCode", "minimumParties"], errors.Select(e => e.Parameter).Order());
    }

    [Theory]
    [InlineData(DocumentKind.Strategy, DocumentKindGroup.Planning)]
    [InlineData(DocumentKind.Programme, DocumentKindGroup.Planning)]
    [InlineData(DocumentKind.Plan, DocumentKindGroup.Planning)]
    [InlineData(DocumentKind.Policy, DocumentKindGroup.Normative)]
    [InlineData(DocumentKind.Guidelines, DocumentKindGroup.Normative)]
    [InlineData(DocumentKind.Rules, DocumentKindGroup.Normative)]
    public void Group_EachDocumentKind_BelongsToItsGroup(DocumentKind kind, DocumentKindGroup group) =>
        Assert.Equal(group, kind.Group());
}
