using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Plans;

namespace Omvarld.Web.Data.Configurations;

internal sealed class PriorityConfiguration : IEntityTypeConfiguration<Priority>
{
    public void Configure(EntityTypeBuilder<Priority> b)
    {
        b.HasKey(p => new { p.MunicipalityId, p.Id });
        b.Property(p => p.Title).HasMaxLength(Priority.TitleMaxLength).IsRequired();
        b.Property(p => p.Text).HasMaxLength(Priority.TextMaxLength);
        b.Property(p => p.MinuteParagraph).HasMaxLength(Priority.MinuteParagraphMaxLength);
        b.Property(p => p.CaseNumber).HasMaxLength(Priority.CaseNumberMaxLength);
        b.PrimitiveCollection(p => p.GoalCodes).IsRequired();
        b.PrimitiveCollection(p => p.Sdgs).IsRequired();
        b.HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.MunicipalityId, p.Year });
    }
}

internal sealed class ActivityPriorityConfiguration : IEntityTypeConfiguration<ActivityPriority>
{
    public void Configure(EntityTypeBuilder<ActivityPriority> b)
    {
        b.HasKey(p => new { p.MunicipalityId, p.Id });
        b.HasOne<Activity>().WithMany().HasForeignKey(p => new { p.MunicipalityId, p.ActivityId }).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Priority>().WithMany().HasForeignKey(p => new { p.MunicipalityId, p.PriorityId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.MunicipalityId, p.ActivityId, p.PriorityId }).IsUnique();
        b.HasIndex(p => new { p.MunicipalityId, p.PriorityId });
    }
}

/// <summary>One plan per unit and year, enforced by the database too; items belong to their plan.</summary>
internal sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> b)
    {
        b.HasKey(p => new { p.MunicipalityId, p.Id });
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.AdoptedBy).HasMaxLength(ActionPlan.BodyMaxLength);
        b.Property(p => p.MinuteParagraph).HasMaxLength(ActionPlan.MinuteParagraphMaxLength);
        b.Property(p => p.OverallEvaluation).HasMaxLength(ActionPlan.OverallEvaluationMaxLength);
        b.HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => new { p.MunicipalityId, p.UnitId }).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ActionPlan>().WithMany().HasForeignKey(p => new { p.MunicipalityId, p.RevisedFromPlanId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.MunicipalityId, p.UnitId, p.Year }).IsUnique();
        b.HasIndex(p => new { p.MunicipalityId, p.Year, p.Status });
        b.HasMany(p => p.Items).WithOne().HasForeignKey(i => new { i.MunicipalityId, i.PlanId }).HasPrincipalKey(p => new { p.MunicipalityId, p.Id })
            .OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ActionPlanItemConfiguration : IEntityTypeConfiguration<ActionPlanItem>
{
    public void Configure(EntityTypeBuilder<ActionPlanItem> b)
    {
        b.HasKey(i => new { i.MunicipalityId, i.Id });
        b.Property(i => i.What).HasMaxLength(ActionPlanItem.WhatMaxLength).IsRequired();
        b.Property(i => i.Why).HasMaxLength(ActionPlanItem.WhyMaxLength);
        b.Property(i => i.GoalCode).HasMaxLength(60);
        b.Property(i => i.Who).HasMaxLength(ActionPlanItem.WhoMaxLength);
        b.Property(i => i.When).HasMaxLength(ActionPlanItem.WhenMaxLength);
        b.Property(i => i.BudgetSek).HasPrecision(14, 2);
        b.Property(i => i.Indicator).HasMaxLength(ActionPlanItem.IndicatorMaxLength);
        b.Property(i => i.Target).HasMaxLength(ActionPlanItem.TargetMaxLength);
        b.PrimitiveCollection(i => i.ActivityIds).IsRequired();
        b.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.LedTo).HasMaxLength(ActionPlanItem.LedToMaxLength);
        b.Property(i => i.IndicatorOutcome).HasMaxLength(ActionPlanItem.IndicatorMaxLength);
        b.HasOne<Priority>().WithMany().HasForeignKey(i => new { i.MunicipalityId, i.PriorityId }).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.MunicipalityId, i.PlanId, i.Position });
    }
}

internal sealed class ActionPlanSettingConfiguration : IEntityTypeConfiguration<ActionPlanSetting>
{
    public void Configure(EntityTypeBuilder<ActionPlanSetting> b)
    {
        b.HasKey(s => new { s.MunicipalityId, s.Id });
        b.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.MunicipalityId).IsUnique();
    }
}
