namespace Omvarld.Domain.Policies.Checks;

/// <summary>Every check kind with the parameters it takes, and the validation of a check's configuration.</summary>
public static class CheckCatalogue
{
    public static readonly IReadOnlyList<string> Severities = ["info", "warning", "blocking"];

    /// <summary>The unit kinds a check may name, as the file writes them (<see cref="Organisation.UnitKind"/>).</summary>
    public static readonly IReadOnlyList<string> UnitKinds = ["committee", "company", "office", "administration"];

    private static readonly IReadOnlyDictionary<CheckKind, IReadOnlyList<CheckParameterSpec>> Schemas = new Dictionary<CheckKind, IReadOnlyList<CheckParameterSpec>>
    {
        [CheckKind.GoalLinkage] = [new("minimumGoals", CheckParameterType.Integer, Minimum: 1)],
        [CheckKind.MotivationWhenNoGoal] = [],
        // 001: "en förutsättning är att flera parter medverkar": several means at least two.
        [CheckKind.ProjectCooperationParties] =
        [
            new("goalCode", CheckParameterType.GoalCode),
            new("minimumParties", CheckParameterType.Integer, Minimum: 2),
        ],
        [CheckKind.ExternalFundingSought] = [new("severity", CheckParameterType.OneOf, AllowedValues: Severities)],
        [CheckKind.ProjectBudgetOwner] = [new("severity", CheckParameterType.OneOf, AllowedValues: Severities)],
        [CheckKind.PartnerPrecondition] = [new("exceptionBody", CheckParameterType.Text)],
        [CheckKind.YearlyActionPlan] =
        [
            new("unitKinds", CheckParameterType.SubsetOf, AllowedValues: UnitKinds),
            new("evaluatedEveryYears", CheckParameterType.Integer, Minimum: 1),
        ],
        [CheckKind.ContactPersonPerOffice] = [new("unitKinds", CheckParameterType.SubsetOf, AllowedValues: UnitKinds)],
        [CheckKind.ChildPerspective] = [],
        [CheckKind.ResultsReported] =
        [
            new("yearly", CheckParameterType.Boolean),
            new("atCompletion", CheckParameterType.Boolean),
            // The due dates, when the municipality's differ from R11's defaults (end of February; 60 days after the end).
            new("yearlyDueMonth", CheckParameterType.Integer, Required: false, Minimum: 1),
            new("finalDueDays", CheckParameterType.Integer, Required: false, Minimum: 0),
        ],
    };

    public static IReadOnlyList<CheckParameterSpec> Parameters(CheckKind kind) => Schemas[kind];

    public static CheckParameterSpec? Parameter(CheckKind kind, string name) => Schemas[kind].FirstOrDefault(p => p.Name == name);

    /// <summary>
    /// Checks one check's parameters against its kind's schema. Values are <see cref="int"/>, <see cref="bool"/>,
    /// <see cref="string"/> or <see cref="IReadOnlyList{T}"/> of string; anything else is invalid for the parameter.
    /// </summary>
    /// <param name="goalCodes">The codes of the version's goals, for <see cref="CheckParameterType.GoalCode"/>.</param>
    public static IReadOnlyList<CheckParameterError> Validate(CheckKind kind, IReadOnlyDictionary<string, object?> parameters, IReadOnlyCollection<string> goalCodes)
    {
        var errors = new List<CheckParameterError>();
        var schema = Schemas[kind];
        foreach (var name in parameters.Keys.Where(n => schema.All(p => p.Name != n)))
            errors.Add(new(name, CheckParameterProblem.Unknown));

        foreach (var spec in schema)
        {
            if (!parameters.TryGetValue(spec.Name, out var value) || value is null)
            {
                if (spec.Required) errors.Add(new(spec.Name, CheckParameterProblem.Missing));
                continue;
            }
            if (ValidateValue(spec, value, goalCodes) is { } error) errors.Add(error);
        }

        // 004 4.2 / 003: reporting neither yearly nor at completion would demand nothing.
        if (kind == CheckKind.ResultsReported && errors.Count == 0
            && parameters.GetValueOrDefault("yearly") is false && parameters.GetValueOrDefault("atCompletion") is false)
            errors.Add(new("yearly", CheckParameterProblem.Inconsistent));
        if (kind == CheckKind.ResultsReported && parameters.GetValueOrDefault("yearlyDueMonth") is int month && month > 12)
            errors.Add(new("yearlyDueMonth", CheckParameterProblem.Invalid, month.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return errors;
    }

    private static CheckParameterError? ValidateValue(CheckParameterSpec spec, object value, IReadOnlyCollection<string> goalCodes)
    {
        var name = spec.Name;
        switch (spec.Type)
        {
            case CheckParameterType.Integer:
                return value is int i && (spec.Minimum is not { } min || i >= min) ? null : new(name, CheckParameterProblem.Invalid, Show(value));
            case CheckParameterType.Boolean:
                return value is bool ? null : new(name, CheckParameterProblem.Invalid, Show(value));
            case CheckParameterType.Text:
                return value is string s && !string.IsNullOrWhiteSpace(s) ? null : new(name, CheckParameterProblem.Invalid, Show(value));
            case CheckParameterType.OneOf:
                return value is string one && spec.AllowedValues!.Contains(one) ? null : new(name, CheckParameterProblem.Invalid, Show(value));
            case CheckParameterType.GoalCode:
                if (value is not string code || string.IsNullOrWhiteSpace(code)) return new(name, CheckParameterProblem.Invalid, Show(value));
                return goalCodes.Contains(code) ? null : new(name, CheckParameterProblem.UnknownGoal, code);
            case CheckParameterType.SubsetOf:
                if (value is not IReadOnlyList<string> { Count: > 0 } list) return new(name, CheckParameterProblem.Invalid, Show(value));
                if (list.FirstOrDefault(v => !spec.AllowedValues!.Contains(v)) is { } wrong) return new(name, CheckParameterProblem.Invalid, wrong);
                if (list.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1) is { } twice) return new(name, CheckParameterProblem.Duplicate, twice.Key);
                return null;
            default:
                throw new InvalidOperationException($"No validation for parameter type {spec.Type}.");
        }
    }

    private static string? Show(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(", ", list),
        _ => null,
    };
}
