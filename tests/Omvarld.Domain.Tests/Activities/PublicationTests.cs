using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Organisation;
using static Omvarld.Domain.Tests.Activities.ActivityTestData;

namespace Omvarld.Domain.Tests.Activities;

public class PublicationTests
{
    private static readonly AccessScope Coordinator = new(false, [(Role.Coordinator, Culture.Id)], UnitTree.From([Culture, OtherUnit]));
    private static readonly Guid CoordinatorId = Guid.NewGuid();

    private static Activity Approved()
    {
        var a = NewActivity();
        Assert.True(a.Submit(Editor, Now).Result.IsOk);
        Assert.True(a.Approve(Approver, CultureApprover, PolicyVersionId, [], Now).Result.IsOk);
        return a;
    }

    [Fact]
    public void A_draft_cannot_be_published()
    {
        var a = NewActivity();
        var result = a.Publish(Coordinator, CoordinatorId, Now);
        Assert.Equal("Activity_PublishNotApproved", result.Error);
        Assert.False(a.IsPublished);
        Assert.Null(a.PublishedAt);
    }

    [Fact]
    public void A_submitted_activity_cannot_be_published()
    {
        var a = NewActivity();
        a.Submit(Editor, Now);
        Assert.Equal("Activity_PublishNotApproved", a.Publish(Coordinator, CoordinatorId, Now).Error);
    }

    [Fact]
    public void The_coordinator_publishes_an_approved_activity_and_can_take_it_back()
    {
        var a = Approved();
        Assert.True(a.Publish(Coordinator, CoordinatorId, Now).IsOk);
        Assert.True(a.IsPublished);
        Assert.Equal(CoordinatorId, a.PublishedByUserId);
        Assert.True(a.Unpublish(Coordinator).IsOk);
        Assert.False(a.IsPublished);
    }

    [Fact]
    public void Only_the_coordinator_publishes()
    {
        var a = Approved();
        Assert.Equal("Activity_PublishNotAllowed", a.Publish(CultureApprover, Approver, Now).Error);
        Assert.Equal("Activity_PublishNotAllowed", a.ChooseForIati(CultureApprover, true).Error);
        Assert.False(a.IsPublished);
        Assert.False(a.IatiChosen);
    }

    [Fact]
    public void Withdrawing_an_approved_activity_takes_it_off_the_open_pages()
    {
        var a = Approved();
        a.Publish(Coordinator, CoordinatorId, Now);
        Assert.True(a.Withdraw(Editor, Now).Result.IsOk);
        Assert.False(a.IsPublished);
        Assert.Null(a.PublishedAt);
    }

    [Fact]
    public void Aid_is_in_IATI_by_its_kind_other_kinds_when_chosen()
    {
        var aid = NewActivity(Details(kind: ActivityKind.AidOrDevelopmentCooperation));
        Assert.True(aid.InIati);
        var project = NewActivity();
        Assert.False(project.InIati);
        Assert.True(project.ChooseForIati(Coordinator, true).IsOk);
        Assert.True(project.InIati);
    }
}
