using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Networks;

namespace Omvarld.Web.Data.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.HasKey(m => new { m.MunicipalityId, m.Id });
        b.Property(m => m.Name).HasMaxLength(Membership.NameMaxLength).IsRequired();
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(m => m.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.FeeSek).HasPrecision(14, 2);
        b.PrimitiveCollection(m => m.RepresentativeUserIds).IsRequired();
        b.Property(m => m.RepresentativeNames).HasMaxLength(Membership.RepresentativeNamesMaxLength);
        b.PrimitiveCollection(m => m.Offers).IsRequired();
        b.Property(m => m.OtherOffers).HasMaxLength(Membership.OtherOffersMaxLength);
        b.Property(m => m.Website).HasMaxLength(Membership.WebsiteMaxLength);
        b.HasOne<Municipality>().WithMany().HasForeignKey(m => m.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        // The list filters on kind and level and sorts by name; the yearly cost reads the dates.
        b.HasIndex(m => new { m.MunicipalityId, m.Kind, m.Level });
        b.HasIndex(m => new { m.MunicipalityId, m.Name });
        b.HasIndex(m => new { m.MunicipalityId, m.MemberSince, m.MemberUntil });
    }
}

internal sealed class MembershipActivityConfiguration : IEntityTypeConfiguration<MembershipActivity>
{
    public void Configure(EntityTypeBuilder<MembershipActivity> b)
    {
        b.HasKey(l => new { l.MunicipalityId, l.Id });
        b.HasOne<Membership>().WithMany().HasForeignKey(l => new { l.MunicipalityId, l.MembershipId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Activity>().WithMany().HasForeignKey(l => new { l.MunicipalityId, l.ActivityId }).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.MunicipalityId, l.MembershipId, l.ActivityId }).IsUnique();
        b.HasIndex(l => new { l.MunicipalityId, l.ActivityId });
    }
}

internal sealed class TwinTownConfiguration : IEntityTypeConfiguration<TwinTown>
{
    public void Configure(EntityTypeBuilder<TwinTown> b)
    {
        b.HasKey(t => new { t.MunicipalityId, t.Id });
        b.Property(t => t.City).HasMaxLength(TwinTown.CityMaxLength).IsRequired();
        b.Property(t => t.CountryCode).HasMaxLength(2).IsFixedLength().IsRequired();
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.CaseNumber).HasMaxLength(TwinTown.CaseNumberMaxLength);
        b.Property(t => t.TheirContactName).HasMaxLength(TwinTown.ContactMaxLength);
        b.Property(t => t.TheirContactRole).HasMaxLength(TwinTown.ContactMaxLength);
        b.Property(t => t.TheirContactDetails).HasMaxLength(TwinTown.ContactMaxLength);
        b.HasOne<Municipality>().WithMany().HasForeignKey(t => t.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => new { t.MunicipalityId, t.Status, t.Kind });
        b.HasIndex(t => new { t.MunicipalityId, t.CountryCode });
        b.HasIndex(t => new { t.MunicipalityId, t.City });
    }
}

internal sealed class TwinTownActivityConfiguration : IEntityTypeConfiguration<TwinTownActivity>
{
    public void Configure(EntityTypeBuilder<TwinTownActivity> b)
    {
        b.HasKey(l => new { l.MunicipalityId, l.Id });
        b.HasOne<TwinTown>().WithMany().HasForeignKey(l => new { l.MunicipalityId, l.TwinTownId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Activity>().WithMany().HasForeignKey(l => new { l.MunicipalityId, l.ActivityId }).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.MunicipalityId, l.TwinTownId, l.ActivityId }).IsUnique();
        b.HasIndex(l => new { l.MunicipalityId, l.ActivityId });
    }
}

/// <summary>One note per twin town and year, enforced by the database too.</summary>
internal sealed class TwinTownNoteConfiguration : IEntityTypeConfiguration<TwinTownNote>
{
    public void Configure(EntityTypeBuilder<TwinTownNote> b)
    {
        b.HasKey(n => new { n.MunicipalityId, n.Id });
        b.Property(n => n.Text).HasMaxLength(TwinTownNote.TextMaxLength).IsRequired();
        b.Property(n => n.WrittenBy).HasMaxLength(AppUser.DisplayNameMaxLength + 100).IsRequired();
        b.HasOne<TwinTown>().WithMany().HasForeignKey(n => new { n.MunicipalityId, n.TwinTownId }).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.MunicipalityId, n.TwinTownId, n.Year }).IsUnique();
        b.HasIndex(n => new { n.MunicipalityId, n.Year });
    }
}
