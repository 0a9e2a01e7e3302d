using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Common;

namespace Omvarld.Domain.Plans;

/// <summary>What the priority form and the API send.</summary>
/// <param name="DecidedOn">KS's decision that set the priority: its date, minute paragraph (§) and case number (<i>diarienummer</i>).</param>
public sealed record PriorityInput(int Year, string? Title, string? Text, IReadOnlyList<string>? GoalCodes, IReadOnlyList<int>? Sdgs,
    DateOnly? DecidedOn = null, string? MinuteParagraph = null, string? CaseNumber = null);

/// <summary>
/// R17, BORAS-2009 ("Fastställer övergripande prioriteringar för det internationella området"): one of KS's overall
/// priorities (<i>prioritering</i>) for the international area in a year, with the goals of the policy in force that year
/// and the SDGs it stresses. The KS secretariat records it; the coordinator may too.
/// </summary>
public sealed class Priority : ITenantOwned, IAudited, IVersioned
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;

    private Priority() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public string? Text { get; private set; }
    /// <summary>Codes of goals of the policy version in force in <see cref="Year"/>.</summary>
    public string[] GoalCodes { get; private set; } = [];
    /// <summary>SDG goals (1–17) the priority stresses.</summary>
    public int[] Sdgs { get; private set; } = [];
    /// <summary>
    /// KS's decision that set the priority (003: "Fastställer övergripande prioriteringar"): date, § and case number.
    /// All three or none: a priority recorded before the minutes are out carries none, and the list says so.
    /// </summary>
    public DateOnly? DecidedOn { get; private set; }
    public string? MinuteParagraph { get; private set; }
    public string? CaseNumber { get; private set; }
    public int Version { get; set; }

    public const int MinuteParagraphMaxLength = 20;
    public const int CaseNumberMaxLength = 50;

    /// <param name="goalCodes">The goal codes of the policy in force in the year of the input.</param>
    public static (Priority? Value, Result Result) Create(Guid municipalityId, PriorityInput input, IReadOnlySet<string> goalCodes, AccessScope by)
    {
        var priority = new Priority { MunicipalityId = municipalityId, Id = Guid.CreateVersion7() };
        var result = priority.Apply(input, goalCodes, by);
        return result.IsOk ? (priority, result) : (null, result);
    }

    public Result Update(PriorityInput input, IReadOnlySet<string> goalCodes, AccessScope by) => Apply(input, goalCodes, by);

    private Result Apply(PriorityInput input, IReadOnlySet<string> goalCodes, AccessScope by)
    {
        // 003: KS sets the priorities; its secretariat records them, the coordinator may help.
        if (!by.CanSetPriorities) return Result.Fail("Priority_NotAllowed");
        if (input.Year is < Activity.FirstYear or > Activity.LastYear) return Result.Fail("Priority_YearInvalid", nameof(Year), Activity.FirstYear, Activity.LastYear);
        var title = Common.Text.Clean(input.Title);
        if (title is null) return Result.Fail("Priority_TitleRequired", nameof(Title));
        if (title.Length > TitleMaxLength) return Result.Fail("Priority_TitleTooLong", nameof(Title), TitleMaxLength);
        var text = Common.Text.CleanBlock(input.Text);
        if (text is { Length: > TextMaxLength }) return Result.Fail("Priority_TextTooLong", nameof(Text), TextMaxLength);
        var goals = (input.GoalCodes ?? []).Select(c => c?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToArray();
        if (goals.FirstOrDefault(c => !goalCodes.Contains(c)) is { } unknown) return Result.Fail("Priority_GoalUnknown", nameof(GoalCodes), unknown);
        var sdgs = (input.Sdgs ?? []).Distinct().Order().ToArray();
        if (sdgs.Any(s => s is < Sdg.FirstGoal or > Sdg.LastGoal)) return Result.Fail("Priority_SdgInvalid", nameof(Sdgs));
        var paragraph = Common.Text.Clean(input.MinuteParagraph);
        var caseNumber = Common.Text.Clean(input.CaseNumber);
        if (input.DecidedOn is null != (paragraph is null) || paragraph is null != (caseNumber is null))
            return Result.Fail("Priority_DecisionIncomplete", nameof(DecidedOn));
        if (input.DecidedOn is { } decided && (decided.Year < Activity.FirstYear || decided.Year > input.Year))
            return Result.Fail("Priority_DecisionDateInvalid", nameof(DecidedOn), input.Year);
        if (paragraph is { Length: > MinuteParagraphMaxLength }) return Result.Fail("Priority_DecisionTooLong", nameof(MinuteParagraph), MinuteParagraphMaxLength);
        if (caseNumber is { Length: > CaseNumberMaxLength }) return Result.Fail("Priority_DecisionTooLong", nameof(CaseNumber), CaseNumberMaxLength);
        Year = input.Year;
        DecidedOn = input.DecidedOn;
        MinuteParagraph = paragraph;
        CaseNumber = caseNumber;
        Title = title;
        Text = text;
        GoalCodes = goals;
        Sdgs = sdgs;
        return Result.Ok;
    }
}

/// <summary>R17: an activity that serves one of KS's priorities. Additive to the activity: the activity itself does not change.</summary>
public sealed class ActivityPriority : ITenantOwned, IAudited
{
    private ActivityPriority() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid PriorityId { get; private set; }

    /// <summary>The activity's editors (the coordinator included) and KS's secretariat may link it to a priority.</summary>
    public static (ActivityPriority? Value, Result Result) Link(Activity activity, Priority priority, AccessScope by)
    {
        if (!by.CanEditFor(activity.OwnerUnitId) && !by.CanSetPriorities) return (null, Result.Fail("Priority_LinkNotAllowed"));
        if (activity.MunicipalityId != priority.MunicipalityId) return (null, Result.Fail("Priority_NotFound", nameof(PriorityId)));
        return (new ActivityPriority { MunicipalityId = activity.MunicipalityId, Id = Guid.CreateVersion7(), ActivityId = activity.Id, PriorityId = priority.Id }, Result.Ok);
    }
}
