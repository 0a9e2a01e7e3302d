using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Checks;
using Omvarld.Web.Features.Policies;

namespace Omvarld.Domain.Tests.Activities;

/// <summary>
/// The seed policies as shipped (src/Omvarld.Web/SeedData/Policies/*.yaml), read by the web project's own file reader:
/// the domain tests judge activities by the files the app loads, never by a copy.
/// </summary>
internal static class SeedPolicies
{
    public static readonly PolicyDefinition Boras2002 = Load("boras-2002.yaml");
    public static readonly PolicyDefinition Boras2009 = Load("boras-2009.yaml");
    public static readonly PolicyDefinition Boras2016 = Load("boras-2016.yaml");
    public static readonly PolicyDefinition Boras2023 = Load("boras-2023.yaml");
    public static readonly PolicyDefinition UpplandsBro2020 = Load("upplandsbro-2020.yaml");

    public static string Boras2009MotivationClause => Boras2009.CheckOf(CheckKind.MotivationWhenNoGoal).Clause;
    public static string Boras2009ResultsClause => Boras2009.CheckOf(CheckKind.ResultsReported).Clause;
    public static string Boras2009FundingClause => Boras2009.CheckOf(CheckKind.ExternalFundingSought).Clause;
    public static string Boras2023GoalLinkageClause => Boras2023.CheckOf(CheckKind.GoalLinkage).Clause;
    public static string Boras2023PartiesClause => Boras2023.CheckOf(CheckKind.ProjectCooperationParties).Clause;
    public static string Boras2023FundingClause => Boras2023.CheckOf(CheckKind.ExternalFundingSought).Clause;
    public static string Boras2023PreconditionClause => Boras2023.CheckOf(CheckKind.PartnerPrecondition).Clause;
    public static string UpplandsBroChildClause => UpplandsBro2020.CheckOf(CheckKind.ChildPerspective).Clause;
    public static string UpplandsBroResultsClause => UpplandsBro2020.CheckOf(CheckKind.ResultsReported).Clause;
    public static string UpplandsBroFundingClause => UpplandsBro2020.CheckOf(CheckKind.ExternalFundingSought).Clause;

    public static readonly PolicyDefinition[] All = [Boras2002, Boras2009, Boras2016, Boras2023, UpplandsBro2020];

    public static CheckDefinition Check(CheckKind kind, string clause, params (string Name, object Value)[] parameters) =>
        new(kind, parameters.ToDictionary(p => p.Name, p => p.Value), clause);

    public static CheckDefinition CheckOf(this PolicyDefinition policy, CheckKind kind) => policy.Version.Checks.Single(c => c.Kind == kind);

    /// <summary>A copy of <paramref name="policy"/> demanding only <paramref name="checks"/>.</summary>
    public static PolicyDefinition With(this PolicyDefinition policy, params CheckDefinition[] checks) =>
        policy with { Version = policy.Version with { Checks = checks } };

    private static PolicyDefinition Load(string file)
    {
        var (definition, errors) = PolicyFileReader.Read(new StringReader(File.ReadAllText(Path.Combine(Folder, file))));
        return definition ?? throw new InvalidOperationException($"{file}: " + string.Join("; ", errors.Select(e => $"{e.Line} {e.Field} {e.Message}")));
    }

    // A property, not a field: the policies above are initialised first, in textual order.
    private static string Folder => FindFolder();

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Omvarld.slnx"))) return Path.Combine(dir.FullName, "src", "Omvarld.Web", "SeedData", "Policies");
        throw new InvalidOperationException("Omvarld.slnx not found above " + AppContext.BaseDirectory);
    }
}
