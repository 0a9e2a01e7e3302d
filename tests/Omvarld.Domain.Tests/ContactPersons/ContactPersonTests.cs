using Omvarld.Domain.ContactPersons;
using Omvarld.Domain.Organisation;

namespace Omvarld.Domain.Tests.ContactPersons;

public class ContactPersonTests
{
    private static readonly Guid Municipality = Guid.NewGuid();
    private static readonly Guid Anna = Guid.NewGuid(), Bo = Guid.NewGuid(), Stranger = Guid.NewGuid();
    private static readonly HashSet<Guid> Members = [Anna, Bo];
    private static readonly UnitNode Office = new(Guid.NewGuid(), null, "Utbildningskontoret", UnitKind.Office, false);
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static (ContactPerson? Value, Domain.Common.Result Result) Create(Guid? user, Guid? deputy, DateOnly? from, DateOnly? to, params ContactPeriod[] others) =>
        ContactPerson.Create(Municipality, Office, new ContactPersonDetails(user, deputy, from, to), Members, others);

    [Fact]
    public void Create_MemberWithDeputyAndOpenPeriod_IsCurrentFromStart()
    {
        var (person, result) = Create(Anna, Bo, D(2025, 1, 1), null);
        Assert.True(result.IsOk);
        Assert.Equal((Office.Id, Anna, (Guid?)Bo), (person!.UnitId, person.UserId, person.DeputyUserId));
        Assert.False(person.IsCurrentOn(D(2024, 12, 31)));
        Assert.True(person.IsCurrentOn(D(2030, 6, 1)));
    }

    [Fact]
    public void Create_UserOfAnotherMunicipality_Refused()
    {
        Assert.Equal("ContactPerson_UserNotMember", Create(Stranger, null, D(2025, 1, 1), null).Result.Error);
        Assert.Equal("ContactPerson_DeputyNotMember", Create(Anna, Stranger, D(2025, 1, 1), null).Result.Error);
        Assert.Equal("ContactPerson_DeputySameAsContact", Create(Anna, Anna, D(2025, 1, 1), null).Result.Error);
        Assert.Equal("ContactPerson_UserRequired", Create(null, null, D(2025, 1, 1), null).Result.Error);
    }

    [Fact]
    public void Create_EndBeforeStartOrNoStart_Refused()
    {
        var (_, result) = Create(Anna, null, D(2025, 6, 1), D(2025, 5, 31));
        Assert.Equal(("ContactPerson_EndBeforeStart", "To"), (result.Error, result.Field));
        Assert.Equal("ContactPerson_FromRequired", Create(Anna, null, null, null).Result.Error);
    }

    [Fact]
    public void Create_UnknownOrClosedUnit_Refused()
    {
        var details = new ContactPersonDetails(Anna, null, D(2025, 1, 1), null);
        Assert.Equal("ContactPerson_UnitUnknown", ContactPerson.Create(Municipality, null, details, Members, []).Result.Error);
        Assert.Equal("ContactPerson_UnitClosed", ContactPerson.Create(Municipality, Office with { IsClosed = true }, details, Members, []).Result.Error);
    }

    [Theory]
    [InlineData("2024-01-01", null, true)]          // open period against an open one
    [InlineData("2024-01-01", "2025-01-01", true)]  // ends on the other's first day
    [InlineData("2024-01-01", "2024-12-31", false)] // ends the day before
    [InlineData("2026-01-01", null, true)]          // inside the other's open period
    public void Create_OverlapWithAnotherPeriodOfTheUnit_Refused(string from, string? to, bool refused)
    {
        var other = new ContactPeriod(Guid.NewGuid(), D(2025, 1, 1), null);
        var (_, result) = Create(Bo, null, DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to), other);
        Assert.Equal(refused ? "ContactPerson_Overlap" : null, result.Error);
    }

    [Fact]
    public void Update_OwnPeriodIsNoOverlap_AndEndBoundedByStart()
    {
        var (person, _) = Create(Anna, null, D(2025, 1, 1), null);
        Assert.True(person!.Update(new ContactPersonDetails(Bo, Anna, D(2025, 2, 1), null), Members, [new ContactPeriod(person.Id, D(2025, 1, 1), null)]).IsOk);
        Assert.Equal("ContactPerson_EndBeforeStart", person.End(D(2025, 1, 31)).Error);
        Assert.True(person.End(D(2025, 12, 31)).IsOk);
        Assert.Equal(D(2025, 12, 31), person.To);
        Assert.False(person.IsCurrentOn(D(2026, 1, 1)));
    }
}

public class CompetenceEntryTests
{
    private static readonly Guid Anna = Guid.NewGuid();
    private static readonly ContactPerson Person = ContactPerson.Create(Guid.NewGuid(), new UnitNode(Guid.NewGuid(), null, "Kontoret", UnitKind.Office, false),
        new ContactPersonDetails(Anna, null, new DateOnly(2025, 1, 1), null), new HashSet<Guid> { Anna }, []).Value!;

    private static Domain.Common.Result Try(decimal? hours, CompetenceKind? kind = CompetenceKind.Course, bool? joint = true, string? text = "Kurs i EU-ansökningar", Guid? activity = null) =>
        CompetenceEntry.Create(Person, new CompetenceDetails(kind, new DateOnly(2025, 3, 4), hours, joint, text, activity), new HashSet<Guid>()).Result;

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(80.1)]
    [InlineData(0.04)]
    public void Hours_ZeroNegativeOrAboveMax_Refused(double hours) => Assert.Equal("Competence_HoursInvalid", Try((decimal)hours).Error);

    [Fact]
    public void Entry_Valid_RoundsHoursToOneDecimal()
    {
        var (entry, result) = CompetenceEntry.Create(Person, new CompetenceDetails(CompetenceKind.StudyVisit, new DateOnly(2025, 3, 4), 7.45m, false, "  Studiebesök\r\n\r\n\r\ni Tallinn ", null), new HashSet<Guid>());
        Assert.True(result.IsOk);
        Assert.Equal((7.5m, false, "Studiebesök\n\ni Tallinn", Person.Id), (entry!.Hours, entry.IsJoint, entry.Description, entry.ContactPersonId));
    }

    [Fact]
    public void Entry_MissingFieldsOrUnknownActivity_Refused()
    {
        Assert.Equal("Competence_KindInvalid", Try(2, kind: null).Error);
        Assert.Equal("Competence_KindInvalid", Try(2, kind: (CompetenceKind)9).Error);
        Assert.Equal("Competence_FormRequired", Try(2, joint: null).Error);
        Assert.Equal("Competence_DescriptionRequired", Try(2, text: "  ").Error);
        Assert.Equal("Competence_ActivityUnknown", Try(2, activity: Guid.NewGuid()).Error);
        Assert.Equal("Competence_HoursRequired", Try(null).Error);
    }
}

public class ContactPersonCoverageTests
{
    private static DateOnly Today => new(2026, 3, 15);
    private static UnitNode Unit(string name, UnitKind kind = UnitKind.Office, bool closed = false) => new(Guid.NewGuid(), null, name, kind, closed);
    private static readonly HashSet<UnitKind> Offices = [UnitKind.Office];

    [Fact]
    public void Flags_NoneEndedFutureOnly_NotCurrentOrClosedOrUnchosen()
    {
        var none = Unit("Socialkontoret");
        var ended = Unit("Kultur- och fritidskontoret");
        var future = Unit("Samhällsbyggnadskontoret");
        var current = Unit("Utbildningskontoret");
        var endsToday = Unit("Kommunledningskontoret");
        var closed = Unit("Gamla kontoret", closed: true);
        var committee = Unit("Socialnämnden", UnitKind.Committee);
        var chosen = Unit("AB Upplands-Brohus", UnitKind.Company);
        var chosenClosed = Unit("Nedlagda bolaget", UnitKind.Company, closed: true);
        var periods = new[]
        {
            new UnitPeriod(ended.Id, new(2023, 1, 1), new(2025, 12, 31)),
            new UnitPeriod(future.Id, new(2026, 4, 1), null),
            new UnitPeriod(future.Id, new(2024, 1, 1), new(2024, 12, 31)),
            new UnitPeriod(current.Id, new(2025, 1, 1), null),
            new UnitPeriod(endsToday.Id, new(2025, 1, 1), Today),
        };

        var gaps = ContactPersonCoverage.UnitsWithout([none, ended, future, current, endsToday, closed, committee, chosen, chosenClosed], Offices,
            new HashSet<Guid> { chosen.Id, chosenClosed.Id }, periods, Today).ToDictionary(g => g.Unit.Name);

        Assert.Equal(["AB Upplands-Brohus", "Kultur- och fritidskontoret", "Samhällsbyggnadskontoret", "Socialkontoret"], gaps.Keys.Order());
        Assert.Equal(ContactGapReason.NeverNamed, gaps["Socialkontoret"].Reason);
        Assert.Equal((ContactGapReason.Ended, (DateOnly?)new DateOnly(2025, 12, 31)), (gaps["Kultur- och fritidskontoret"].Reason, gaps["Kultur- och fritidskontoret"].EndedOn));
        Assert.Equal((ContactGapReason.NotYetStarted, (DateOnly?)new DateOnly(2026, 4, 1)), (gaps["Samhällsbyggnadskontoret"].Reason, gaps["Samhällsbyggnadskontoret"].StartsOn));
        Assert.True(gaps["AB Upplands-Brohus"].ByChoice);
        Assert.False(gaps["Socialkontoret"].ByChoice);
    }

    [Fact]
    public void Flags_PeriodStartingToday_IsCurrent()
    {
        var office = Unit("Socialkontoret");
        Assert.Empty(ContactPersonCoverage.UnitsWithout([office], Offices, new HashSet<Guid>(), [new UnitPeriod(office.Id, Today, null)], Today));
        Assert.Single(ContactPersonCoverage.UnitsWithout([office], Offices, new HashSet<Guid>(), [new UnitPeriod(office.Id, Today.AddDays(1), null)], Today));
    }
}
