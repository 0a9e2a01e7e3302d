using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omvarld.Domain.ContactPersons;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Organisation;

namespace Omvarld.Web.Data.Configurations;

/// <summary>R15: appointments by unit and period (the lists and the coverage read them by unit), users by id.</summary>
internal sealed class ContactPersonConfiguration : IEntityTypeConfiguration<ContactPerson>
{
    public void Configure(EntityTypeBuilder<ContactPerson> b)
    {
        b.HasKey(c => new { c.MunicipalityId, c.Id });
        b.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => new { c.MunicipalityId, c.UnitId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.DeputyUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.MunicipalityId, c.UnitId, c.From });
        b.HasIndex(c => new { c.MunicipalityId, c.UserId });
        b.HasIndex(c => c.DeputyUserId);
    }
}

internal sealed class ContactPersonUnitConfiguration : IEntityTypeConfiguration<ContactPersonUnit>
{
    public void Configure(EntityTypeBuilder<ContactPersonUnit> b)
    {
        b.HasKey(c => new { c.MunicipalityId, c.Id });
        b.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => new { c.MunicipalityId, c.UnitId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.MunicipalityId, c.UnitId }).IsUnique();
    }
}

/// <summary>The log belongs to its appointment; the linked activity is a plain id (like an action-plan item's), shown when it still exists.</summary>
internal sealed class CompetenceEntryConfiguration : IEntityTypeConfiguration<CompetenceEntry>
{
    public void Configure(EntityTypeBuilder<CompetenceEntry> b)
    {
        b.HasKey(e => new { e.MunicipalityId, e.Id });
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Hours).HasPrecision(5, 1);
        b.Property(e => e.Description).HasMaxLength(CompetenceEntry.DescriptionMaxLength).IsRequired();
        b.HasOne<ContactPerson>().WithMany().HasForeignKey(e => new { e.MunicipalityId, e.ContactPersonId }).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.MunicipalityId, e.ContactPersonId, e.Date });
        b.HasIndex(e => new { e.MunicipalityId, e.Date });
    }
}
