namespace Omvarld.Web.Features.Activities;

/// <summary>What the findings partial shows: the activity as stored, and the title of the policy document its version belongs to.</summary>
public sealed record FindingsView(ActivityDto Activity, string? PolicyTitle);
