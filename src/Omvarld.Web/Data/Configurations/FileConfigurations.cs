using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omvarld.Domain.Files;
using Omvarld.Domain.Municipalities;

namespace Omvarld.Web.Data.Configurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.HasKey(f => new { f.MunicipalityId, f.Id });
        b.Property(f => f.OwnerKind).HasMaxLength(40).IsRequired();
        b.Property(f => f.FileName).HasMaxLength(StoredFile.FileNameMaxLength).IsRequired();
        b.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
        b.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        b.HasOne<Municipality>().WithMany().HasForeignKey(f => f.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.MunicipalityId, f.OwnerKind, f.OwnerId });
    }
}

internal sealed class StoredFileContentConfiguration : IEntityTypeConfiguration<StoredFileContent>
{
    public void Configure(EntityTypeBuilder<StoredFileContent> b)
    {
        b.HasKey(c => new { c.MunicipalityId, c.FileId });
        b.Property(c => c.Bytes).IsRequired();
        b.HasOne<StoredFile>().WithOne().HasForeignKey<StoredFileContent>(c => new { c.MunicipalityId, c.FileId }).OnDelete(DeleteBehavior.Cascade);
    }
}
