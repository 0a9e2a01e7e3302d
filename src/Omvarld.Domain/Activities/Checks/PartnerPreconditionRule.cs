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
        if (ctx.PartnerStandings is not { } standings) yield break;
        var activity = ctx.Activity;
        foreach (var partnerId in activity.Partners.Select(p => p.PartnerId).Distinct())
        {
            if (!standings.TryGetValue(partnerId, out var standing) || standing.Outcome == AssessmentOutcome.Met) continue;
            var covering = standing.Exceptions.Where(e => e.Covers(activity.Id, partnerId)).ToList();

            if (covering.Where(e => e.IsValidOn(ctx.Today)).MaxBy(e => e.ValidUntil) is { } valid)
            {
                yield return Finding.Of(ctx, check, FindingSeverity.Info, "Finding_PartnerPreconditionException", "Partners",
                    standing.PartnerName, standing.CountryName, valid.Body, valid.DecidedOn, valid.MinuteParagraph, valid.CaseNumber, valid.ValidUntil);
                var end = activity.ActualEnd ?? activity.PlannedEnd;
                if (end is null || end > valid.ValidUntil)
                    yield return Finding.Of(ctx, check, FindingSeverity.Warning, "Finding_PartnerPreconditionExceptionEndsEarly", "Partners",
                        standing.PartnerName, standing.CountryName, valid.ValidUntil);
                continue;
            }

            if (covering.Where(e => e.HasExpiredOn(ctx.Today)).MaxBy(e => e.ValidUntil) is { } expired)
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
}
