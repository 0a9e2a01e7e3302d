using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Common;

namespace Omvarld.Domain.Countries;

/// <summary>What the exception form and the API send: the KS decision as its minutes give it.</summary>
/// <param name="Body">The deciding body; empty means <see cref="PreconditionException.DefaultBody"/>.</param>
/// <param name="DecisionFileId">The stored decision document (minutes extract), when one is attached.</param>
public sealed record ExceptionDecision(
    string? Body,
    DateOnly? DecidedOn,
    string? MinuteParagraph,
    string? CaseNumber,
    string? DecisionText,
    Guid ActivityId,
    Guid PartnerId,
    DateOnly? ValidUntil,
    Guid? DecisionFileId = null);

/// <summary>
/// R9, BORAS-2023 ("Om en verksamhet vill ingå ett samarbete med en part som inte uppfyller kraven ska beslut om
/// undantag fattas av Kommunstyrelsen"): an exception (<i>undantag</i>) that lets one activity work with one partner
/// that does not fulfil the precondition, from the decision day until <see cref="ValidUntil"/>. Only the KS
/// secretariat records it (<see cref="AccessScope.CanRecordPreconditionExceptions"/>).
/// </summary>
public sealed class PreconditionException : ITenantOwned, IAudited, IVersioned
{
    public const string DefaultBody = "Kommunstyrelsen";
    public const int BodyMaxLength = 100;
    public const int MinuteParagraphMaxLength = 20;
    public const int CaseNumberMaxLength = Activity.CaseNumberMaxLength;
    public const int DecisionTextMaxLength = 8000;

    private PreconditionException() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public string Body { get; private set; } = DefaultBody;
    public DateOnly DecidedOn { get; private set; }
    /// <summary>The minutes' paragraph (<i>§</i>), as the minutes write it.</summary>
    public string MinuteParagraph { get; private set; } = "";
    /// <summary><i>Diarienummer</i>.</summary>
    public string CaseNumber { get; private set; } = "";
    public string DecisionText { get; private set; } = "";
    public Guid ActivityId { get; private set; }
    public Guid PartnerId { get; private set; }
    /// <summary>The last day the exception covers.</summary>
    public DateOnly ValidUntil { get; private set; }
    public Guid? DecisionFileId { get; private set; }
    public Guid RecordedByUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public int Version { get; set; }

    /// <param name="activityPartnerIds">The partner ids of the activity the decision names: the partner must be one of them.</param>
    public static (PreconditionException? Value, Result Result) Create(
        Guid municipalityId, ExceptionDecision decision, IReadOnlyCollection<Guid> activityPartnerIds, AccessScope recorder, Guid recordedBy, DateTimeOffset at)
    {
        var exception = new PreconditionException { MunicipalityId = municipalityId, Id = Guid.CreateVersion7(), RecordedByUserId = recordedBy, RecordedAt = at };
        var result = exception.Correct(decision, activityPartnerIds, recorder);
        return result.IsOk ? (exception, result) : (null, result);
    }

    /// <summary>Corrects the record of the decision (a typing error, the document attached later): every field or none.</summary>
    public Result Correct(ExceptionDecision decision, IReadOnlyCollection<Guid> activityPartnerIds, AccessScope recorder)
    {
        // 001: KS alone decides an exception, and its secretariat alone records one.
        if (!recorder.CanRecordPreconditionExceptions) return Result.Fail("Exception_NotAllowed");
        var body = Text.Clean(decision.Body) ?? DefaultBody;
        if (body.Length > BodyMaxLength) return Result.Fail("Exception_BodyTooLong", nameof(Body), BodyMaxLength);
        if (decision.DecidedOn is not { } decidedOn) return Result.Fail("Exception_DateRequired", nameof(DecidedOn));
        if (!InRange(decidedOn)) return Result.Fail("Exception_DateOutOfRange", nameof(DecidedOn), Activity.FirstYear, Activity.LastYear);
        var paragraph = Text.Clean(decision.MinuteParagraph);
        if (paragraph is null) return Result.Fail("Exception_ParagraphRequired", nameof(MinuteParagraph));
        if (paragraph.Length > MinuteParagraphMaxLength) return Result.Fail("Exception_ParagraphTooLong", nameof(MinuteParagraph), MinuteParagraphMaxLength);
        var caseNumber = Text.Clean(decision.CaseNumber);
        if (caseNumber is null) return Result.Fail("Exception_CaseNumberRequired", nameof(CaseNumber));
        if (caseNumber.Length > CaseNumberMaxLength) return Result.Fail("Exception_CaseNumberTooLong", nameof(CaseNumber), CaseNumberMaxLength);
        var text = Text.CleanBlock(decision.DecisionText);
        if (text is null) return Result.Fail("Exception_TextRequired", nameof(DecisionText));
        if (text.Length > DecisionTextMaxLength) return Result.Fail("Exception_TextTooLong", nameof(DecisionText), DecisionTextMaxLength);
        if (decision.ValidUntil is not { } validUntil) return Result.Fail("Exception_ValidUntilRequired", nameof(ValidUntil));
        if (validUntil <= decidedOn) return Result.Fail("Exception_ValidUntilBeforeDate", nameof(ValidUntil));
        if (!InRange(validUntil)) return Result.Fail("Exception_DateOutOfRange", nameof(ValidUntil), Activity.FirstYear, Activity.LastYear);
        if (decision.ActivityId == Guid.Empty) return Result.Fail("Exception_ActivityRequired", nameof(ActivityId));
        if (decision.PartnerId == Guid.Empty) return Result.Fail("Exception_PartnerRequired", nameof(PartnerId));
        if (!activityPartnerIds.Contains(decision.PartnerId)) return Result.Fail("Exception_PartnerNotInActivity", nameof(PartnerId));

        Body = body;
        DecidedOn = decidedOn;
        MinuteParagraph = paragraph;
        CaseNumber = caseNumber;
        DecisionText = text;
        ActivityId = decision.ActivityId;
        PartnerId = decision.PartnerId;
        ValidUntil = validUntil;
        DecisionFileId = decision.DecisionFileId;
        return Result.Ok;
    }

    /// <summary>In force on <paramref name="day"/>: from the decision day to <see cref="ValidUntil"/>, both included.</summary>
    public bool IsValidOn(DateOnly day) => DecidedOn <= day && day <= ValidUntil;

    /// <summary>Was in force and has ended before <paramref name="day"/>.</summary>
    public bool HasExpiredOn(DateOnly day) => ValidUntil < day;

    public bool Covers(Guid activityId, Guid partnerId) => ActivityId == activityId && PartnerId == partnerId;

    private static bool InRange(DateOnly day) => day.Year is >= Activity.FirstYear and <= Activity.LastYear;
}
