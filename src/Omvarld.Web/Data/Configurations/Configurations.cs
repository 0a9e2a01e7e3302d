using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omvarld.Domain.Access;
using Omvarld.Domain.Auditing;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Organisation;

namespace Omvarld.Web.Data.Configurations;

// Keys start with MunicipalityId so that PostgreSQL can later be sharded by municipality (Citus),
// and so that a row can only reference rows of its own municipality (composite foreign keys).

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.HasKey(m => m.Id);
        b.Property(m => m.Name).HasMaxLength(Municipality.NameMaxLength).IsRequired();
        b.Property(m => m.Slug).HasMaxLength(Municipality.SlugMaxLength).IsRequired();
        b.Property(m => m.MunicipalityCode).HasMaxLength(4);
        b.HasIndex(m => m.Slug).IsUnique();
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.HasKey(u => new { u.MunicipalityId, u.Id });
        b.Property(u => u.Name).HasMaxLength(Unit.NameMaxLength).IsRequired();
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Municipality>().WithMany().HasForeignKey(u => u.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(u => new { u.MunicipalityId, u.ParentId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(u => new { u.MunicipalityId, u.ReportsToCommitteeId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => new { u.MunicipalityId, u.ParentId });
        b.HasIndex(u => new { u.MunicipalityId, u.Name });
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.HasKey(r => new { r.MunicipalityId, r.Id });
        b.Property(r => r.Role).HasConversion<string>().HasMaxLength(30);
        b.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(r => new { r.MunicipalityId, r.UnitId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.MunicipalityId, r.UserId, r.Role, r.UnitId }).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        // Keyed by id alone: an installation-wide entry has no municipality. The indexes still start with it.
        b.HasKey(a => a.Id);
        b.Property(a => a.EntityType).HasMaxLength(60).IsRequired();
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Comment).HasMaxLength(2000);
        b.HasIndex(a => new { a.MunicipalityId, a.EntityType, a.EntityId, a.At });
        b.HasIndex(a => new { a.MunicipalityId, a.At });
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength).IsRequired();
        b.HasOne<Municipality>().WithMany().HasForeignKey(u => u.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => new { u.MunicipalityId, u.NormalizedUserName });
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength).IsRequired();
        b.Property(t => t.Hint).HasMaxLength(12).IsRequired();
        b.Property(t => t.Hash).HasMaxLength(64).IsRequired();
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
