using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omvarld.Domain.FollowUp;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Organisation;

namespace Omvarld.Web.Data.Configurations;

/// <summary>One round per municipality and year, enforced by the database too (two coordinators opening at once).</summary>
internal sealed class FollowUpRoundConfiguration : IEntityTypeConfiguration<FollowUpRound>
{
    public void Configure(EntityTypeBuilder<FollowUpRound> b)
    {
        b.HasKey(r => new { r.MunicipalityId, r.Id });
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.PrimitiveCollection(r => r.Questions).IsRequired();
        b.Property(r => r.Summary).HasMaxLength(FollowUpRound.SummaryMaxLength);
        b.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.MunicipalityId, r.Year }).IsUnique();
    }
}

/// <summary>One section per round and unit; a year's sections of a unit are found by (unit, year).</summary>
internal sealed class FollowUpSectionConfiguration : IEntityTypeConfiguration<FollowUpSection>
{
    public void Configure(EntityTypeBuilder<FollowUpSection> b)
    {
        b.HasKey(s => new { s.MunicipalityId, s.Id });
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.PrimitiveCollection(s => s.Answers).IsRequired();
        b.HasOne<FollowUpRound>().WithMany().HasForeignKey(s => new { s.MunicipalityId, s.RoundId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(s => new { s.MunicipalityId, s.UnitId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.MunicipalityId, s.RoundId, s.UnitId }).IsUnique();
        b.HasIndex(s => new { s.MunicipalityId, s.UnitId, s.Year });
    }
}

internal sealed class FollowUpReminderLogConfiguration : IEntityTypeConfiguration<FollowUpReminderLog>
{
    public void Configure(EntityTypeBuilder<FollowUpReminderLog> b)
    {
        b.HasKey(r => new { r.MunicipalityId, r.Id });
        b.Property(r => r.Kind).HasMaxLength(FollowUpReminderLog.KindMaxLength).IsRequired();
        b.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FollowUpSection>().WithMany().HasForeignKey(r => new { r.MunicipalityId, r.SectionId }).OnDelete(DeleteBehavior.Cascade);
        // The claim: one reminder of a kind per section, deadline and recipient, whichever instance sends it.
        b.HasIndex(r => new { r.MunicipalityId, r.SectionId, r.Deadline, r.Kind, r.RecipientUserId }).IsUnique();
    }
}
