using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Files;
using Omvarld.Domain.Partners;
using Omvarld.Web.Features.Activities;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Activities;

/// <summary>Rows written straight through the domain and the DbContext, for tests that need an activity, a partner or an attached file to exist.</summary>
public static class ActivityArrange
{
    public static Task<Guid> ActivityAsync(this OmvarldApp app, Guid municipality, string unitName, string title, string responsibleEmail,
        DateOnly? start = null, IReadOnlyList<Guid>? partners = null) =>
        app.WithDbAsync(async db =>
        {
            db.Tenant.Use(municipality);
            var unit = await db.Units.SingleAsync(u => u.Name == unitName);
            var responsible = await db.Users.Where(u => u.Email == responsibleEmail).Select(u => u.Id).SingleAsync();
            var details = new ActivityDetails(title, "Beskrivning", ActivityKind.StudyVisitOrExchange, unit.Id, responsible, start ?? new DateOnly(2026, 9, 1),
                null, "Syfte", "Resultat", null, null, null, false, [], []);
            var (activity, result) = Activity.Create(municipality, details, new ActivityReferences(unit, []));
            Assert.True(result.IsOk, result.Error);
            foreach (var id in partners ?? [])
            {
                var partner = await db.Partners.SingleAsync(p => p.Id == id);
                Assert.True(activity!.AddPartner(partner, PartnerRole.Partner).IsOk);
            }
            db.Activities.Add(activity!);
            await db.SaveChangesAsync();
            return activity!.Id;
        });

    public static Task<Guid> PartnerAsync(this OmvarldApp app, Guid municipality, string name, string country, string? city = null) =>
        app.WithDbAsync(async db =>
        {
            db.Tenant.Use(municipality);
            var (partner, result) = PartnerOrganisation.Create(municipality, new PartnerDetails(name, PartnerType.Municipality, city, country, null),
                new HashSet<string> { "SE", "DE", "FI", "EE", "LV", "PL", "FR", "IT", "ES", "NO", "DK" });
            Assert.True(result.IsOk, result.Error);
            db.Partners.Add(partner!);
            await db.SaveChangesAsync();
            return partner!.Id;
        });

    /// <summary>A stored file owned by the activity, as the attach handler stores one.</summary>
    public static Task<Guid> ActivityFileAsync(this OmvarldApp app, Guid municipality, Guid activityId) =>
        app.WithDbAsync(async db =>
        {
            db.Tenant.Use(municipality);
            var f = StoredFile.Create(municipality, ActivityService.FileOwner, activityId, "program.pdf", "application/pdf", 5, new string('0', 64), app.Clock.GetUtcNow(), null);
            db.StoredFiles.Add(f);
            db.StoredFileContents.Add(StoredFileContent.For(f, "%PDF-"u8.ToArray()));
            await db.SaveChangesAsync();
            return f.Id;
        });
}
