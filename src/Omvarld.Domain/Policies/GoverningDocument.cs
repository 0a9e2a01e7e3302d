using Omvarld.Domain.Common;

namespace Omvarld.Domain.Policies;

/// <summary>A governing document (<i>styrdokument</i>) of a municipality, e.g. its Internationell policy. Its versions carry the content.</summary>
public sealed class GoverningDocument : ITenantOwned, IAudited, IVersioned
{
    private GoverningDocument() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    /// <summary>Stable key, the same for all versions, e.g. <c>BORAS-INTERNATIONELL-POLICY</c>.</summary>
    public string Key { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DocumentKind Kind { get; private set; }
    /// <summary>The word the document uses for its kind's group: <i>planerande</i>, <i>aktiverande</i> or <i>normerande</i>.</summary>
    public string KindGroupTerm { get; private set; } = "";
    public string? KindMeaning { get; private set; }
    /// <summary>The municipality's rule for a gap, when no version of this document is in force (see <see cref="PolicyGapRule"/>).</summary>
    public PolicyGapRule GapRule { get; private set; } = PolicyGapRule.ReasonRequired;
    public int Version { get; set; }

    /// <summary>The coordinator records the municipality's rule for a gap.</summary>
    public Result ChooseGapRule(PolicyGapRule? rule)
    {
        if (rule is not ({ } r and (PolicyGapRule.ReasonRequired or PolicyGapRule.ExpiredContinues))) return Result.Fail("GapRule_Invalid", nameof(GapRule));
        GapRule = r;
        return Result.Ok;
    }

    public static GoverningDocument From(Guid municipalityId, DocumentDefinition d) => new()
    {
        MunicipalityId = municipalityId, Id = Guid.CreateVersion7(), Key = d.Key, Title = d.Title, Kind = d.Kind,
        KindGroupTerm = d.KindGroupTerm, KindMeaning = d.KindMeaning,
    };
}

/// <summary>
/// One version of a governing document. Its content (goals, precondition, checks, full text) is the validated policy
/// file it was read from (<see cref="Source"/>), immutable once adopted; decisions about it are rows of their own.
/// </summary>
public sealed class PolicyVersion : ITenantOwned, IAudited, IVersioned
{
    private PolicyVersion() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid DocumentId { get; private set; }
    /// <summary>Stable key, e.g. <c>BORAS-2023</c>.</summary>
    public string Key { get; private set; } = "";
    public string Label { get; private set; } = "";
    public string AdoptedBy { get; private set; } = "";
    /// <summary>The validity after all decisions: a year, a date or <c>replaced</c> (see <see cref="Validity"/>).</summary>
    public string ValidUntil { get; private set; } = "";
    /// <summary>The policy file (format <c>omvarld-policy/1</c>) this version was read from.</summary>
    public string Source { get; private set; } = "";
    /// <summary>False where the version's text is not known (its file says <c>text: null</c>): it has no goals and no checks.</summary>
    public bool TextKnown { get; private set; } = true;
    public int Version { get; set; }

    public Validity Validity => Validity.Parse(ValidUntil) ?? Validity.Replaced;

    /// <summary>
    /// Records a decision about this version: its adoption (once, while it is a draft), or R3's revision or extension
    /// (e.g. 002: KS proposes, KF extends to 2021) of an adopted version. An extension must set a new validity later
    /// than the current one; the decision keeps the history, the version its new validity.
    /// </summary>
    /// <param name="adopted">Whether the version already has an adoption decision (decisions are rows of their own).</param>
    public (PolicyDecision? Decision, Result Result) RecordDecision(DecisionKind kind, bool adopted, string? body, DateOnly? date, string? proposedBy,
        string? caseNumber, string? minuteParagraph, string? validUntil, string? text)
    {
        switch (kind)
        {
            case DecisionKind.Adopted when adopted: return (null, Result.Fail("Decision_AlreadyAdopted", "Kind"));
            case DecisionKind.Revised or DecisionKind.Extended when !adopted: return (null, Result.Fail("Decision_NotAdopted", "Kind"));
            case DecisionKind.Adopted or DecisionKind.Revised or DecisionKind.Extended: break;
            default: return (null, Result.Fail("Decision_KindInvalid", "Kind"));
        }
        body = Common.Text.Clean(body);
        if (body is null) return (null, Result.Fail("Decision_BodyRequired", "Body"));
        if (body.Length > 150) return (null, Result.Fail("Validation_NameTooLong", "Body"));
        if (date is null) return (null, Result.Fail("Decision_DateRequired", "Date"));
        caseNumber = Common.Text.Clean(caseNumber);
        if (caseNumber is null) return (null, Result.Fail("Decision_CaseNumberRequired", "CaseNumber"));
        if (caseNumber.Length > 50 || Common.Text.Clean(minuteParagraph)?.Length > 20 || Common.Text.Clean(proposedBy)?.Length > 150 || text?.Length > 4000)
            return (null, Result.Fail("Decision_TooLong"));
        Validity? validity = null;
        if (!string.IsNullOrWhiteSpace(validUntil))
        {
            validity = Validity.Parse(validUntil);
            if (validity is null) return (null, Result.Fail("Decision_ValidityInvalid", "ValidUntil"));
        }
        if (kind == DecisionKind.Extended)
        {
            if (validity is not { LastDay: { } newLast }) return (null, Result.Fail("Decision_ExtensionNeedsValidity", "ValidUntil"));
            if (Validity.LastDay is { } oldLast && newLast <= oldLast) return (null, Result.Fail("Decision_ExtensionNotLater", "ValidUntil"));
        }
        // An adoption keeps the draft's validity unless the decision sets one; either way it cannot end before the decision.
        if ((validity ?? (kind == DecisionKind.Adopted ? Validity : null)) is { LastDay: { } last } && last < date)
            return (null, Result.Fail("Decision_ValidityBeforeDecision", "ValidUntil"));
        var decision = PolicyDecision.From(MunicipalityId, Id, new DecisionDefinition(kind, body, date, Common.Text.Clean(proposedBy), caseNumber,
            Common.Text.Clean(minuteParagraph), validity, string.IsNullOrWhiteSpace(text) ? null : text.Trim(), null));
        if (validity is { } v) ValidUntil = v.ToString();
        return (decision, Result.Ok);
    }

    /// <summary>
    /// The version is replaced by <paramref name="by"/>, adopted by <paramref name="adoption"/>: it now runs until
    /// replaced (its last day is the day before the new version's adoption) and keeps the replacement as a decision.
    /// </summary>
    public PolicyDecision ReplaceBy(PolicyVersion by, PolicyDecision adoption)
    {
        ValidUntil = Validity.Replaced.ToString();
        return PolicyDecision.From(MunicipalityId, Id, new DecisionDefinition(DecisionKind.Replaced, adoption.Body, adoption.Date, adoption.ProposedBy,
            adoption.CaseNumber, adoption.MinuteParagraph, Validity.Replaced, null, by.Label));
    }

    /// <summary>Replaces a draft's content with an edited policy file of the same document. Adopted versions are immutable: the caller checks.</summary>
    public void ReviseDraft(PolicyDefinition d, string source)
    {
        Key = d.Key;
        Label = d.Version.Label;
        AdoptedBy = d.Version.AdoptedBy;
        ValidUntil = d.Version.ValidUntil.ToString();
        Source = source;
        TextKnown = d.TextKnown;
    }

    public static PolicyVersion From(Guid municipalityId, Guid documentId, PolicyDefinition d, string source) => new()
    {
        MunicipalityId = municipalityId, Id = Guid.CreateVersion7(), DocumentId = documentId, Key = d.Key,
        Label = d.Version.Label, AdoptedBy = d.Version.AdoptedBy, ValidUntil = d.Version.ValidUntil.ToString(), Source = source, TextKnown = d.TextKnown,
    };
}

/// <summary>A decision about a version: adopted, revised, extended (R3: KS proposes, KF decides) or replaced.</summary>
public sealed class PolicyDecision : ITenantOwned, IAudited
{
    private PolicyDecision() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public Guid PolicyVersionId { get; private set; }
    public DecisionKind Kind { get; private set; }
    public string Body { get; private set; } = "";
    public DateOnly? Date { get; private set; }
    public string? ProposedBy { get; private set; }
    /// <summary><i>Diarienummer</i>.</summary>
    public string? CaseNumber { get; private set; }
    /// <summary>The minute paragraph (§).</summary>
    public string? MinuteParagraph { get; private set; }
    public string? ValidUntil { get; private set; }
    public string? Text { get; private set; }
    public string? Note { get; private set; }

    public static PolicyDecision From(Guid municipalityId, Guid versionId, DecisionDefinition d) => new()
    {
        MunicipalityId = municipalityId, Id = Guid.CreateVersion7(), PolicyVersionId = versionId, Kind = d.Kind, Body = d.Body,
        Date = d.Date, ProposedBy = d.ProposedBy, CaseNumber = d.CaseNumber, MinuteParagraph = d.MinuteParagraph,
        ValidUntil = d.ValidUntil?.ToString(), Text = d.Text, Note = d.Note,
    };
}

/// <summary>
/// What applies when no version of a document is in force (the last one expired, none adopted yet): each municipality
/// chooses, recorded with the document.
/// </summary>
public enum PolicyGapRule
{
    /// <summary>
    /// The default, since the texts themselves set an end: nothing is in force, and an activity starting in the gap is
    /// approved only with the coordinator's recorded reason.
    /// </summary>
    ReasonRequired = 1,
    /// <summary>Common practice: the expired version continues to apply until a new one is adopted.</summary>
    ExpiredContinues = 2,
}
