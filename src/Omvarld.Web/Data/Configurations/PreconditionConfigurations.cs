using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Countries;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Partners;
using Omvarld.Domain.Policies;

namespace Omvarld.Web.Data.Configurations;

internal sealed class ManualJudgementConfiguration : IEntityTypeConfiguration<ManualJudgement>
{
    public void Configure(EntityTypeBuilder<ManualJudgement> b)
    {
        b.HasKey(j => new { j.MunicipalityId, j.Id });
        b.Property(j => j.CountryAlpha2).HasMaxLength(2).IsFixedLength().IsRequired();
        b.Property(j => j.City).HasMaxLength(ManualJudgement.CityMaxLength);
        b.Property(j => j.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.Reason).HasMaxLength(ManualJudgement.ReasonMaxLength).IsRequired();
        b.Property(j => j.Evidence).HasMaxLength(ManualJudgement.EvidenceMaxLength);
        b.HasOne<Municipality>().WithMany().HasForeignKey(j => j.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(j => new { j.MunicipalityId, j.CountryAlpha2 });
    }
}

internal sealed class PreconditionExceptionConfiguration : IEntityTypeConfiguration<PreconditionException>
{
    public void Configure(EntityTypeBuilder<PreconditionException> b)
    {
        b.HasKey(e => new { e.MunicipalityId, e.Id });
        b.Property(e => e.Body).HasMaxLength(PreconditionException.BodyMaxLength).IsRequired();
        b.Property(e => e.MinuteParagraph).HasMaxLength(PreconditionException.MinuteParagraphMaxLength).IsRequired();
        b.Property(e => e.CaseNumber).HasMaxLength(PreconditionException.CaseNumberMaxLength).IsRequired();
        b.Property(e => e.DecisionText).HasMaxLength(PreconditionException.DecisionTextMaxLength).IsRequired();
        b.HasOne<Activity>().WithMany().HasForeignKey(e => new { e.MunicipalityId, e.ActivityId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PartnerOrganisation>().WithMany().HasForeignKey(e => new { e.MunicipalityId, e.PartnerId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.MunicipalityId, e.ActivityId });
        b.HasIndex(e => new { e.MunicipalityId, e.PartnerId });
        b.HasIndex(e => new { e.MunicipalityId, e.ValidUntil });
    }
}

internal sealed class PolicyCriteriaSettingConfiguration : IEntityTypeConfiguration<PolicyCriteriaSetting>
{
    public void Configure(EntityTypeBuilder<PolicyCriteriaSetting> b)
    {
        b.HasKey(c => new { c.MunicipalityId, c.Id });
        b.Property(c => c.CriteriaJson).HasMaxLength(4000).IsRequired();
        b.HasOne<PolicyVersion>().WithMany().HasForeignKey(c => new { c.MunicipalityId, c.PolicyVersionId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.MunicipalityId, c.PolicyVersionId }).IsUnique();
    }
}

internal sealed class AssessmentSnapshotConfiguration : IEntityTypeConfiguration<AssessmentSnapshot>
{
    public void Configure(EntityTypeBuilder<AssessmentSnapshot> b)
    {
        b.HasKey(s => new { s.MunicipalityId, s.CountryAlpha2 });
        b.Property(s => s.CountryAlpha2).HasMaxLength(2).IsFixedLength();
        b.Property(s => s.Outcome).HasMaxLength(20).IsRequired();
        b.Property(s => s.Summary).HasMaxLength(4000).IsRequired();
        b.Property(s => s.Releases).HasMaxLength(400);
        b.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentChangeConfiguration : IEntityTypeConfiguration<AssessmentChange>
{
    public void Configure(EntityTypeBuilder<AssessmentChange> b)
    {
        b.HasKey(c => new { c.MunicipalityId, c.Id });
        b.Property(c => c.CountryAlpha2).HasMaxLength(2).IsFixedLength().IsRequired();
        b.Property(c => c.OldOutcome).HasMaxLength(20).IsRequired();
        b.Property(c => c.NewOutcome).HasMaxLength(20).IsRequired();
        b.Property(c => c.OldSummary).HasMaxLength(4000).IsRequired();
        b.Property(c => c.NewSummary).HasMaxLength(4000).IsRequired();
        b.Property(c => c.Release).HasMaxLength(400).IsRequired();
        b.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.MunicipalityId, c.AcknowledgedAt });
    }
}
