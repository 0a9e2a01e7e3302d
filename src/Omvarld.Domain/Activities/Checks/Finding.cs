using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Activities.Checks;

public enum FindingSeverity
{
    /// <summary>Worth knowing; nothing to do yet.</summary>
    Info = 1,
    /// <summary>The policy says "bör" (should) or a deadline has passed: saved and approvable, but shown.</summary>
    Warning = 2,
    /// <summary>The policy says "ska" (must): approval is refused until it is mended.</summary>
    Blocking = 3,
}

/// <summary>
/// What one check found about one activity under one policy version, citing the clause that demands it.
/// <see cref="MessageKey"/> is a resource key the web words in Swedish with <see cref="Args"/>; <see cref="Field"/>
/// names the part of the activity to mend, when there is one.
/// </summary>
public sealed record Finding(
    CheckKind Check,
    FindingSeverity Severity,
    string MessageKey,
    IReadOnlyList<object> Args,
    string PolicyVersionKey,
    string PolicyVersionLabel,
    string Clause,
    string? Field = null)
{
    public static Finding Of(ActivityCheckContext ctx, CheckDefinition check, FindingSeverity severity, string messageKey, string? field, params object[] args) =>
        new(check.Kind, severity, messageKey, args, ctx.Policy.Key, ctx.Policy.Version.Label, check.Clause, field);
}
