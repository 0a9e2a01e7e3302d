using Omvarld.Domain.Common;

namespace Omvarld.Domain.Countries;

/// <summary>What the judgement form and the API send.</summary>
/// <param name="City">Null or empty: the judgement is about the country.</param>
public sealed record JudgementDetails(string? CountryCode, string? City, AssessmentOutcome Outcome, string? Reason, string? Evidence);

/// <summary>
/// R8: a person's judgement of whether a partner country, or one city in it, fulfils the precondition, overriding
/// what the data says. It carries who, when and why; the data result is kept beside it
/// (<see cref="AssessmentResult.DataOutcome"/>), never replaced. A city without a judgement of its own inherits its
/// country's (<see cref="CountryAssessment.Judge"/>).
/// </summary>
public sealed class ManualJudgement : ITenantOwned, IAudited, IVersioned
{
    public const int CityMaxLength = 100;
    public const int ReasonMaxLength = 4000;
    public const int EvidenceMaxLength = 4000;

    private ManualJudgement() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string CountryAlpha2 { get; private set; } = "";
    public string? City { get; private set; }
    /// <summary><see cref="AssessmentOutcome.Met"/> or <see cref="AssessmentOutcome.NotMet"/>: a judgement decides.</summary>
    public AssessmentOutcome Outcome { get; private set; }
    public string Reason { get; private set; } = "";
    /// <summary>What the judgement rests on besides the data (reports, contacts, decisions).</summary>
    public string? Evidence { get; private set; }
    public Guid JudgedByUserId { get; private set; }
    public DateTimeOffset JudgedAt { get; private set; }
    public int Version { get; set; }

    /// <param name="countries">The alpha-2 codes the caller knows (countries.csv).</param>
    public static (ManualJudgement? Value, Result Result) Create(Guid municipalityId, JudgementDetails details, IReadOnlySet<string> countries, Guid judgedBy, DateTimeOffset at)
    {
        var judgement = new ManualJudgement { MunicipalityId = municipalityId, Id = Guid.CreateVersion7() };
        var result = judgement.Update(details, countries, judgedBy, at);
        return result.IsOk ? (judgement, result) : (null, result);
    }

    /// <summary>Changes every field or none; whoever changes it becomes the one who judged, at that time.</summary>
    public Result Update(JudgementDetails details, IReadOnlySet<string> countries, Guid judgedBy, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(details.CountryCode)) return Result.Fail("Judgement_CountryRequired", nameof(CountryAlpha2));
        var country = CountryCodes.Normalise(details.CountryCode, countries);
        if (country is null) return Result.Fail("Judgement_CountryUnknown", nameof(CountryAlpha2));
        var city = Text.Clean(details.City);
        if (city is { Length: > CityMaxLength }) return Result.Fail("Judgement_CityTooLong", nameof(City), CityMaxLength);
        if (details.Outcome is not (AssessmentOutcome.Met or AssessmentOutcome.NotMet)) return Result.Fail("Judgement_OutcomeInvalid", nameof(Outcome));
        var reason = Text.CleanBlock(details.Reason);
        if (reason is null) return Result.Fail("Judgement_ReasonRequired", nameof(Reason));
        if (reason.Length > ReasonMaxLength) return Result.Fail("Judgement_ReasonTooLong", nameof(Reason), ReasonMaxLength);
        var evidence = Text.CleanBlock(details.Evidence);
        if (evidence is { Length: > EvidenceMaxLength }) return Result.Fail("Judgement_EvidenceTooLong", nameof(Evidence), EvidenceMaxLength);
        if (judgedBy == Guid.Empty) throw new ArgumentException("A judgement is made by someone.", nameof(judgedBy));

        CountryAlpha2 = country;
        City = city;
        Outcome = details.Outcome;
        Reason = reason;
        Evidence = evidence;
        JudgedByUserId = judgedBy;
        JudgedAt = at;
        return Result.Ok;
    }
}
