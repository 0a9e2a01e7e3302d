using Omvarld.Domain.Activities;
using Omvarld.Domain.Organisation;
using static Omvarld.Domain.Tests.Activities.ActivityTestData;

namespace Omvarld.Domain.Tests.Activities;

public class ActivityTests
{
    [Fact]
    public void Create_ValidDetails_IsADraftWithItsGoalsAndSdgs()
    {
        var activity = NewActivity(Details(title: "  Textilt   kulturarv ", sdgs: ["11", "11.4", "4.a"]));

        Assert.Equal(ActivityStatus.Draft, activity.Status);
        Assert.Equal("Textilt kulturarv", activity.Title);
        Assert.Equal(Municipality, activity.MunicipalityId);
        Assert.Equal(new DateOnly(2024, 4, 1), activity.PlannedStart);
        var goal = Assert.Single(activity.Goals);
        Assert.Equal(("KUNSKAPSUTBYTEN", "Museerna lär av varandras arbete med samlingar."), (goal.GoalCode, goal.How));
        Assert.Equal(["11", "11.4", "4.a"], activity.Sdgs.Select(s => s.ToSdg().ToString()));
        Assert.All(activity.Sdgs, s => Assert.Equal((Municipality, activity.Id), (s.MunicipalityId, s.ActivityId)));
    }

    [Fact]
    public void Create_DescriptionInParagraphs_KeepsTheParagraphs()
    {
        var activity = NewActivity(Details(description: "  Första stycket.  \r\n\r\n\r\n  Andra   stycket. "));
        Assert.Equal("Första stycket.\n\nAndra   stycket.", activity.Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_NoTitle_IsRefused(string? title)
    {
        var (activity, result) = Activity.Create(Municipality, Details(title: title), Refs());
        Assert.Null(activity);
        Assert.Equal(("Activity_TitleRequired", "Title"), (result.Error, result.Field));
    }

    [Fact]
    public void Create_TitleOf200_IsAcceptedAnd201_IsRefused()
    {
        Assert.True(Activity.Create(Municipality, Details(title: new string('a', 200)), Refs()).Result.IsOk);
        Assert.Equal("Activity_TitleTooLong", Activity.Create(Municipality, Details(title: new string('a', 201)), Refs()).Result.Error);
    }

    [Fact]
    public void Create_DescriptionOver8000_IsRefused()
    {
        var result = Activity.Create(Municipality, Details(description: new string('x', 8001)), Refs()).Result;
        Assert.Equal(("Activity_DescriptionTooLong", "Description"), (result.Error, result.Field));
    }

    [Fact]
    public void Create_EndBeforeStart_IsRefused()
    {
        var result = Activity.Create(Municipality, Details(start: new DateOnly(2024, 4, 1), end: new DateOnly(2024, 3, 31)), Refs()).Result;
        Assert.Equal(("Activity_EndBeforeStart", "End"), (result.Error, result.Field));
    }

    [Fact]
    public void Create_OneDayActivity_IsAccepted()
    {
        var day = new DateOnly(2024, 5, 20);
        var activity = NewActivity(Details(kind: ActivityKind.ConferenceOrTraining, start: day, end: day));
        Assert.Equal(day, activity.PlannedEnd);
    }

    [Fact]
    public void Create_OpenEndedNetwork_HasNoPlannedEnd()
    {
        var details = Details(kind: ActivityKind.Network) with { End = null };
        Assert.Null(NewActivity(details).PlannedEnd);
    }

    [Fact]
    public void Create_StartInYear2202_IsRefused()
    {
        var result = Activity.Create(Municipality, Details(start: new DateOnly(2202, 1, 1), end: new DateOnly(2202, 2, 1)), Refs()).Result;
        Assert.Equal(("Activity_DateOutOfRange", "Start"), (result.Error, result.Field));
    }

    [Fact]
    public void Create_UnitOfAnotherMunicipalityOrClosedOrMissing_IsRefused()
    {
        var (foreign, _) = Unit.Create(Guid.NewGuid(), "Annan kommuns förvaltning", UnitKind.Administration, null);
        var (closed, _) = Unit.Create(Municipality, "Nedlagd förvaltning", UnitKind.Administration, null);
        closed!.Close(new DateOnly(2023, 12, 31), UnitTree.From([closed]));

        foreach (var unit in new[] { foreign, closed, null })
        {
            var details = Details() with { OwnerUnitId = unit?.Id ?? Guid.NewGuid() };
            var result = Activity.Create(Municipality, details, new ActivityReferences(unit, ["KUNSKAPSUTBYTEN"])).Result;
            Assert.Equal(("Activity_UnitInvalid", "OwnerUnitId"), (result.Error, result.Field));
        }
    }

    [Fact]
    public void Create_GoalOfAnotherPolicyVersion_IsUnknown()
    {
        // VANORTER is a goal of Borås 2023, not of 2016.
        var details = Details(goals: [new GoalServed("VANORTER", "Vänortsutbyte.")]);
        var result = Activity.Create(Municipality, details, Refs(SeedPolicies.Boras2016)).Result;
        Assert.Equal(("Activity_GoalUnknown", "Goals"), (result.Error, result.Field));
        Assert.True(Activity.Create(Municipality, details, Refs(SeedPolicies.Boras2023)).Result.IsOk);
    }

    [Fact]
    public void Create_NoPolicyInForce_AcceptsNoGoal()
    {
        var refs = ActivityReferences.For(Culture, null);
        Assert.Equal("Activity_GoalUnknown", Activity.Create(Municipality, Details(), refs).Result.Error);
        Assert.True(Activity.Create(Municipality, Details(goals: []), refs).Result.IsOk);
    }

    [Fact]
    public void Create_SameGoalTwice_IsRefused()
    {
        var details = Details(goals: [new GoalServed("PROFILERING", "Visar Borås."), new GoalServed("PROFILERING", "Igen.")]);
        Assert.Equal("Activity_GoalDuplicate", Activity.Create(Municipality, details, Refs()).Result.Error);
    }

    [Fact]
    public void Create_GoalWithoutHowItIsServed_IsRefused()
    {
        var details = Details(goals: [new GoalServed("PROFILERING", "  ")]);
        Assert.Equal("Activity_GoalHowRequired", Activity.Create(Municipality, details, Refs()).Result.Error);
    }

    [Theory]
    [InlineData("18")]
    [InlineData("0")]
    [InlineData("05")]
    [InlineData("11.")]
    [InlineData("11.20")]
    [InlineData("11.0")]
    [InlineData("11.x")]
    [InlineData("11.3.1")]
    [InlineData("11,3")]
    [InlineData("18.1")]
    [InlineData("mål 11")]
    [InlineData("")]
    public void Create_SdgOutsideTheGoalsOrMalformedTarget_IsRefused(string sdg)
    {
        var result = Activity.Create(Municipality, Details(sdgs: [sdg]), Refs()).Result;
        Assert.Equal(("Activity_SdgInvalid", "Sdgs"), (result.Error, result.Field));
    }

    [Theory]
    [InlineData("1", 1, null)]
    [InlineData("17", 17, null)]
    [InlineData(" 11.3 ", 11, "11.3")]
    [InlineData("17.19", 17, "17.19")]
    [InlineData("14.C", 14, "14.c")]
    public void Sdg_Parse_GoalsAndTargets(string text, int goal, string? target) =>
        Assert.Equal(new Sdg(goal, target), Sdg.Parse(text));

    [Fact]
    public void Create_SameSdgTwice_IsKeptOnce()
    {
        var activity = NewActivity(Details(sdgs: ["11.4", "11.4", "11"]));
        Assert.Equal(["11.4", "11"], activity.Sdgs.Select(s => s.ToSdg().ToString()));
    }

    [Fact]
    public void Update_KeepsTheRowOfAnUnchangedGoalAndDropsARemovedOne()
    {
        var activity = NewActivity(Details(goals: [new GoalServed("KUNSKAPSUTBYTEN", "Lär av varandra."), new GoalServed("PROFILERING", "Visar Borås.")]));
        var kept = activity.Goals.Single(g => g.GoalCode == "KUNSKAPSUTBYTEN").Id;

        Ok(activity.Update(Details(goals: [new GoalServed("KUNSKAPSUTBYTEN", "Lär av museer i Vilnius."), new GoalServed("VANORTER", "Vänorten deltar.")]), Refs()));

        Assert.Equal(["KUNSKAPSUTBYTEN", "VANORTER"], activity.Goals.Select(g => g.GoalCode));
        Assert.Equal(kept, activity.Goals[0].Id);
        Assert.Equal("Lär av museer i Vilnius.", activity.Goals[0].How);
    }

    [Fact]
    public void Update_Refused_ChangesNothing()
    {
        var activity = NewActivity();
        var result = activity.Update(Details(title: "Ny titel", end: new DateOnly(2020, 1, 1)), Refs());
        Assert.Equal("Activity_EndBeforeStart", result.Error);
        Assert.Equal("Textilt kulturarv i Östersjöregionen", activity.Title);
    }

    [Theory]
    [InlineData(ActivityStatus.Draft, true)]
    [InlineData(ActivityStatus.Rejected, true)]
    [InlineData(ActivityStatus.Submitted, false)]
    [InlineData(ActivityStatus.Approved, false)]
    [InlineData(ActivityStatus.Ongoing, false)]
    [InlineData(ActivityStatus.Completed, false)]
    [InlineData(ActivityStatus.ResultsReported, false)]
    [InlineData(ActivityStatus.Withdrawn, false)]
    public void Update_OnlyInDraftOrAfterRejection(ActivityStatus status, bool allowed)
    {
        var activity = InStatus(status);
        var result = activity.Update(Details(title: "Ny titel"), Refs());
        Assert.Equal(allowed ? null : "Activity_NotEditable", result.Error);
        Assert.Equal(allowed ? "Ny titel" : "Textilt kulturarv i Östersjöregionen", activity.Title);
    }

    [Theory]
    [InlineData(ActivityStatus.Draft, true)]
    [InlineData(ActivityStatus.Rejected, true)]
    [InlineData(ActivityStatus.Submitted, false)]
    [InlineData(ActivityStatus.Approved, false)]
    [InlineData(ActivityStatus.Ongoing, false)]
    public void AddPartner_OnlyWhileDetailsAreEditable(ActivityStatus status, bool allowed)
    {
        var activity = InStatus(status);
        Assert.Equal(allowed ? null : "Activity_NotEditable", activity.AddPartner(Partner("Vilnius", "LT"), PartnerRole.Lead).Error);
        Assert.Equal(allowed ? 1 : 0, activity.Partners.Count);
    }

    [Fact]
    public void AddPartner_Twice_IsRefused()
    {
        var activity = NewActivity();
        var vilnius = Partner("Vilnius", "LT");
        Ok(activity.AddPartner(vilnius, PartnerRole.Lead));
        Assert.Equal("Activity_PartnerAlreadyAdded", activity.AddPartner(vilnius, PartnerRole.Partner).Error);
        Assert.Equal(PartnerRole.Lead, Assert.Single(activity.Partners).Role);
    }

    [Fact]
    public void AddPartner_OfAnotherMunicipalitysDirectory_IsRefused()
    {
        var (foreign, _) = Omvarld.Domain.Partners.PartnerOrganisation.Create(Guid.NewGuid(),
            new Omvarld.Domain.Partners.PartnerDetails("Tallinn", Omvarld.Domain.Partners.PartnerType.Municipality, null, "FI", null), KnownCountries);
        var activity = NewActivity();
        Assert.Equal("Activity_PartnerNotFound", activity.AddPartner(foreign!, PartnerRole.Partner).Error);
        Assert.Empty(activity.Partners);
    }

    [Fact]
    public void ChangePartnerRoleAndRemovePartner_ActOnThatPartnerOnly()
    {
        var activity = NewActivity();
        var vilnius = Partner("Vilnius", "LT");
        var turku = Partner("Åbo", "FI");
        Ok(activity.AddPartner(vilnius, PartnerRole.Partner));
        Ok(activity.AddPartner(turku, PartnerRole.Partner));

        Ok(activity.ChangePartnerRole(vilnius.Id, PartnerRole.Lead));
        Ok(activity.RemovePartner(turku.Id));

        var left = Assert.Single(activity.Partners);
        Assert.Equal((vilnius.Id, PartnerRole.Lead), (left.PartnerId, left.Role));
        Assert.Equal("Activity_PartnerNotFound", activity.RemovePartner(turku.Id).Error);
    }

    [Theory]
    [InlineData("https://www.interreg-baltic.eu/project/textile", true)]
    [InlineData("http://boras.se", true)]
    [InlineData("ftp://boras.se/fil", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("www.boras.se", false)]
    [InlineData("", false)]
    public void AddLink_OnlyHttpAddresses(string url, bool valid)
    {
        var activity = NewActivity();
        var (link, result) = activity.AddLink(url, "Projektets webbplats");
        Assert.Equal(valid ? null : "Link_UrlInvalid", result.Error);
        Assert.Equal(valid, link is not null);
        Assert.Equal(valid ? 1 : 0, activity.Links.Count);
    }

    [Fact]
    public void AddAttachment_KeepsNameSizeAndWho_AndRefusesEmptyFiles()
    {
        var activity = InStatus(ActivityStatus.Ongoing);
        var key = Guid.NewGuid();
        var (file, result) = activity.AddAttachment("Ansökan Interreg.pdf", "application/pdf", 120_000, key, Editor, Now);
        Ok(result);
        Assert.Equal(("Ansökan Interreg.pdf", 120_000L, key, Editor), (file!.FileName, file.SizeBytes, file.StorageKey, file.UploadedByUserId));
        Assert.Equal("Attachment_SizeInvalid", activity.AddAttachment("tom.pdf", "application/pdf", 0, Guid.NewGuid(), Editor, Now).Result.Error);
        Assert.Equal("Attachment_FileNameRequired", activity.AddAttachment(" ", "application/pdf", 10, Guid.NewGuid(), Editor, Now).Result.Error);
    }

    [Fact]
    public void AddLink_OnAWithdrawnActivity_IsRefusedButACommentIsNot()
    {
        var activity = InStatus(ActivityStatus.Withdrawn);
        Assert.Equal("Activity_NotEditable", activity.AddLink("https://boras.se", null).Result.Error);
        var (comment, result) = activity.AddComment("Drogs tillbaka: partnern hoppade av.", Approver, Now);
        Ok(result);
        Assert.Equal((Approver, Now), (comment!.AuthorUserId, comment.At));
    }

    [Fact]
    public void AddComment_Empty_IsRefused() =>
        Assert.Equal("Activity_CommentRequired", NewActivity().AddComment("  \n ", Editor, Now).Result.Error);
}
