using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omvarld.Domain.Municipalities;

namespace Omvarld.Web.Data.Configurations;

internal sealed class ReminderLogConfiguration : IEntityTypeConfiguration<ReminderLog>
{
    public void Configure(EntityTypeBuilder<ReminderLog> b)
    {
        b.HasKey(r => new { r.MunicipalityId, r.Id });
        b.Property(r => r.ReportKey).HasMaxLength(ReminderLog.ReportKeyMaxLength).IsRequired();
        b.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        // The claim: one reminder per activity, report and recipient in an ISO week, whoever sends it.
        b.HasIndex(r => new { r.MunicipalityId, r.ActivityId, r.ReportKey, r.RecipientUserId, r.Week }).IsUnique();
        // "Sent in the last seven days", read once per run.
        b.HasIndex(r => new { r.MunicipalityId, r.SentOn });
    }
}
