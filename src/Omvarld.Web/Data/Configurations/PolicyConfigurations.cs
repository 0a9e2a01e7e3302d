using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Policies;

namespace Omvarld.Web.Data.Configurations;

internal sealed class GoverningDocumentConfiguration : IEntityTypeConfiguration<GoverningDocument>
{
    public void Configure(EntityTypeBuilder<GoverningDocument> b)
    {
        b.HasKey(d => new { d.MunicipalityId, d.Id });
        b.Property(d => d.Key).HasMaxLength(100).IsRequired();
        b.Property(d => d.Title).HasMaxLength(300).IsRequired();
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.KindGroupTerm).HasMaxLength(20);
        b.Property(d => d.KindMeaning).HasMaxLength(300);
        b.Property(d => d.GapRule).HasConversion<string>().HasMaxLength(30);
        b.HasOne<Municipality>().WithMany().HasForeignKey(d => d.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.MunicipalityId, d.Key }).IsUnique();
    }
}

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> b)
    {
        b.HasKey(v => new { v.MunicipalityId, v.Id });
        b.Property(v => v.Key).HasMaxLength(100).IsRequired();
        b.Property(v => v.Label).HasMaxLength(50).IsRequired();
        b.Property(v => v.AdoptedBy).HasMaxLength(150).IsRequired();
        b.Property(v => v.ValidUntil).HasMaxLength(20).IsRequired();
        b.Property(v => v.Source).IsRequired();
        b.Ignore(v => v.Validity);
        b.HasOne<GoverningDocument>().WithMany().HasForeignKey(v => new { v.MunicipalityId, v.DocumentId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.MunicipalityId, v.Key }).IsUnique();
        b.HasIndex(v => new { v.MunicipalityId, v.DocumentId });
    }
}

internal sealed class PolicyDecisionConfiguration : IEntityTypeConfiguration<PolicyDecision>
{
    public void Configure(EntityTypeBuilder<PolicyDecision> b)
    {
        b.HasKey(d => new { d.MunicipalityId, d.Id });
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Body).HasMaxLength(150).IsRequired();
        b.Property(d => d.ProposedBy).HasMaxLength(150);
        b.Property(d => d.CaseNumber).HasMaxLength(50);
        b.Property(d => d.MinuteParagraph).HasMaxLength(20);
        b.Property(d => d.ValidUntil).HasMaxLength(20);
        b.Property(d => d.Text).HasMaxLength(4000);
        b.Property(d => d.Note).HasMaxLength(4000);
        b.HasOne<PolicyVersion>().WithMany().HasForeignKey(d => new { d.MunicipalityId, d.PolicyVersionId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.MunicipalityId, d.PolicyVersionId, d.Date });
    }
}
