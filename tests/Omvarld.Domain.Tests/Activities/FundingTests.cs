using Omvarld.Domain.Activities;
using static Omvarld.Domain.Tests.Activities.ActivityTestData;

namespace Omvarld.Domain.Tests.Activities;

public class FundingTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(-0.01)]
    [InlineData(1_000_000_000.01)]
    [InlineData(25_000_000_000)]
    public void AddFunding_NegativeOrAbsurdAmount_IsRefused(decimal amount)
    {
        var activity = NewActivity();
        var (line, result) = activity.AddFunding(Own(amount), FundingRefs);
        Assert.Equal(("Funding_AmountInvalid", "Amount"), (result.Error, result.Field));
        Assert.Null(line);
        Assert.Empty(activity.Funding);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000_000)]
    public void AddFunding_ZeroOrOneBillion_IsAccepted(decimal amount) =>
        Assert.Equal(amount, NewActivity().AddFunding(Own(amount)).Amount);

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(-11.2)]
    public void AddFunding_EurWithoutAPositiveRate_IsRefused(double? rate)
    {
        var input = Eu(100_000) with { ExchangeRate = (decimal?)rate };
        var result = NewActivity().AddFunding(input, FundingRefs).Result;
        Assert.Equal(("Funding_RateRequired", "ExchangeRate"), (result.Error, result.Field));
    }

    [Fact]
    public void AddFunding_EurAtAnAbsurdRate_IsRefused() =>
        Assert.Equal("Funding_RateInvalid", NewActivity().AddFunding(Eu(100_000) with { ExchangeRate = 1150m }, FundingRefs).Result.Error);

    [Fact]
    public void AmountSek_EurIsConvertedAtTheLinesOwnRate()
    {
        var line = NewActivity().AddFunding(Eu(123_456.78m) with { ExchangeRate = 11.4875m });
        Assert.Equal(1_418_209.76m, line.AmountSek);   // 123 456.78 × 11.4875 = 1 418 209.76025
    }

    [Fact]
    public void AddFunding_SekWithARate_DropsTheRate()
    {
        var line = NewActivity().AddFunding(Own(50_000) with { ExchangeRate = 11m });
        Assert.Null(line.ExchangeRate);
        Assert.Equal(50_000m, line.AmountSek);
    }

    [Theory]
    [InlineData("HORIZON_2020")]
    [InlineData("")]
    [InlineData(null)]
    public void AddFunding_EuProgrammeNotInTheList_IsRefused(string? code) =>
        Assert.Equal("Funding_ProgrammeUnknown", NewActivity().AddFunding(Eu(10_000) with { ProgrammeCode = code }, FundingRefs).Result.Error);

    [Fact]
    public void AddFunding_EuProgrammeInLowerCase_IsStoredAsItsCode() =>
        Assert.Equal("ERASMUS_PLUS", NewActivity().AddFunding(Eu(10_000, programme: " erasmus_plus ")).ProgrammeCode);

    [Fact]
    public void AddFunding_OwnBudgetOfAUnitNotInTheMunicipality_IsRefused()
    {
        Assert.Equal("Funding_UnitRequired", NewActivity().AddFunding(Own(10_000) with { OwnUnitId = Guid.NewGuid() }, FundingRefs).Result.Error);
        Assert.Equal("Funding_UnitRequired", NewActivity().AddFunding(Own(10_000) with { OwnUnitId = null }, FundingRefs).Result.Error);
    }

    [Fact]
    public void AddFunding_OtherFunderNeedsANameAndAKind()
    {
        Assert.Equal("Funding_FunderRequired", NewActivity().AddFunding(Other(" ", FunderKind.National, 10_000), FundingRefs).Result.Error);
        Assert.Equal("Funding_FunderKindRequired", NewActivity().AddFunding(Other("ICLD", FunderKind.National, 10_000) with { FunderKind = null }, FundingRefs).Result.Error);
        var line = NewActivity().AddFunding(Other(" ICLD  Kommunala partnerskap ", FunderKind.National, 10_000));
        Assert.Equal(("ICLD Kommunala partnerskap", FunderKind.National), (line.FunderName, line.FunderKind));
    }

    [Fact]
    public void AddFunding_AppliedWithoutADate_IsRefused() =>
        Assert.Equal("Funding_DateRequired", NewActivity().AddFunding(Eu(10_000, FundingStatus.Applied) with { StatusOn = null }, FundingRefs).Result.Error);

    [Fact]
    public void ChangeFundingStatus_KeepsEachStepsDate()
    {
        var activity = NewActivity();
        var line = activity.AddFunding(Eu(200_000, FundingStatus.Planned));

        Ok(activity.ChangeFundingStatus(line.Id, FundingStatus.Applied, new DateOnly(2024, 2, 1)));
        Ok(activity.ChangeFundingStatus(line.Id, FundingStatus.Granted, new DateOnly(2024, 6, 15)));

        Assert.Equal(FundingStatus.Granted, line.Status);
        Assert.Equal((new DateOnly(2024, 2, 1), new DateOnly(2024, 6, 15), (DateOnly?)null), (line.AppliedOn, line.DecidedOn, line.PaidOn));
        Assert.Equal("Funding_DateRequired", activity.ChangeFundingStatus(line.Id, FundingStatus.Paid, null).Error);
        Assert.Equal("Funding_NotFound", activity.ChangeFundingStatus(Guid.NewGuid(), FundingStatus.Paid, new DateOnly(2024, 7, 1)).Error);
    }

    [Theory]
    [InlineData(ActivityStatus.Draft, true)]
    [InlineData(ActivityStatus.Rejected, true)]
    [InlineData(ActivityStatus.Approved, true)]
    [InlineData(ActivityStatus.Ongoing, true)]
    [InlineData(ActivityStatus.Submitted, false)]
    [InlineData(ActivityStatus.Completed, false)]
    [InlineData(ActivityStatus.ResultsReported, false)]
    [InlineData(ActivityStatus.Withdrawn, false)]
    public void AddFunding_UntilTheActivityEndsButNotUnderReview(ActivityStatus status, bool allowed)
    {
        var activity = InStatus(status);
        Assert.Equal(allowed ? null : "Activity_NotEditable", activity.AddFunding(Eu(10_000), FundingRefs).Result.Error);
    }

    [Theory]
    [InlineData(ActivityStatus.Ongoing, true)]
    [InlineData(ActivityStatus.Completed, true)]
    [InlineData(ActivityStatus.ResultsReported, true)]
    [InlineData(ActivityStatus.Submitted, false)]
    public void ChangeFundingStatus_PaymentAfterTheEndIsStillRecorded(ActivityStatus status, bool allowed)
    {
        var activity = NewActivity();
        var line = activity.AddFunding(Eu(10_000, FundingStatus.Granted));
        MoveTo(activity, status);

        var result = activity.ChangeFundingStatus(line.Id, FundingStatus.Paid, new DateOnly(2026, 9, 1));

        Assert.Equal(allowed ? null : "Activity_NotEditable", result.Error);
        Assert.Equal(allowed ? FundingStatus.Paid : FundingStatus.Granted, line.Status);
    }

    [Fact]
    public void Summary_GivesThePipelineInSekAndTheExternalShare()
    {
        var activity = NewActivity();
        activity.AddFunding(Own(300_000));                                            // own, counts
        activity.AddFunding(Eu(40_000, FundingStatus.Applied));                       // 460 000 SEK, counts
        activity.AddFunding(Eu(10_000, FundingStatus.Planned, "CERV"));               // 115 000 SEK, not yet
        activity.AddFunding(Other("Svenska institutet", FunderKind.National, 50_000, FundingStatus.Rejected));

        var summary = FundingSummary.Of(activity.Funding);

        Assert.Equal((115_000m, 460_000m, 300_000m, 50_000m, 0m), (summary.PlannedSek, summary.AppliedSek, summary.GrantedSek, summary.RejectedSek, summary.PaidSek));
        Assert.Equal((300_000m, 460_000m, 760_000m), (summary.OwnSek, summary.ExternalSek, summary.TotalSek));
        Assert.Equal(460_000m / 760_000m, summary.ExternalShare);
        Assert.True(summary.ExternalFundingSought);
    }

    [Fact]
    public void Summary_OwnBudgetOnly_HasNoExternalFundingSought()
    {
        var activity = NewActivity();
        activity.AddFunding(Own(100_000));
        var summary = FundingSummary.Of(activity.Funding);
        Assert.False(summary.ExternalFundingSought);
        Assert.Equal(0m, summary.ExternalShare);
    }

    [Fact]
    public void Summary_NoFundingAtAll_HasShareZero() => Assert.Equal(0m, FundingSummary.Of([]).ExternalShare);

    private static void MoveTo(Activity a, ActivityStatus status)
    {
        if (status == ActivityStatus.Draft) return;
        Ok(a.Submit(Editor, Now));
        if (status == ActivityStatus.Submitted) return;
        Ok(a.Approve(Approver, CultureApprover, PolicyVersionId, [], Now));
        Ok(a.Start(Editor, Now));
        if (status == ActivityStatus.Ongoing) return;
        Ok(a.Complete(Editor, Now, new DateOnly(2026, 3, 31)));
        if (status == ActivityStatus.Completed) return;
        Ok(a.ReportFinalResults("Klart.", Editor, Now));
    }
}
