using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omvarld.Domain.Municipalities;

namespace Omvarld.Web.Data.Configurations;

internal sealed class ChangeStampConfiguration : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(EntityTypeBuilder<ChangeStamp> b)
    {
        // No foreign key: the installation's row has no municipality, and a municipality's row may be made by its first save.
        b.HasKey(s => s.MunicipalityId);
        b.Property(s => s.MunicipalityId).ValueGeneratedNever();
    }
}

internal sealed class CompilationSnapshotConfiguration : IEntityTypeConfiguration<CompilationSnapshot>
{
    public void Configure(EntityTypeBuilder<CompilationSnapshot> b)
    {
        b.HasKey(s => new { s.MunicipalityId, s.Id });
        b.Property(s => s.Build).HasMaxLength(CompilationSnapshot.BuildMaxLength).IsRequired();
        b.Property(s => s.Json).IsRequired();
        b.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
        // One kept compilation per (municipality, year, unit): the lookup, and the claim of two instances storing at once.
        b.HasIndex(s => new { s.MunicipalityId, s.Year, s.UnitId }).IsUnique();
    }
}

internal sealed class CompilationRenderingConfiguration : IEntityTypeConfiguration<CompilationRendering>
{
    public void Configure(EntityTypeBuilder<CompilationRendering> b)
    {
        b.HasKey(r => new { r.MunicipalityId, r.Id });
        b.Property(r => r.Format).HasMaxLength(CompilationRendering.FormatMaxLength).IsRequired();
        b.Property(r => r.Build).HasMaxLength(CompilationSnapshot.BuildMaxLength).IsRequired();
        b.Property(r => r.Bytes).IsRequired();
        b.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
        // One kept file per (municipality, year, unit, format): the lookup, and the claim of two instances storing at once.
        b.HasIndex(r => new { r.MunicipalityId, r.Year, r.UnitId, r.Format }).IsUnique();
    }
}
