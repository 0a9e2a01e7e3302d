using Omvarld.Domain.Countries;
using Omvarld.Domain.Policies.Checks;

namespace Omvarld.Domain.Activities.Checks;

/// <summary>
/// R8, R9, Borås 2023: "En förutsättning för Borås Stads deltagande i internationella samarbeten är att landet/staden
/// som samarbetet ingås med respekterar mänskliga rättigheter, är en demokrati och upprätthåller rättsstatens principer.
/// Om en verksamhet vill ingå ett samarbete med en part som inte uppfyller kraven ska beslut om undantag fattas av
/// Kommunstyrelsen."
/// <para>
/// For each partner whose standing (<see cref="ActivityCheckContext.PartnerStandings"/>) is not met or unclear: an
/// exception covering this activity and partner that is in force today turns the block into information (with a
/// warning when it ends before the activity does); one that has ended blocks again; without one the partner blocks.
/// "En förutsättning" is a must, and "unclear" is not "met": an unclear partner also needs a judgement or an exception.
/// Swedish partners are assessed like any other. A partner without a standing is not judged here.
/// </para>
/// </summary>
public sealed class PartnerPreconditionRule : IActivityRule
{
    public CheckKind Kind => CheckKind.PartnerPrecondition;

    public IEnumerable<Finding> Evaluate(CheckDefinition check, ActivityCheckContext ctx)
    {
        foreach (var v in Verdicts(ctx))
        {
            var standing = v.Standing;
            if (v.Valid is { } valid)
            {
                yield return Finding.Of(ctx, check, FindingSeverity.Info, "Finding_PartnerPreconditionException", "Partners",
                    standing.PartnerName, standing.CountryName, valid.Body, valid.DecidedOn, valid.MinuteParagraph, valid.CaseNumber, valid.ValidUntil);
                if (v.EndsEarly)
                    yield return Finding.Of(ctx, check, FindingSeverity.Warning, "Finding_PartnerPreconditionExceptionEndsEarly", "Partners",
                        standing.PartnerName, standing.CountryName, valid.ValidUntil);
                continue;
            }

            if (v.Expired is { } expired)
            {
                yield return Finding.Of(ctx, check, FindingSeverity.Blocking, "Finding_PartnerPreconditionExceptionExpired", "Partners",
                    standing.PartnerName, standing.CountryName, expired.Body, expired.DecidedOn, expired.ValidUntil);
                continue;
            }

            yield return Finding.Of(ctx, check, FindingSeverity.Blocking,
                standing.Outcome == AssessmentOutcome.NotMet ? "Finding_PartnerPreconditionNotMet" : "Finding_PartnerPreconditionUnclear", "Partners",
                standing.PartnerName, standing.CountryName, check.Text("exceptionBody"));
        }
    }

    /// <summary>
    /// Each partner that does not meet the precondition (not met or unclear), with the exception in force today that covers
    /// it (the longest) or, failing that, the one that has ended. The findings above and KS's decision queue both read
    /// these, so the queue lists exactly what blocks approval.
    /// </summary>
    public static IEnumerable<PartnerVerdict> Verdicts(ActivityCheckContext ctx)
    {
        if (ctx.PartnerStandings is not { } standings) yield break;
        var activity = ctx.Activity;
        foreach (var partnerId in activity.Partners.Select(p => p.PartnerId).Distinct())
        {
            if (!standings.TryGetValue(partnerId, out var standing) || standing.Outcome == AssessmentOutcome.Met) continue;
            var covering = standing.Exceptions.Where(e => e.Covers(activity.Id, partnerId)).ToList();
            var valid = covering.Where(e => e.IsValidOn(ctx.Today)).MaxBy(e => e.ValidUntil);
            var expired = valid is null ? covering.Where(e => e.HasExpiredOn(ctx.Today)).MaxBy(e => e.ValidUntil) : null;
            var end = activity.ActualEnd ?? activity.PlannedEnd;
            yield return new PartnerVerdict(partnerId, standing, valid, expired, valid is not null && (end is null || end > valid.ValidUntil));
        }
    }
}

/// <summary>
/// One partner short of the precondition: the exception in force that covers it (<see cref="Valid"/>, with
/// <see cref="EndsEarly"/> when it ends before the activity), or the ended one (<see cref="Expired"/>). Without a valid
/// exception the partner blocks approval.
/// </summary>
public sealed record PartnerVerdict(Guid PartnerId, PartnerStanding Standing, PreconditionException? Valid, PreconditionException? Expired, bool EndsEarly)
{
    public bool Blocks => Valid is null;
}
