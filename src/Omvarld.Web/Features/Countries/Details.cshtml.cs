using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Countries;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Precondition;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Countries;

/// <summary>
/// One country's data: the regime classification (newest year and its trend), every indicator with its year, release
/// and uncertainty, and the attribution the data's licences require. The assessment under the policy in force today
/// (R8), the judgements and KS's exceptions are shown by <c>_CountryAssessment</c>; the coordinator judges and withdraws
/// judgements here.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.MemberOrSystemAdmin)]
public sealed class DetailsModel(CountryDataService countryData, ReferenceData reference, PreconditionService precondition, PolicyService policies,
    CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");

    public Country Country { get; private set; } = null!;
    public CountryEvidence Evidence { get; private set; } = null!;
    public ReleasesInUse Releases { get; private set; } = null!;
    public CountryAssessmentView Assessment { get; private set; } = null!;

    [BindProperty] public JudgementForm Judgement { get; set; } = new();

    /// <summary>The newest classification: from the regime release (V-Dem v15) when it has the country, else from the governance release.</summary>
    public (Regime Regime, int Year, string? Release)? Latest =>
        Evidence.Regimes.LastOrDefault() is { } r ? (r.Regime, r.Year, Evidence.RegimeRelease)
        : Evidence.Governance.LastOrDefault(g => g.Regime is not null) is { } g ? (g.Regime!.Value, g.Year, Evidence.GovernanceRelease)
        : null;

    public async Task<IActionResult> OnGetAsync(string alpha2, CancellationToken ct)
    {
        if (reference.Country(alpha2) is not { } country) return NotFound();
        if (!string.Equals(country.Alpha2, alpha2, StringComparison.Ordinal)) return RedirectPermanent($"/lander/{country.Alpha2}");
        await LoadAsync(country, failed: false, ct);
        return Page();
    }

    /// <summary>The coordinator's judgement that overrides the data (R8): saved with who and when; the data result stays beside it.</summary>
    public async Task<IActionResult> OnPostJudgeAsync(string alpha2, CancellationToken ct)
    {
        if (reference.Country(alpha2) is not { } country) return NotFound();
        var j = Judgement;
        var saved = await precondition.JudgeAsync(new JudgementInput(country.Alpha2, j.City, j.Outcome, j.Reason, j.Evidence), ct);
        switch (saved.Outcome)
        {
            case PreconditionOutcome.Saved:
                TempData["Flash"] = l["PreconditionPages_JudgedFlash"].Value;
                return Redirect($"/lander/{country.Alpha2}#assessment-heading");
            case PreconditionOutcome.Forbidden:
                return Forbid();
            case PreconditionOutcome.NotFound:
                return NotFound();
        }
        ModelState.Clear();
        var field = saved.Error.Field switch { "Outcome" or "City" or "Reason" or "Evidence" => "Judgement." + saved.Error.Field, _ => string.Empty };
        ModelState.AddModelError(field, l.Message(saved.Error));
        await LoadAsync(country, failed: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string alpha2, Guid judgementId, CancellationToken ct)
    {
        if (reference.Country(alpha2) is not { } country) return NotFound();
        var saved = await precondition.WithdrawJudgementAsync(judgementId, ct);
        return saved.Outcome switch
        {
            PreconditionOutcome.Forbidden => Forbid(),
            PreconditionOutcome.NotFound => NotFound(),
            _ => WithFlash(l["PreconditionPages_WithdrawnFlash"].Value, $"/lander/{country.Alpha2}#assessment-heading"),
        };
    }

    private RedirectResult WithFlash(string flash, string url)
    {
        TempData["Flash"] = flash;
        return Redirect(url);
    }

    private async Task LoadAsync(Country country, bool failed, CancellationToken ct)
    {
        Country = country;
        Releases = await countryData.InUseAsync(ct);
        Evidence = (await countryData.EvidenceAsync(country.Alpha2, ct))!;
        var scope = await me.GetScopeAsync(ct);
        if (!scope.CanReadMunicipality)
        {
            Assessment = new CountryAssessmentView(country, null, null, true, null, [], [], false, Judgement, failed);
            return;
        }
        var today = precondition.Today;
        var policy = await policies.ActivityPolicyOnAsync(today, ct);
        var assessment = (await precondition.AssessAsync([country.Alpha2], today, policy, ct))[country.Alpha2];
        var isDefault = policy is null || (await precondition.CriteriaAsync(policy.VersionId, ct)).IsDefault;
        var judgements = await precondition.JudgementsAsync(country.Alpha2, ct);
        var exceptions = await precondition.ExceptionsAsync(alpha2: country.Alpha2, ct: ct);
        Assessment = new CountryAssessmentView(country, assessment, policy is null ? null : $"{policy.Definition.Document.Title} {policy.Label}", isDefault,
            assessment.Override is { } o ? judgements.FirstOrDefault(j => j.Id == o.Id) : null, judgements, exceptions, scope.IsCoordinator, Judgement, failed);
    }

    /// <summary>A value on its scale as Swedes write it (0,852; −1,007); a dash when the source has none.</summary>
    public static string N(decimal? d, string format = "0.000") => d is { } v ? v.ToString(format, Sv).Replace('-', '−') : "–";

    public static IEnumerable<string> Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
