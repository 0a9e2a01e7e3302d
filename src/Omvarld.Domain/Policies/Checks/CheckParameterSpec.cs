namespace Omvarld.Domain.Policies.Checks;

public enum CheckParameterType
{
    /// <summary>An <see cref="int"/> of at least <see cref="CheckParameterSpec.Minimum"/>.</summary>
    Integer = 1,
    Boolean = 2,
    /// <summary>A non-empty string.</summary>
    Text = 3,
    /// <summary>One string of <see cref="CheckParameterSpec.AllowedValues"/>.</summary>
    OneOf = 4,
    /// <summary>A non-empty list of distinct strings, each among <see cref="CheckParameterSpec.AllowedValues"/>.</summary>
    SubsetOf = 5,
    /// <summary>The code of a goal of the same version.</summary>
    GoalCode = 6,
}

/// <summary>One parameter a check kind takes.</summary>
public sealed record CheckParameterSpec(string Name, CheckParameterType Type, bool Required = true, int? Minimum = null, IReadOnlyList<string>? AllowedValues = null);

public enum CheckParameterProblem
{
    Missing = 1,
    /// <summary>The kind takes no parameter of that name.</summary>
    Unknown = 2,
    /// <summary>The value is not of the spec's type, not in its range or not among its allowed values.</summary>
    Invalid = 3,
    /// <summary>A <see cref="CheckParameterType.GoalCode"/> naming no goal of the version.</summary>
    UnknownGoal = 4,
    /// <summary>A list names the same value twice.</summary>
    Duplicate = 5,
    /// <summary>The parameters are each valid but do not make sense together (<c>results-reported</c> with nothing reported).</summary>
    Inconsistent = 6,
}

/// <summary>What is wrong with one parameter of a check; <see cref="Value"/> is the offending value where there is one.</summary>
public sealed record CheckParameterError(string Parameter, CheckParameterProblem Problem, string? Value = null);
