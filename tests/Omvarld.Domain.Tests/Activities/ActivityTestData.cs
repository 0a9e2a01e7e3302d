using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Activities.Checks;
using Omvarld.Domain.Common;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Partners;
using Omvarld.Domain.Policies;

namespace Omvarld.Domain.Tests.Activities;

/// <summary>An activity of Borås's Kulturförvaltning under the 2023 policy, and what it takes to move it along.</summary>
internal static class ActivityTestData
{
    public static readonly Guid Municipality = Guid.NewGuid();
    public static readonly Unit Culture = NewUnit("Kulturförvaltningen", UnitKind.Administration);
    public static readonly Unit OtherUnit = NewUnit("Tekniska förvaltningen", UnitKind.Administration);
    public static readonly Guid Editor = Guid.NewGuid();
    public static readonly Guid Approver = Guid.NewGuid();
    public static readonly Guid PolicyVersionId = Guid.NewGuid();
    public static readonly DateTimeOffset Now = new(2024, 3, 10, 9, 0, 0, TimeSpan.FromHours(1));
    public static readonly IReadOnlySet<string> KnownCountries = new HashSet<string> { "SE", "DE", "FI", "LT", "KE", "NO" };
    public static readonly FundingReferences FundingRefs = new(new HashSet<Guid> { Culture.Id, OtherUnit.Id }, new HashSet<string> { "INTERREG_BSR", "ERASMUS_PLUS", "CERV" });

    /// <summary>An approver of the culture administration.</summary>
    public static readonly AccessScope CultureApprover = new(false, [(Role.UnitApprover, Culture.Id)], UnitTree.From([Culture, OtherUnit]));

    public static ActivityReferences Refs(PolicyDefinition? policy = null) => ActivityReferences.For(Culture, policy ?? SeedPolicies.Boras2023);

    public static ActivityDetails Details(
        string? title = "Textilt kulturarv i Östersjöregionen",
        ActivityKind kind = ActivityKind.TransnationalProject,
        DateOnly? start = null,
        DateOnly? end = null,
        IReadOnlyList<GoalServed>? goals = null,
        IReadOnlyList<string>? sdgs = null,
        string? motivation = null,
        string? childPerspective = null,
        bool aimedAtEnabling = false,
        string? description = "Ett Interreg-projekt om textilt kulturarv med museer i Litauen och Finland.") =>
        new(title, description, kind, Culture.Id, Editor,
            start ?? new DateOnly(2024, 4, 1), end ?? new DateOnly(2026, 3, 31),
            "Utveckla museets publika arbete.", "En gemensam utställning och ett metodmaterial.", motivation, childPerspective, "KS 2024/00123",
            aimedAtEnabling,
            goals ?? [new GoalServed("KUNSKAPSUTBYTEN", "Museerna lär av varandras arbete med samlingar.")],
            sdgs ?? ["11", "11.4"]);

    public static Activity NewActivity(ActivityDetails? details = null, PolicyDefinition? policy = null)
    {
        var (activity, result) = Activity.Create(Municipality, details ?? Details(), Refs(policy));
        Assert.True(result.IsOk, result.Error);
        return activity!;
    }

    public static PartnerOrganisation Partner(string name, string country, PartnerType type = PartnerType.Municipality)
    {
        var (partner, result) = PartnerOrganisation.Create(Municipality, new PartnerDetails(name, type, "Staden", country, null), KnownCountries);
        Assert.True(result.IsOk, result.Error);
        return partner!;
    }

    public static FundingInput Eu(decimal amountEur, FundingStatus status = FundingStatus.Granted, string programme = "INTERREG_BSR") =>
        new(FundingSource.EuProgramme, null, programme, null, null, amountEur, Currency.Eur, 11.5m, status, status == FundingStatus.Planned ? null : new DateOnly(2024, 2, 1));

    public static FundingInput Own(decimal amountSek, FundingStatus status = FundingStatus.Granted) =>
        new(FundingSource.OwnBudget, Culture.Id, null, null, null, amountSek, Currency.Sek, null, status, status == FundingStatus.Planned ? null : new DateOnly(2024, 1, 15));

    public static FundingInput Other(string funder, FunderKind kind, decimal amountSek, FundingStatus status = FundingStatus.Granted) =>
        new(FundingSource.OtherFunder, null, null, funder, kind, amountSek, Currency.Sek, null, status, status == FundingStatus.Planned ? null : new DateOnly(2024, 1, 15));

    public static FundingLine AddFunding(this Activity activity, FundingInput input)
    {
        var (line, result) = activity.AddFunding(input, FundingRefs);
        Assert.True(result.IsOk, result.Error);
        return line!;
    }

    public static void Ok(Result result) => Assert.True(result.IsOk, result.Error);

    public static void Ok((ActivityTransition? Value, Result Result) step) => Assert.True(step.Result.IsOk, step.Result.Error);

    /// <summary>Walks a fresh activity along the workflow to <paramref name="status"/>.</summary>
    public static Activity InStatus(ActivityStatus status, ActivityDetails? details = null)
    {
        var a = NewActivity(details);
        if (status == ActivityStatus.Draft) return a;
        if (status == ActivityStatus.Withdrawn) { Ok(a.Withdraw(Editor, Now)); return a; }
        Ok(a.Submit(Editor, Now));
        if (status == ActivityStatus.Submitted) return a;
        if (status == ActivityStatus.Rejected) { Ok(a.Reject(Approver, CultureApprover, "Beskriv barnperspektivet.", Now)); return a; }
        Ok(a.Approve(Approver, CultureApprover, PolicyVersionId, [], Now));
        if (status == ActivityStatus.Approved) return a;
        Ok(a.Start(Editor, Now));
        if (status == ActivityStatus.Ongoing) return a;
        Ok(a.Complete(Editor, Now, new DateOnly(2026, 3, 31)));
        if (status == ActivityStatus.Completed) return a;
        Ok(a.ReportFinalResults("Utställningen visades i tre länder.", Editor, Now));
        return a;
    }

    private static Unit NewUnit(string name, UnitKind kind)
    {
        var (unit, result) = Unit.Create(Municipality, name, kind, null);
        Assert.True(result.IsOk, result.Error);
        return unit!;
    }
}
