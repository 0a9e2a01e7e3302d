using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Partners;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Partners;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities;

/// <summary>
/// The activity form's fields, shared by the create and edit pages. Checking is the domain's (through
/// <see cref="ActivityService"/>); the form only carries what was typed, so a refused save shows it again.
/// </summary>
public sealed class ActivityFormInput
{
    [Display(Name = "Field_Title")] public string? Title { get; set; }
    [Display(Name = "Field_Description")] public string? Description { get; set; }
    [Display(Name = "Field_ActivityKind")] public ActivityKind? Kind { get; set; }
    [Display(Name = "Field_OwnerUnitId")] public Guid? OwnerUnitId { get; set; }
    [Display(Name = "Field_ResponsibleUserId")] public Guid? ResponsibleUserId { get; set; }
    [Display(Name = "Field_Start")] public DateOnly? Start { get; set; }
    [Display(Name = "Field_End")] public DateOnly? End { get; set; }
    [Display(Name = "Field_Purpose")] public string? Purpose { get; set; }
    [Display(Name = "Field_ExpectedResults")] public string? ExpectedResults { get; set; }
    [Display(Name = "Field_Motivation")] public string? Motivation { get; set; }
    [Display(Name = "Field_ChildPerspective")] public string? ChildPerspective { get; set; }
    [Display(Name = "Field_CaseNumber")] public string? CaseNumber { get; set; }
    [Display(Name = "Field_AimedAtEnablingInternationalWork")] public bool AimedAtEnablingInternationalWork { get; set; }
    /// <summary>One row per goal offered; every row posts its code (hidden), so the list binds without gaps.</summary>
    public List<GoalRow> Goals { get; set; } = [];
    [Display(Name = "Field_Sdgs")] public List<int> SdgGoals { get; set; } = [];
    [Display(Name = "Field_SdgTargets")] public string? SdgTargets { get; set; }
    public List<PartnerRow> Partners { get; set; } = [];
    /// <summary>A partner organisation not yet in the directory, added to it from the form (<see cref="ActivityFormPage.OnPostNewPartnerAsync"/>).</summary>
    public NewPartnerRow NewPartner { get; set; } = new();
    public int? Version { get; set; }

    public sealed class GoalRow
    {
        public string? Code { get; set; }
        public bool Selected { get; set; }
        [Display(Name = "Field_GoalHow")] public string? How { get; set; }
    }

    public sealed class PartnerRow
    {
        [Display(Name = "Field_PartnerId")] public Guid? PartnerId { get; set; }
        [Display(Name = "Field_PartnerRole")] public PartnerRole? Role { get; set; }
    }

    public sealed class NewPartnerRow
    {
        [Display(Name = "Field_Name")] public string? Name { get; set; }
        [Display(Name = "Field_PartnerType")] public PartnerType? Type { get; set; }
        [Display(Name = "Field_City")] public string? City { get; set; }
        [Display(Name = "Field_CountryCode")] public string? CountryCode { get; set; }
        [Display(Name = "Field_PartnerRole")] public PartnerRole? Role { get; set; }
    }

    public ActivityInput ToInput() => new(Title, Description, Kind, OwnerUnitId, ResponsibleUserId, Start, End, Purpose, ExpectedResults, Motivation,
        ChildPerspective, CaseNumber, AimedAtEnablingInternationalWork,
        Goals.Where(g => g.Selected).Select(g => new GoalServed(g.Code, g.How)).ToList(),
        Sdgs(),
        Partners.Where(p => p.PartnerId is not null).Select(p => new PartnerRoleInput(p.PartnerId!.Value, p.Role ?? PartnerRole.Partner)).ToList(),
        Version);

    /// <summary>The goals ticked (<c>11</c>) and the targets typed (<c>11.3, 4.7</c>); the domain refuses a malformed one.</summary>
    public List<string> Sdgs() =>
        SdgGoals.Distinct().Order().Select(g => g.ToString(CultureInfo.InvariantCulture))
            .Concat((SdgTargets ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();

    public static ActivityFormInput From(ActivityDto a) => new()
    {
        Title = a.Title, Description = a.Description, Kind = a.Kind, OwnerUnitId = a.OwnerUnitId, ResponsibleUserId = a.ResponsibleUserId,
        Start = a.Start, End = a.End, Purpose = a.Purpose, ExpectedResults = a.ExpectedResults, Motivation = a.Motivation,
        ChildPerspective = a.ChildPerspective, CaseNumber = a.CaseNumber, AimedAtEnablingInternationalWork = a.AimedAtEnablingInternationalWork,
        Goals = a.Goals.Select(g => new GoalRow { Code = g.Code, Selected = true, How = g.How }).ToList(),
        SdgGoals = a.Sdgs.Where(s => s.Target is null).Select(s => s.Goal).ToList(),
        SdgTargets = string.Join(", ", a.Sdgs.Where(s => s.Target is not null).Select(s => s.Target)),
        Partners = a.Partners.Select(p => new PartnerRow { PartnerId = p.PartnerId, Role = p.Role }).ToList(),
        Version = a.Version,
    };
}

/// <summary>A goal the form offers: its code and name, the clause, and the policy version it belongs to.</summary>
public sealed record GoalOption(string Code, string Name, string Clause, string VersionLabel);

/// <summary>What the form's choice lists hold, and the rows to show for goals and partners.</summary>
public sealed record ActivityFormView(
    ActivityFormInput Input,
    List<SelectListItem> Units,
    List<SelectListItem> Users,
    List<GoalOption> Goals,
    List<SelectListItem> Partners,
    IReadOnlyList<SdgGoal> Sdgs,
    /// <summary>The countries for a new partner's row, by Swedish name.</summary>
    List<SelectListItem> Countries,
    /// <summary>The policy versions whose goals are offered (in force today and at the start), for the hint.</summary>
    IReadOnlyList<string> PolicyLabels)
{
    /// <summary>The new partner's row stays open while it holds something typed (a refused addition shows it again).</summary>
    public bool NewPartnerOpen => Input.NewPartner is { } n && (n.Name is not null || n.Type is not null || n.City is not null || n.CountryCode is not null);
}

/// <summary>One partner row of the form; <see cref="Index"/> is "__n__" in the template site.js copies.</summary>
public sealed record PartnerRowView(ActivityFormView Form, string Index, ActivityFormInput.PartnerRow Row);

/// <summary>Loads the form's choice lists: the units the user may edit, the municipality's active users, the partner directory and the goals.</summary>
public sealed class ActivityFormOptions(OmvarldDbContext db, CurrentUser me, PolicyService policies, PartnerService partners, ReferenceData reference, TimeProvider clock)
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>
    /// Builds the view for <paramref name="input"/>. Goals: those of the policy version in force today and of the one in
    /// force at the form's start date, merged by code (the start may move into another policy period while typing; the
    /// server refuses a goal the start's version does not have, naming the rule, and the form then shows that version's
    /// goals). Goal rows are rebuilt so that every offered goal has one row, keeping what was ticked and typed.
    /// </summary>
    /// <param name="emptyPartnerRows">Empty partner rows below the chosen ones (one; more after "Lägg till samarbetspart").</param>
    public async Task<ActivityFormView> BuildAsync(ActivityFormInput input, int emptyPartnerRows = 1, CancellationToken ct = default)
    {
        var scope = await me.GetScopeAsync(ct);
        var tree = await me.GetUnitTreeAsync(ct);
        var editable = tree.DepthFirst().Where(r => (!r.Node.IsClosed && scope.CanEditFor(r.Node.Id)) || r.Node.Id == input.OwnerUnitId).ToList();
        var top = editable.Count == 0 ? 0 : editable.Min(r => r.Depth);
        var units = editable.Select(r => new SelectListItem(new string('\u00A0', (r.Depth - top) * 3) + r.Node.Name, r.Node.Id.ToString())).ToList();
        var municipality = db.CurrentMunicipalityId;
        // Guid to text in memory: SQL would give SQLite's upper-case text, which the form's lower-case values never match.
        var users = (await db.Users.AsNoTracking().Where(u => u.MunicipalityId == municipality && (u.IsActive || u.Id == input.ResponsibleUserId))
                .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .Select(u => new SelectListItem(u.DisplayName, u.Id.ToString())).ToList();

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var offered = new List<GoalOption>();
        var labels = new List<string>();
        foreach (var date in new[] { input.Start ?? today, today }.Distinct())
        {
            if (await policies.ActivityPolicyOnAsync(date, ct) is not { } policy) continue;
            if (!labels.Contains(policy.Label)) labels.Add(policy.Label);
            foreach (var g in policy.Definition.Version.Goals.Where(g => offered.All(o => o.Code != g.Code)))
                offered.Add(new GoalOption(g.Code, g.Name, g.Clause, policy.Label));
        }
        // A stored goal no version offers any more stays visible, so that unticking it is possible.
        foreach (var g in input.Goals.Where(g => g.Code is not null && offered.All(o => o.Code != g.Code)))
            offered.Add(new GoalOption(g.Code!, g.Code!, "", ""));
        var posted = input.Goals.Where(g => g.Code is not null).GroupBy(g => g.Code!).ToDictionary(g => g.Key, g => g.First());
        input.Goals = offered.Select(o => posted.GetValueOrDefault(o.Code) ?? new ActivityFormInput.GoalRow { Code = o.Code }).ToList();

        var directory = (await partners.AllAsync(ct))
            .Select(p => new SelectListItem($"{p.Name} ({(p.City is null ? "" : p.City + ", ")}{p.CountryName})", p.Id.ToString())).ToList();
        input.Partners = input.Partners.Where(p => p.PartnerId is not null)
            .Concat(Enumerable.Range(0, Math.Max(emptyPartnerRows, 0)).Select(_ => new ActivityFormInput.PartnerRow())).ToList();
        var countries = reference.CountriesByAlpha2.Values.OrderBy(c => c.NameSv, StringComparer.Create(Sv, false))
            .Select(c => new SelectListItem(c.NameSv, c.Alpha2)).ToList();
        return new ActivityFormView(input, units, users, offered, directory, reference.Sdgs, countries, labels);
    }
}

public static class ResultErrors
{
    /// <summary>Adds a refused result's Swedish message to the field it names (with <paramref name="prefix"/>), or to the form as a whole.</summary>
    public static void AddResult(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string prefix, Omvarld.Domain.Common.Result result,
        Microsoft.Extensions.Localization.IStringLocalizer l) =>
        modelState.AddModelError(result.Field is null ? string.Empty : prefix + result.Field, l.Message(result));
}
