using Omvarld.Domain.Access;
using Omvarld.Domain.FollowUp;
using Omvarld.Domain.Organisation;

namespace Omvarld.Domain.Tests.FollowUp;

/// <summary>Issue 15: the round's and the sections' states and who may move them.</summary>
public class FollowUpRoundTests
{
    private static readonly Guid Municipality = Guid.NewGuid();
    private static readonly DateOnly Opened = new(2026, 1, 15);
    private static readonly DateOnly Deadline = new(2026, 3, 31);
    private static readonly DateTimeOffset At = new(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid UserId = Guid.NewGuid();

    private static readonly Unit Council = Unit.Create(Municipality, "Kommunfullmäktige", UnitKind.Council, null).Value!;
    private static readonly Unit Committee = Unit.Create(Municipality, "Kulturnämnden", UnitKind.Committee, Council).Value!;
    private static readonly Unit Other = Unit.Create(Municipality, "Tekniska nämnden", UnitKind.Committee, Council).Value!;
    private static readonly UnitTree Tree = UnitTree.From([Council, Committee, Other]);

    private static readonly AccessScope Coordinator = new(false, [(Role.Coordinator, null)], Tree);
    private static readonly AccessScope Editor = new(false, [(Role.UnitEditor, Committee.Id)], Tree);
    /// <summary>An editor for the council: above the committee, so also the committee's editor.</summary>
    private static readonly AccessScope EditorAbove = new(false, [(Role.UnitEditor, Council.Id)], Tree);
    private static readonly AccessScope Approver = new(false, [(Role.UnitApprover, Committee.Id)], Tree);
    private static readonly AccessScope OtherEditor = new(false, [(Role.UnitEditor, Other.Id)], Tree);

    private static (FollowUpRound Round, FollowUpSection Section) OpenRound(params string?[] questions)
    {
        var (round, sections, result) = FollowUpRound.Open(Municipality, new FollowUpRoundInput(2025, Deadline, questions.Length == 0 ? ["Vad ledde arbetet till?", "Vad fungerade inte?"] : questions),
            [Committee, Other], Coordinator, UserId, Opened);
        Assert.True(result.IsOk, result.Error);
        return (round!, sections.Single(s => s.UnitId == Committee.Id));
    }

    [Fact]
    public void Open_OneSectionPerUnit_NotStarted_WithEmptyAnswers()
    {
        var (round, sections, result) = FollowUpRound.Open(Municipality, new FollowUpRoundInput(2025, Deadline, ["  Vad   ledde arbetet till? "]), [Committee, Other, Committee],
            Coordinator, UserId, Opened);
        Assert.True(result.IsOk);
        Assert.Equal((FollowUpRoundStatus.Open, 2025, Opened, Deadline), (round!.Status, round.Year, round.OpenedOn, round.Deadline));
        Assert.Equal(["Vad ledde arbetet till?"], round.Questions);
        Assert.Equal(2, sections.Count);
        Assert.All(sections, s => Assert.Equal((FollowUpSectionStatus.NotStarted, 2025, round.Id, 1), (s.Status, s.Year, s.RoundId, s.Answers.Length)));
    }

    [Theory]
    [InlineData("FollowUp_DeadlineBeforeOpening", 2025, -1)]
    [InlineData("FollowUp_YearInvalid", 1800, 10)]
    public void Open_BadYearOrDeadline_Refused(string error, int year, int deadlineDays)
    {
        var (round, _, result) = FollowUpRound.Open(Municipality, new FollowUpRoundInput(year, Opened.AddDays(deadlineDays), ["Fråga?"]), [Committee], Coordinator, UserId, Opened);
        Assert.Null(round);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void Open_EmptyQuestion_RefusedNamingItsPosition()
    {
        var (_, _, result) = FollowUpRound.Open(Municipality, new FollowUpRoundInput(2025, Deadline, ["Fråga ett?", "   "]), [Committee], Coordinator, UserId, Opened);
        Assert.Equal(("FollowUp_QuestionEmpty", "Questions"), (result.Error, result.Field));
        Assert.Equal(2, result.Args![0]);
        Assert.Equal("FollowUp_QuestionsRequired", FollowUpRound.Open(Municipality, new FollowUpRoundInput(2025, Deadline, []), [Committee], Coordinator, UserId, Opened).Result.Error);
    }

    [Fact]
    public void Open_OnlyTheCoordinator()
    {
        foreach (var scope in new[] { Editor, Approver, AccessScope.None })
            Assert.Equal("FollowUp_NotCoordinator", FollowUpRound.Open(Municipality, new FollowUpRoundInput(2025, Deadline, ["F?"]), [Committee], scope, UserId, Opened).Result.Error);
    }

    [Fact]
    public void Open_ClosedUnit_Refused()
    {
        var closed = Unit.Create(Municipality, "Nedlagd nämnd", UnitKind.Committee, Council).Value!;
        Assert.True(closed.Close(Opened, UnitTree.From([Council, closed])).IsOk);
        Assert.Equal("FollowUp_UnitClosed", FollowUpRound.Open(Municipality, new FollowUpRoundInput(2025, Deadline, ["F?"]), [closed], Coordinator, UserId, Opened).Result.Error);
    }

    [Fact]
    public void Section_WriteReadyReopen_TheWholeLoop()
    {
        var (round, section) = OpenRound();
        Assert.Equal(FollowUpProgress.NotStarted, section.ProgressOn(round, Opened));

        Assert.True(section.Write(round, ["Två utbyten.", ""], Editor, UserId, At).IsOk);
        Assert.Equal(FollowUpSectionStatus.InProgress, section.Status);
        Assert.Equal(["Två utbyten.", ""], section.Answers);
        // Ready needs every question answered.
        var early = section.MarkReady(round, Approver, UserId, At);
        Assert.Equal("FollowUp_AnswerMissing", early.Error);
        Assert.Equal(2, early.Args![0]);

        Assert.True(section.Write(round, ["Två utbyten.", "Tiden räckte inte."], EditorAbove, UserId, At).IsOk);
        Assert.True(section.MarkReady(round, Approver, UserId, At).IsOk);
        Assert.Equal((FollowUpSectionStatus.Ready, At, UserId), (section.Status, section.ReadyAt, section.ReadyByUserId));
        Assert.Equal(FollowUpProgress.Ready, section.ProgressOn(round, Deadline.AddDays(30)));

        // Ready: no writing until reopened.
        Assert.Equal("FollowUp_SectionReady", section.Write(round, ["Ändrat."], Editor, UserId, At).Error);
        Assert.Equal("FollowUp_SectionReady", section.MarkReady(round, Approver, UserId, At).Error);
        Assert.Equal("FollowUp_NotApprover", section.Reopen(round, Editor).Error);
        Assert.True(section.Reopen(round, Approver).IsOk);
        Assert.Equal((FollowUpSectionStatus.InProgress, (DateTimeOffset?)null), (section.Status, section.ReadyAt));
        Assert.True(section.Write(round, ["Ändrat.", "Tiden räckte inte."], Editor, UserId, At).IsOk);
        Assert.Equal("FollowUp_SectionNotReady", section.Reopen(round, Approver).Error);
    }

    [Fact]
    public void Section_OnlyItsOwnEditorsWrite_OnlyItsApproversMarkReady()
    {
        var (round, section) = OpenRound("F?");
        Assert.Equal("FollowUp_NotEditor", section.Write(round, ["Svar."], OtherEditor, UserId, At).Error);
        Assert.Equal("FollowUp_NotEditor", section.Write(round, ["Svar."], Approver, UserId, At).Error);
        Assert.True(section.Write(round, ["Svar."], Editor, UserId, At).IsOk);
        Assert.Equal("FollowUp_NotApprover", section.MarkReady(round, Editor, UserId, At).Error);
        Assert.Equal("FollowUp_NotApprover", section.MarkReady(round, Coordinator, UserId, At).Error);
        Assert.Equal("FollowUp_TooManyAnswers", section.Write(round, ["Ett.", "Två."], Editor, UserId, At).Error);
        Assert.Equal("FollowUp_AnswerTooLong", section.Write(round, [new string('x', FollowUpSection.AnswerMaxLength + 1)], Editor, UserId, At).Error);
    }

    [Fact]
    public void Late_OnceTheDeadlinePassed_AndNotReady_ByTheSectionsOwnDeadlineWhereSet()
    {
        var (round, section) = OpenRound("F?");
        Assert.Equal(FollowUpProgress.NotStarted, section.ProgressOn(round, Deadline));
        Assert.Equal(FollowUpProgress.Late, section.ProgressOn(round, Deadline.AddDays(1)));
        Assert.True(section.Write(round, ["Svar."], Editor, UserId, At).IsOk);
        Assert.Equal(FollowUpProgress.InProgress, section.ProgressOn(round, Deadline));
        Assert.Equal(FollowUpProgress.Late, section.ProgressOn(round, Deadline.AddDays(1)));

        // More time for this unit only.
        Assert.Equal("FollowUp_NotCoordinator", section.SetDeadline(round, Deadline.AddDays(14), Editor).Error);
        Assert.Equal("FollowUp_DeadlineBeforeOpening", section.SetDeadline(round, Opened.AddDays(-1), Coordinator).Error);
        Assert.True(section.SetDeadline(round, Deadline.AddDays(14), Coordinator).IsOk);
        Assert.Equal(FollowUpProgress.InProgress, section.ProgressOn(round, Deadline.AddDays(1)));
        Assert.True(section.SetDeadline(round, null, Coordinator).IsOk);
        Assert.Null(section.Deadline);
    }

    [Fact]
    public void Close_OnlyTheCoordinator_ThenNothingChanges()
    {
        var (round, section) = OpenRound("F?");
        Assert.True(section.Write(round, ["Svar."], Editor, UserId, At).IsOk);
        Assert.True(section.MarkReady(round, Approver, UserId, At).IsOk);
        Assert.Equal("FollowUp_NotCoordinator", round.Close(Approver, UserId, At).Error);
        Assert.True(round.WriteSummary("  Året i korthet.\r\n\r\n\r\nMer text. ", Coordinator).IsOk);
        Assert.Equal("Året i korthet.\n\nMer text.", round.Summary);
        Assert.Equal("FollowUp_DeadlineBeforeOpening", round.MoveDeadline(Opened.AddDays(-1), Coordinator).Error);

        Assert.True(round.Close(Coordinator, UserId, At).IsOk);
        Assert.Equal((FollowUpRoundStatus.Closed, At, UserId), (round.Status, round.ClosedAt, round.ClosedByUserId));
        Assert.Equal("FollowUp_RoundClosed", round.Close(Coordinator, UserId, At).Error);
        Assert.Equal("FollowUp_RoundClosed", round.WriteSummary("Ändrad.", Coordinator).Error);
        Assert.Equal("FollowUp_RoundClosed", round.MoveDeadline(Deadline.AddDays(5), Coordinator).Error);
        Assert.Equal("FollowUp_RoundClosed", section.Reopen(round, Approver).Error);
        Assert.Equal("FollowUp_RoundClosed", section.SetDeadline(round, Deadline, Coordinator).Error);
    }

    [Fact]
    public void Section_OfAnotherRound_Refused()
    {
        var (round, _) = OpenRound("F?");
        var (_, otherSection) = OpenRound("F?");
        Assert.Equal("FollowUp_SectionNotInRound", otherSection.Write(round, ["Svar."], Editor, UserId, At).Error);
    }
}
