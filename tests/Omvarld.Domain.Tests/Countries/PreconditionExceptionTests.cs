using Omvarld.Domain.Access;
using Omvarld.Domain.Countries;

namespace Omvarld.Domain.Tests.Countries;

public class PreconditionExceptionTests
{
    public static readonly Guid Municipality = Guid.NewGuid();
    public static readonly Guid Secretary = Guid.NewGuid();
    public static readonly AccessScope KsSecretariat = new(false, [(Role.KsSecretariat, null)], null);
    public static readonly AccessScope Coordinator = new(false, [(Role.Coordinator, null)], null);
    private static readonly DateTimeOffset At = new(2025, 3, 4, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly Guid Activity = Guid.NewGuid();
    private static readonly Guid Partner = Guid.NewGuid();
    private static readonly Guid[] ActivityPartners = [Guid.NewGuid(), Partner];

    public static ExceptionDecision Decision(
        string? body = null, DateOnly? decidedOn = null, string? paragraph = "§ 87", string? caseNumber = "KS 2025/00042",
        string? text = "Kommunstyrelsen beslutar att medge undantag från förutsättningen i Internationell policy för samarbetet med Pécs universitet.",
        Guid? activity = null, Guid? partner = null, DateOnly? validUntil = null, bool noDate = false, bool noValidUntil = false) =>
        new(body, noDate ? null : decidedOn ?? new DateOnly(2025, 2, 26), paragraph, caseNumber, text,
            activity ?? Activity, partner ?? Partner, noValidUntil ? null : validUntil ?? new DateOnly(2026, 12, 31), Guid.NewGuid());

    [Fact]
    public void Create_RecordsTheDecision()
    {
        var decision = Decision();
        var (exception, result) = PreconditionException.Create(Municipality, decision, ActivityPartners, KsSecretariat, Secretary, At);

        Assert.True(result.IsOk, result.Error);
        Assert.Equal((PreconditionException.DefaultBody, new DateOnly(2025, 2, 26), "§ 87", "KS 2025/00042"), (exception!.Body, exception.DecidedOn, exception.MinuteParagraph, exception.CaseNumber));
        Assert.Equal((Activity, Partner, new DateOnly(2026, 12, 31), decision.DecisionFileId), (exception.ActivityId, exception.PartnerId, exception.ValidUntil, exception.DecisionFileId));
        Assert.Equal((Municipality, Secretary, At), (exception.MunicipalityId, exception.RecordedByUserId, exception.RecordedAt));
        Assert.True(exception.Covers(Activity, Partner));
        Assert.False(exception.Covers(Activity, ActivityPartners[0]));
    }

    [Fact]
    public void Create_BodyGiven_IsKept()
    {
        var (exception, _) = PreconditionException.Create(Municipality, Decision(body: " Kommunstyrelsens arbetsutskott "), ActivityPartners, KsSecretariat, Secretary, At);
        Assert.Equal("Kommunstyrelsens arbetsutskott", exception!.Body);
    }

    public static TheoryData<ExceptionDecision, string, string?> Invalid => new()
    {
        { Decision(paragraph: " "), "Exception_ParagraphRequired", nameof(PreconditionException.MinuteParagraph) },
        { Decision(paragraph: new string('1', PreconditionException.MinuteParagraphMaxLength + 1)), "Exception_ParagraphTooLong", nameof(PreconditionException.MinuteParagraph) },
        { Decision(noDate: true), "Exception_DateRequired", nameof(PreconditionException.DecidedOn) },
        { Decision(decidedOn: new DateOnly(1889, 1, 1)), "Exception_DateOutOfRange", nameof(PreconditionException.DecidedOn) },
        { Decision(caseNumber: null), "Exception_CaseNumberRequired", nameof(PreconditionException.CaseNumber) },
        { Decision(caseNumber: new string('K', PreconditionException.CaseNumberMaxLength + 1)), "Exception_CaseNumberTooLong", nameof(PreconditionException.CaseNumber) },
        { Decision(text: ""), "Exception_TextRequired", nameof(PreconditionException.DecisionText) },
        { Decision(text: new string('a', PreconditionException.DecisionTextMaxLength + 1)), "Exception_TextTooLong", nameof(PreconditionException.DecisionText) },
        { Decision(body: new string('a', PreconditionException.BodyMaxLength + 1)), "Exception_BodyTooLong", nameof(PreconditionException.Body) },
        { Decision(noValidUntil: true), "Exception_ValidUntilRequired", nameof(PreconditionException.ValidUntil) },
        { Decision(validUntil: new DateOnly(2025, 2, 26)), "Exception_ValidUntilBeforeDate", nameof(PreconditionException.ValidUntil) },
        { Decision(validUntil: new DateOnly(2024, 12, 31)), "Exception_ValidUntilBeforeDate", nameof(PreconditionException.ValidUntil) },
        { Decision(activity: Guid.Empty), "Exception_ActivityRequired", nameof(PreconditionException.ActivityId) },
        { Decision(partner: Guid.Empty), "Exception_PartnerRequired", nameof(PreconditionException.PartnerId) },
        { Decision(partner: Guid.NewGuid()), "Exception_PartnerNotInActivity", nameof(PreconditionException.PartnerId) },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Create_Refuses(ExceptionDecision decision, string key, string? field)
    {
        var (exception, result) = PreconditionException.Create(Municipality, decision, ActivityPartners, KsSecretariat, Secretary, At);
        Assert.Null(exception);
        Assert.Equal((key, field), (result.Error, result.Field));
    }

    [Fact]
    public void Create_OnlyTheKsSecretariatRecords()
    {
        var (exception, result) = PreconditionException.Create(Municipality, Decision(), ActivityPartners, Coordinator, Secretary, At);
        Assert.Null(exception);
        Assert.Equal("Exception_NotAllowed", result.Error);
    }

    [Fact]
    public void IsValidOn_FromTheDecisionDayToValidUntilIncluded()
    {
        var (exception, _) = PreconditionException.Create(Municipality, Decision(), ActivityPartners, KsSecretariat, Secretary, At);

        Assert.False(exception!.IsValidOn(new DateOnly(2025, 2, 25)));
        Assert.True(exception.IsValidOn(new DateOnly(2025, 2, 26)));
        Assert.True(exception.IsValidOn(new DateOnly(2026, 12, 31)));
        Assert.False(exception.IsValidOn(new DateOnly(2027, 1, 1)));
        Assert.False(exception.HasExpiredOn(new DateOnly(2026, 12, 31)));
        Assert.True(exception.HasExpiredOn(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Correct_ChangesEverythingOrNothing()
    {
        var (exception, _) = PreconditionException.Create(Municipality, Decision(), ActivityPartners, KsSecretariat, Secretary, At);

        Assert.Equal("Exception_CaseNumberRequired", exception!.Correct(Decision(paragraph: "§ 88", caseNumber: null), ActivityPartners, KsSecretariat).Error);
        Assert.Equal("§ 87", exception.MinuteParagraph);
        Assert.Equal("Exception_NotAllowed", exception.Correct(Decision(paragraph: "§ 88"), ActivityPartners, Coordinator).Error);

        Assert.True(exception.Correct(Decision(paragraph: "§ 88"), ActivityPartners, KsSecretariat).IsOk);
        Assert.Equal("§ 88", exception.MinuteParagraph);
    }
}
