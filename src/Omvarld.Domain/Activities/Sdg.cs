using System.Globalization;
using System.Text.RegularExpressions;

namespace Omvarld.Domain.Activities;

/// <summary>
/// A UN Sustainable Development Goal, 1–17, or one of its targets: <c>11.3</c> (numbered, at most 19 per goal) or
/// <c>11.a</c> (means of implementation, a–c). The target's number before the dot is the goal's.
/// </summary>
public readonly partial record struct Sdg(int Goal, string? Target)
{
    public const int FirstGoal = 1;
    public const int LastGoal = 17;

    /// <summary>Parses <c>11</c> or <c>11.3</c>; null for a goal outside 1–17 or a malformed target.</summary>
    public static Sdg? Parse(string? text)
    {
        text = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text)) return null;
        var match = Pattern().Match(text);
        if (!match.Success) return null;
        var goal = int.Parse(match.Groups["goal"].Value, CultureInfo.InvariantCulture);
        if (goal is < FirstGoal or > LastGoal) return null;
        return match.Groups["target"].Success ? new Sdg(goal, $"{goal}.{match.Groups["target"].Value}") : new Sdg(goal, null);
    }

    public override string ToString() => Target ?? Goal.ToString(CultureInfo.InvariantCulture);

    // Goal 1-99 without a leading zero (17 is checked after); a target 1-19 (17.19 is the highest) or a-c.
    [GeneratedRegex(@"^(?<goal>[1-9][0-9]?)(\.(?<target>[1-9]|1[0-9]|[a-c]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
