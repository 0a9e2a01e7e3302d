using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Omvarld.Domain.Countries;
using Omvarld.Web.Features.Reference;

namespace Omvarld.Web.Features.Precondition;

/// <summary>
/// What the country page's assessment partial shows: the country's assessment under the policy in force today, the
/// judgements made for it (the one that overrides the data among them), KS's exceptions for partners in it, and —
/// for the coordinator — the judgement form.
/// </summary>
/// <param name="Assessment">Null when the caller belongs to no municipality (the system administrator): assessments are the municipality's.</param>
/// <param name="PolicyName">"Internationell policy 2023" — null when no policy is in force today and the documented defaults are used.</param>
/// <param name="Override">The judgement that decides the outcome, with who made it; null when the data decides.</param>
public sealed record CountryAssessmentView(
    Country Country,
    AssessmentResult? Assessment,
    string? PolicyName,
    bool CriteriaAreDefault,
    JudgementDto? Override,
    IReadOnlyList<JudgementDto> Judgements,
    IReadOnlyList<ExceptionDto> Exceptions,
    bool CanJudge,
    JudgementForm Form,
    bool FormFailed);

/// <summary>The coordinator's judgement of a country (or a city in it) on the country page.</summary>
public sealed class JudgementForm
{
    [Display(Name = "ManualJudgement_Outcome")] public AssessmentOutcome? Outcome { get; set; }
    [Display(Name = "ManualJudgement_City")] public string? City { get; set; }
    [Display(Name = "ManualJudgement_Reason")] public string? Reason { get; set; }
    [Display(Name = "ManualJudgement_Evidence")] public string? Evidence { get; set; }
}

/// <summary>Numbers of the assessment as Swedes write them.</summary>
public static class AssessmentFormat
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>0,852; −1,007; a dash when there is none.</summary>
    public static string N(decimal? d, string format = "0.000") => d is { } v ? v.ToString(format, Sv).Replace('-', '−') : "–";

    /// <summary>A percentile or a level on a 0–100 scale: 23,1.</summary>
    public static string P(decimal? d) => N(d, "0.#");

    /// <summary>The CSS modifier of an outcome: met, notmet, unclear.</summary>
    public static string Css(AssessmentOutcome outcome) => outcome.ToString().ToLowerInvariant();
}

/// <summary>KS's exceptions as one table: the exception list, the country page and the activity page show them.</summary>
public sealed record ExceptionTableView(IReadOnlyList<ExceptionDto> Exceptions, bool ShowActivity = true, bool ShowCountry = true);
