using Omvarld.Domain.Access;
using Omvarld.Domain.Networks;
using Omvarld.Domain.Tests.Activities;

namespace Omvarld.Domain.Tests.Networks;

public sealed class TwinTownTests
{
    private static readonly Guid Municipality = ActivityTestData.Municipality;
    private static readonly Guid Contact = Guid.NewGuid();
    private static readonly IReadOnlySet<Guid> Users = new HashSet<Guid> { Contact };
    private static readonly AccessScope Coordinator = new(false, [(Role.Coordinator, null)], null);
    private static readonly AccessScope Reader = new(false, [(Role.Reader, null)], null);
    private static readonly DateTimeOffset Now = ActivityTestData.Now;

    private static TwinTownInput Input(string? country = "fi", Guid? contact = null, TwinTownStatus? status = TwinTownStatus.Active) =>
        new(" Esimerkkilä ", country, TwinTownKind.TwinTown, new DateOnly(1988, 5, 20), status, "KS 1988/42", contact ?? Contact, "Maija", "Samordnare", "maija@example.org");

    private static TwinTown Town() => TwinTown.Create(Municipality, Input(), ActivityTestData.KnownCountries, Users, Coordinator).Value!;

    [Fact]
    public void Create_KnownCountry_Normalised()
    {
        var town = Town();
        Assert.Equal(("Esimerkkilä", "FI", TwinTownStatus.Active), (town.City, town.CountryCode, town.Status));
    }

    [Theory]
    [InlineData("XX", "TwinTown_CountryUnknown")]
    [InlineData("", "TwinTown_CountryRequired")]
    [InlineData("SE", "TwinTown_CountrySweden")]
    public void Create_BadCountry_Refused(string country, string error) =>
        Assert.Equal(error, TwinTown.Create(Municipality, Input(country), ActivityTestData.KnownCountries, Users, Coordinator).Result.Error);

    [Fact]
    public void Create_ContactNotAUser_Refused() =>
        Assert.Equal("TwinTown_ContactUnknown", TwinTown.Create(Municipality, Input(contact: Guid.NewGuid()), ActivityTestData.KnownCountries, Users, Coordinator).Result.Error);

    [Fact]
    public void Create_NoStatusOrNotCoordinator_Refused()
    {
        Assert.Equal("TwinTown_StatusRequired", TwinTown.Create(Municipality, Input(status: null), ActivityTestData.KnownCountries, Users, Coordinator).Result.Error);
        Assert.Equal("TwinTown_NotAllowed", TwinTown.Create(Municipality, Input(), ActivityTestData.KnownCountries, Users, Reader).Result.Error);
    }

    [Fact]
    public void Note_WrittenAndRevised_KeepsWhoAndWhen()
    {
        var (note, result) = TwinTownNote.Write(Town(), 2025, "  Arbetet kom i gång.  ", Contact, "Samordnaren", Now, Coordinator);
        Assert.True(result.IsOk);
        Assert.Equal(("Arbetet kom i gång.", "Samordnaren", 2025), (note!.Text, note.WrittenBy, note.Year));
        Assert.True(note.Revise("Arbetet växer.", null, "Någon annan", Now.AddDays(1), Coordinator).IsOk);
        Assert.Equal(("Arbetet växer.", "Någon annan", Now.AddDays(1)), (note.Text, note.WrittenBy, note.WrittenAt));
    }

    [Fact]
    public void Note_EmptyOrBadYearOrNotCoordinator_Refused()
    {
        Assert.Equal("TwinTownNote_TextRequired", TwinTownNote.Write(Town(), 2025, " ", Contact, "x", Now, Coordinator).Result.Error);
        Assert.Equal("TwinTownNote_YearInvalid", TwinTownNote.Write(Town(), 1800, "Text", Contact, "x", Now, Coordinator).Result.Error);
        Assert.Equal("TwinTown_NotAllowed", TwinTownNote.Write(Town(), 2025, "Text", Contact, "x", Now, Reader).Result.Error);
        Assert.Equal("TwinTownNote_TextTooLong", TwinTownNote.Write(Town(), 2025, new string('a', TwinTownNote.TextMaxLength + 1), Contact, "x", Now, Coordinator).Result.Error);
    }

    [Fact]
    public void Link_ActivityOfAnotherMunicipality_Refused()
    {
        var town = TwinTown.Create(Guid.NewGuid(), Input(), ActivityTestData.KnownCountries, Users, Coordinator).Value!;
        Assert.Equal("Networks_ActivityUnknown", TwinTownActivity.Link(town, ActivityTestData.NewActivity(), Coordinator).Result.Error);
        Assert.True(TwinTownActivity.Link(Town(), ActivityTestData.NewActivity(), Coordinator).Result.IsOk);
    }
}
