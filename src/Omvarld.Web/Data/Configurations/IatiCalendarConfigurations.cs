using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omvarld.Domain.Municipalities;

namespace Omvarld.Web.Data.Configurations;

/// <summary>One IATI setting per municipality.</summary>
internal sealed class IatiSettingConfiguration : IEntityTypeConfiguration<IatiSetting>
{
    public void Configure(EntityTypeBuilder<IatiSetting> b)
    {
        b.HasKey(s => new { s.MunicipalityId, s.Id });
        b.Property(s => s.OrganisationIdentifier).HasMaxLength(IatiSetting.IdentifierMaxLength).IsRequired();
        b.Property(s => s.ReportingOrgName).HasMaxLength(IatiSetting.NameMaxLength).IsRequired();
        b.Property(s => s.ReportingOrgType).HasMaxLength(4).IsRequired();
        b.Property(s => s.DefaultLanguage).HasMaxLength(2).IsRequired();
        b.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.MunicipalityId).IsUnique();
    }
}

/// <summary>Feeds are found by their token's hash before the municipality is known: a unique index on it.</summary>
internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.HasKey(f => new { f.MunicipalityId, f.Id });
        b.Property(f => f.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasIndex(f => new { f.MunicipalityId, f.UserId });
        b.HasOne<Municipality>().WithMany().HasForeignKey(f => f.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
