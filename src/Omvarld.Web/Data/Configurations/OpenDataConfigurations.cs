using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omvarld.Domain.Municipalities;

namespace Omvarld.Web.Data.Configurations;

internal sealed class OpenDataSettingConfiguration : IEntityTypeConfiguration<OpenDataSetting>
{
    public void Configure(EntityTypeBuilder<OpenDataSetting> b)
    {
        b.HasKey(s => new { s.MunicipalityId, s.Id });
        b.Property(s => s.Licence).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.ContactEmail).HasMaxLength(OpenDataSetting.ContactEmailMaxLength);
        b.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.MunicipalityId).IsUnique();
    }
}
