using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omvarld.Domain.Access;
using Omvarld.Domain.Municipalities;

namespace Omvarld.Web.Data.Configurations;

internal sealed class OidcProviderConfiguration : IEntityTypeConfiguration<OidcProvider>
{
    public void Configure(EntityTypeBuilder<OidcProvider> b)
    {
        b.HasKey(p => new { p.MunicipalityId, p.Id });
        b.Ignore(p => p.GroupMappings);
        b.Property(p => p.DisplayName).HasMaxLength(OidcProvider.DisplayNameMaxLength).IsRequired();
        b.Property(p => p.Issuer).HasMaxLength(OidcProvider.IssuerMaxLength).IsRequired();
        b.Property(p => p.ClientId).HasMaxLength(OidcProvider.ClientIdMaxLength).IsRequired();
        b.Property(p => p.ProtectedClientSecret).HasMaxLength(4000);
        b.Property(p => p.Scopes).HasMaxLength(OidcProvider.ScopesMaxLength).IsRequired();
        b.Property(p => p.SubjectClaim).HasMaxLength(OidcProvider.ClaimMaxLength).IsRequired();
        b.Property(p => p.EmailClaim).HasMaxLength(OidcProvider.ClaimMaxLength).IsRequired();
        b.Property(p => p.NameClaim).HasMaxLength(OidcProvider.ClaimMaxLength).IsRequired();
        b.Property(p => p.GroupsClaim).HasMaxLength(OidcProvider.ClaimMaxLength).IsRequired();
        b.Property(p => p.GroupMappingsJson).IsRequired();
        b.HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.MunicipalityId).IsUnique();
    }
}

internal sealed class OidcGroupGrantConfiguration : IEntityTypeConfiguration<OidcGroupGrant>
{
    public void Configure(EntityTypeBuilder<OidcGroupGrant> b)
    {
        b.HasKey(g => new { g.MunicipalityId, g.Id });
        b.Property(g => g.Group).HasMaxLength(OidcProvider.GroupMaxLength).IsRequired();
        // Goes with the role assignment it marks.
        b.HasOne<RoleAssignment>().WithOne().HasForeignKey<OidcGroupGrant>(g => new { g.MunicipalityId, g.Id }).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => new { g.MunicipalityId, g.UserId });
    }
}
