using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Countries;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Partners;
using Omvarld.Web.Data;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Openness;

/// <summary>Activities walked to a status through the domain (approval by the unit's approver), optionally published by the coordinator.</summary>
public static class OpennessArrange
{
    public sealed record Arranged(Guid Id, Guid? PartnerId);

    public static Task<Arranged> ActivityAsync(this OmvarldApp app, Guid municipality, string slug, string title, ActivityStatus status, bool publish = false,
        string? country = null, string? goal = null, int? sdg = null, Action<Activity, Guid>? more = null, string? rejectFirst = null) =>
        app.WithDbAsync(async db =>
        {
            db.Tenant.Use(municipality);
            var units = await db.Units.ToListAsync();
            var unit = units.Where(u => u.ClosedOn == null).OrderBy(u => u.Name).First();
            var tree = UnitTree.From(units);
            var responsible = await db.Users.Where(u => u.Email == OmvarldApp.Email("redaktor", slug)).Select(u => u.Id).SingleAsync();
            var approver = await db.Users.Where(u => u.Email == OmvarldApp.Email("godkannare", slug)).Select(u => u.Id).SingleAsync();
            var coordinator = await db.Users.Where(u => u.Email == OmvarldApp.Email("samordnare", slug)).Select(u => u.Id).SingleAsync();
            var policyVersion = await db.PolicyVersions.Select(v => v.Id).FirstAsync();
            var details = new ActivityDetails(title, "Beskrivning av " + title, ActivityKind.TransnationalProject, unit.Id, responsible,
                new DateOnly(2025, 3, 1), new DateOnly(2026, 6, 30), "Syfte", "Resultat", null, null, null, false,
                goal is null ? [] : [new GoalServed(goal, "Så bidrar aktiviteten.")], sdg is null ? [] : [sdg.Value.ToString()]);
            var (activity, created) = Activity.Create(municipality, details, new ActivityReferences(unit, goal is null ? [] : [goal]));
            Assert.True(created.IsOk, created.Error);
            Guid? partnerId = null;
            if (country is not null)
            {
                var (partner, p) = PartnerOrganisation.Create(municipality, new PartnerDetails("Partnerstaden " + title, PartnerType.Municipality, "Partnerstad", country, null),
                    new HashSet<string> { country });
                Assert.True(p.IsOk, p.Error);
                db.Partners.Add(partner!);
                Assert.True(activity!.AddPartner(partner!, PartnerRole.Partner).IsOk);
                partnerId = partner!.Id;
            }
            var at = new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);
            var scope = new AccessScope(false, [(Role.UnitApprover, unit.Id)], tree);
            if (status != ActivityStatus.Draft) Assert.True(activity!.Submit(responsible, at).Result.IsOk);
            if (rejectFirst is not null)
            {
                Assert.True(activity!.Reject(approver, scope, rejectFirst, at.AddDays(1)).Result.IsOk);
                if (status != ActivityStatus.Rejected) Assert.True(activity.Submit(responsible, at.AddDays(2)).Result.IsOk);
            }
            if (status is ActivityStatus.Approved or ActivityStatus.Ongoing)
                Assert.True(activity!.Approve(approver, scope, policyVersion, [], at.AddDays(3)).Result.IsOk);
            if (status == ActivityStatus.Ongoing) Assert.True(activity!.Start(responsible, at.AddDays(50)).Result.IsOk);
            more?.Invoke(activity!, responsible);
            if (publish)
                Assert.True(activity!.Publish(new AccessScope(false, [(Role.Coordinator, null)], tree), coordinator, at.AddDays(60)).IsOk);
            db.Activities.Add(activity!);
            await db.SaveChangesAsync();
            return new Arranged(activity!.Id, partnerId);
        });

    /// <summary>A KS decision on an exception for the activity's partner, recorded by the KS secretariat.</summary>
    public static Task<Guid> ExceptionAsync(this OmvarldApp app, Guid municipality, string slug, Arranged activity, string text) =>
        app.WithDbAsync(async db =>
        {
            db.Tenant.Use(municipality);
            var units = await db.Units.ToListAsync();
            var ks = await db.Users.Where(u => u.Email == OmvarldApp.Email("ks", slug)).Select(u => u.Id).SingleAsync();
            var (e, r) = PreconditionException.Create(municipality,
                new ExceptionDecision(null, app.Today.AddYears(-1), "42", "KS 2025/00042", text, activity.Id, activity.PartnerId!.Value, app.Today.AddYears(4)),
                [activity.PartnerId!.Value], new AccessScope(false, [(Role.KsSecretariat, null)], UnitTree.From(units)), ks, app.Clock.GetUtcNow());
            Assert.True(r.IsOk, r.Error);
            db.PreconditionExceptions.Add(e!);
            await db.SaveChangesAsync();
            return e!.Id;
        });
}
