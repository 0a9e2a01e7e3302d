using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Partners;
using Omvarld.Domain.Policies;

namespace Omvarld.Web.Data.Configurations;

internal sealed class PartnerOrganisationConfiguration : IEntityTypeConfiguration<PartnerOrganisation>
{
    public void Configure(EntityTypeBuilder<PartnerOrganisation> b)
    {
        b.HasKey(p => new { p.MunicipalityId, p.Id });
        b.Property(p => p.Name).HasMaxLength(PartnerOrganisation.NameMaxLength).IsRequired();
        b.Property(p => p.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.City).HasMaxLength(PartnerOrganisation.CityMaxLength);
        b.Property(p => p.CountryCode).HasMaxLength(2).IsFixedLength().IsRequired();
        b.Property(p => p.Website).HasMaxLength(PartnerOrganisation.WebsiteMaxLength);
        b.HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.MunicipalityId, p.Name });
        b.HasIndex(p => new { p.MunicipalityId, p.CountryCode });
    }
}

/// <summary>
/// The activity and its children: every child's key starts with the municipality, and its foreign key to the
/// activity carries it too. Lists filter on unit, status, kind and start, so those are indexed with the municipality first.
/// </summary>
internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.HasKey(a => new { a.MunicipalityId, a.Id });
        b.Property(a => a.Title).HasMaxLength(Activity.TitleMaxLength).IsRequired();
        b.Property(a => a.Description).HasMaxLength(Activity.DescriptionMaxLength);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Purpose).HasMaxLength(Activity.PurposeMaxLength);
        b.Property(a => a.ExpectedResults).HasMaxLength(Activity.ExpectedResultsMaxLength);
        b.Property(a => a.Motivation).HasMaxLength(Activity.MotivationMaxLength);
        b.Property(a => a.ChildPerspective).HasMaxLength(Activity.ChildPerspectiveMaxLength);
        b.Property(a => a.CaseNumber).HasMaxLength(Activity.CaseNumberMaxLength);
        b.Property(a => a.RejectionComment).HasMaxLength(Activity.RejectionCommentMaxLength);
        b.Property(a => a.GapReason).HasMaxLength(Activity.GapReasonMaxLength);
        b.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(a => new { a.MunicipalityId, a.OwnerUnitId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PolicyVersion>().WithMany().HasForeignKey(a => new { a.MunicipalityId, a.ApprovedPolicyVersionId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.MunicipalityId, a.OwnerUnitId, a.PlannedStart });
        b.HasIndex(a => new { a.MunicipalityId, a.Status, a.PlannedStart });
        b.HasIndex(a => new { a.MunicipalityId, a.Kind, a.PlannedStart });
        b.HasIndex(a => new { a.MunicipalityId, a.PlannedStart });
        b.HasIndex(a => new { a.MunicipalityId, a.ResponsibleUserId });
        b.HasIndex(a => new { a.MunicipalityId, a.PublishedAt });

        Children(b.HasMany(a => a.Goals));
        Children(b.HasMany(a => a.Sdgs));
        Children(b.HasMany(a => a.Partners));
        Children(b.HasMany(a => a.Funding));
        Children(b.HasMany(a => a.Trips));
        Children(b.HasMany(a => a.Links));
        Children(b.HasMany(a => a.Attachments));
        Children(b.HasMany(a => a.Comments));
        Children(b.HasMany(a => a.Results));
        foreach (var navigation in new[] { "Goals", "Sdgs", "Partners", "Funding", "Trips", "Links", "Attachments", "Comments", "Results" })
            b.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    private static void Children<T>(CollectionNavigationBuilder<Activity, T> children) where T : class =>
        children.WithOne().HasForeignKey("MunicipalityId", "ActivityId").HasPrincipalKey(a => new { a.MunicipalityId, a.Id }).OnDelete(DeleteBehavior.Cascade);
}

internal sealed class ActivityGoalConfiguration : IEntityTypeConfiguration<ActivityGoal>
{
    public void Configure(EntityTypeBuilder<ActivityGoal> b)
    {
        b.HasKey(g => new { g.MunicipalityId, g.Id });
        b.Property(g => g.GoalCode).HasMaxLength(60).IsRequired();
        b.Property(g => g.How).HasMaxLength(Activity.GoalHowMaxLength);
        b.HasIndex(g => new { g.MunicipalityId, g.GoalCode, g.ActivityId });
    }
}

internal sealed class ActivitySdgConfiguration : IEntityTypeConfiguration<ActivitySdg>
{
    public void Configure(EntityTypeBuilder<ActivitySdg> b)
    {
        b.HasKey(s => new { s.MunicipalityId, s.Id });
        b.Property(s => s.Target).HasMaxLength(10);
        b.HasIndex(s => new { s.MunicipalityId, s.Goal, s.ActivityId });
    }
}

internal sealed class ActivityPartnerConfiguration : IEntityTypeConfiguration<ActivityPartner>
{
    public void Configure(EntityTypeBuilder<ActivityPartner> b)
    {
        b.HasKey(p => new { p.MunicipalityId, p.Id });
        b.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        // A partner in use cannot be deleted: the database refuses it too.
        b.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(p => new { p.MunicipalityId, p.PartnerId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.MunicipalityId, p.PartnerId, p.ActivityId });
    }
}

internal sealed class FundingLineConfiguration : IEntityTypeConfiguration<FundingLine>
{
    public void Configure(EntityTypeBuilder<FundingLine> b)
    {
        b.HasKey(f => new { f.MunicipalityId, f.Id });
        b.Property(f => f.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.ProgrammeCode).HasMaxLength(60);
        b.Property(f => f.FunderName).HasMaxLength(FundingLine.FunderNameMaxLength);
        b.Property(f => f.FunderKind).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Amount).HasPrecision(18, 2);
        b.Property(f => f.Currency).HasConversion<string>().HasMaxLength(3);
        b.Property(f => f.ExchangeRate).HasPrecision(18, 6);
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Note).HasMaxLength(FundingLine.NoteMaxLength);
        b.Ignore(f => f.AmountSek);
        b.Ignore(f => f.IsExternal);
        b.Ignore(f => f.CountsAsFunding);
        b.HasOne<Unit>().WithMany().HasForeignKey(f => new { f.MunicipalityId, f.OwnUnitId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.MunicipalityId, f.Source, f.Status, f.ActivityId });
    }
}

internal sealed class TripConfiguration : IEntityTypeConfiguration<Trip>
{
    public void Configure(EntityTypeBuilder<Trip> b)
    {
        b.HasKey(t => new { t.MunicipalityId, t.Id });
        b.Property(t => t.Travellers).HasMaxLength(Trip.TravellersMaxLength).IsRequired();
        b.Property(t => t.City).HasMaxLength(Trip.CityMaxLength).IsRequired();
        b.Property(t => t.CountryCode).HasMaxLength(2).IsFixedLength().IsRequired();
        b.Property(t => t.CostSek).HasPrecision(18, 2);
        b.Property(t => t.Purpose).HasMaxLength(Trip.PurposeMaxLength);
        b.HasIndex(t => new { t.MunicipalityId, t.CountryCode });
    }
}

internal sealed class ActivityLinkConfiguration : IEntityTypeConfiguration<ActivityLink>
{
    public void Configure(EntityTypeBuilder<ActivityLink> b)
    {
        b.HasKey(l => new { l.MunicipalityId, l.Id });
        b.Property(l => l.Url).HasMaxLength(ActivityLink.UrlMaxLength).IsRequired();
        b.Property(l => l.Title).HasMaxLength(ActivityLink.TitleMaxLength);
    }
}

internal sealed class ActivityAttachmentConfiguration : IEntityTypeConfiguration<ActivityAttachment>
{
    public void Configure(EntityTypeBuilder<ActivityAttachment> b)
    {
        b.HasKey(a => new { a.MunicipalityId, a.Id });
        b.Property(a => a.FileName).HasMaxLength(ActivityAttachment.FileNameMaxLength).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(ActivityAttachment.ContentTypeMaxLength).IsRequired();
    }
}

internal sealed class ActivityCommentConfiguration : IEntityTypeConfiguration<ActivityComment>
{
    public void Configure(EntityTypeBuilder<ActivityComment> b)
    {
        b.HasKey(c => new { c.MunicipalityId, c.Id });
        b.Property(c => c.Text).HasMaxLength(ActivityComment.TextMaxLength).IsRequired();
    }
}

internal sealed class ResultReportConfiguration : IEntityTypeConfiguration<ResultReport>
{
    public void Configure(EntityTypeBuilder<ResultReport> b)
    {
        b.HasKey(r => new { r.MunicipalityId, r.Id });
        b.Property(r => r.Text).HasMaxLength(ResultReport.TextMaxLength).IsRequired();
        b.Ignore(r => r.IsFinal);
    }
}
