using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Omvarld.Web.Data.Configurations;

// Country data is shared reference data: no MunicipalityId, no tenant filter. Rows are keyed by release first, so
// every lookup of the releases in use reads (ReleaseId, Iso3) ranges of the primary key.

internal sealed class CountryDataReleaseConfiguration : IEntityTypeConfiguration<CountryDataRelease>
{
    public void Configure(EntityTypeBuilder<CountryDataRelease> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Name).HasMaxLength(CountryDataRelease.NameMaxLength).IsRequired();
        b.Property(r => r.ImportedBy).HasMaxLength(CountryDataRelease.ImportedByMaxLength).IsRequired();
        b.Property(r => r.FileName).HasMaxLength(CountryDataRelease.FileNameMaxLength).IsRequired();
        b.Property(r => r.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        b.Property(r => r.Attribution).HasMaxLength(CountryDataRelease.AttributionMaxLength).IsRequired();
        b.HasIndex(r => new { r.Kind, r.IsActive, r.ImportedAt });
    }
}

internal sealed class GovernanceRowConfiguration : IEntityTypeConfiguration<GovernanceRow>
{
    public void Configure(EntityTypeBuilder<GovernanceRow> b)
    {
        b.ToTable("CountryGovernanceRows");
        b.HasKey(r => new { r.ReleaseId, r.Iso3, r.Year });
        b.Property(r => r.Iso3).HasMaxLength(3);
        b.Property(r => r.Source).HasMaxLength(200).IsRequired();
        foreach (var p in new[] { nameof(GovernanceRow.LiberalDemocracy), nameof(GovernanceRow.ElectoralDemocracy), nameof(GovernanceRow.CivilLiberties),
                     nameof(GovernanceRow.RuleOfLaw), nameof(GovernanceRow.WgiVoiceEstimate), nameof(GovernanceRow.WgiVoiceStdErr),
                     nameof(GovernanceRow.WgiVoicePercentile), nameof(GovernanceRow.WgiRuleOfLawEstimate), nameof(GovernanceRow.WgiRuleOfLawStdErr),
                     nameof(GovernanceRow.WgiRuleOfLawPercentile) })
            b.Property(p).HasPrecision(9, 4);
        b.HasOne<CountryDataRelease>().WithMany().HasForeignKey(r => r.ReleaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RegimeRowConfiguration : IEntityTypeConfiguration<RegimeRow>
{
    public void Configure(EntityTypeBuilder<RegimeRow> b)
    {
        b.ToTable("CountryRegimeRows");
        b.HasKey(r => new { r.ReleaseId, r.Iso3, r.Year });
        b.Property(r => r.Iso3).HasMaxLength(3);
        b.Property(r => r.Source).HasMaxLength(200).IsRequired();
        b.Property(r => r.ElectoralDemocracy).HasPrecision(9, 4);
        b.Property(r => r.ElectoralDemocracyLow).HasPrecision(9, 4);
        b.Property(r => r.ElectoralDemocracyHigh).HasPrecision(9, 4);
        b.HasOne<CountryDataRelease>().WithMany().HasForeignKey(r => r.ReleaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
