namespace Omvarld.Web.Features.Activities;

/// <summary>
/// What the findings partial shows: the policy version applied (none: no version in force), the findings, and the title
/// of the policy document the version belongs to. <see cref="Saveable"/> is false when the form as it stands would be
/// refused; its one finding then says why.
/// </summary>
public sealed record FindingsView(PolicyRefDto? Policy, IReadOnlyList<FindingDto> Findings, string? PolicyTitle, bool Saveable = true)
{
    public FindingsView(ActivityDto activity, string? policyTitle) : this(activity.Policy, activity.Findings, policyTitle) { }

    public FindingsView(ActivityPreview preview) : this(preview.Policy, preview.Findings, preview.PolicyTitle, preview.Saveable) { }
}

/// <summary>The findings of an unsaved form (<see cref="ActivityService.PreviewAsync"/>).</summary>
public sealed record ActivityPreview(PolicyRefDto? Policy, string? PolicyTitle, IReadOnlyList<FindingDto> Findings, bool Saveable)
{
    public static ActivityPreview Refused(FindingDto why) => new(null, null, [why], false);
}
