using Omvarld.Domain.Access;
using Omvarld.Domain.Organisation;

namespace Omvarld.Web.Data.Demo;

internal sealed record DemoUnit(string Name, UnitKind Kind, string? Parent, string? AnswersTo = null);

internal sealed record DemoMunicipality(string Name, string Slug, string Code, DemoUnit[] Units, (Role Role, string Label, string Local, string? Unit)[] Users, string[] PolicyFiles);

/// <summary>
/// The demo organisations, modelled on the real ones but marked as demo: the names of committees, administrations
/// and companies follow the municipalities' public organisation charts; nothing here is a real person.
/// </summary>
internal static class DemoOrganisations
{
    public static readonly DemoMunicipality Boras = new("Borås Stad", "boras", "1490",
    [
        new("Kommunfullmäktige", UnitKind.Council, null),
        new("Kommunstyrelsen", UnitKind.ExecutiveBoard, "Kommunfullmäktige"),
        new("Stadsledningskansliet", UnitKind.Administration, "Kommunstyrelsen"),
        new("Näringslivsenheten", UnitKind.Office, "Stadsledningskansliet"),
        new("Internationella kontoret", UnitKind.Office, "Stadsledningskansliet"),
        new("Förskolenämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Förskoleförvaltningen", UnitKind.Administration, "Förskolenämnden", "Förskolenämnden"),
        new("Grundskolenämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Grundskoleförvaltningen", UnitKind.Administration, "Grundskolenämnden", "Grundskolenämnden"),
        new("Gymnasie- och vuxenutbildningsnämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Gymnasie- och vuxenutbildningsförvaltningen", UnitKind.Administration, "Gymnasie- och vuxenutbildningsnämnden", "Gymnasie- och vuxenutbildningsnämnden"),
        new("Kulturnämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Kulturförvaltningen", UnitKind.Administration, "Kulturnämnden", "Kulturnämnden"),
        new("Fritids- och folkhälsonämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Fritids- och folkhälsoförvaltningen", UnitKind.Administration, "Fritids- och folkhälsonämnden", "Fritids- och folkhälsonämnden"),
        new("Individ- och familjeomsorgsnämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Individ- och familjeomsorgsförvaltningen", UnitKind.Administration, "Individ- och familjeomsorgsnämnden", "Individ- och familjeomsorgsnämnden"),
        new("Vård- och äldrenämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Vård- och äldreförvaltningen", UnitKind.Administration, "Vård- och äldrenämnden", "Vård- och äldrenämnden"),
        new("Miljö- och konsumentnämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Miljöförvaltningen", UnitKind.Administration, "Miljö- och konsumentnämnden", "Miljö- och konsumentnämnden"),
        new("Samhällsbyggnadsnämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Samhällsbyggnadsförvaltningen", UnitKind.Administration, "Samhällsbyggnadsnämnden", "Samhällsbyggnadsnämnden"),
        new("Tekniska nämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Tekniska förvaltningen", UnitKind.Administration, "Tekniska nämnden", "Tekniska nämnden"),
        new("Arbetslivsnämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Arbetslivsförvaltningen", UnitKind.Administration, "Arbetslivsnämnden", "Arbetslivsnämnden"),
        new("Borås Stadshus AB", UnitKind.Company, "Kommunfullmäktige"),
        new("Borås Energi och Miljö AB", UnitKind.Company, "Borås Stadshus AB"),
        new("AB Bostäder i Borås", UnitKind.Company, "Borås Stadshus AB"),
        new("Borås Djurpark AB", UnitKind.Company, "Borås Stadshus AB"),
    ],
    [
        (Role.Coordinator, "Internationell samordnare", "samordnare", null),
        (Role.UnitEditor, "Enhetsredaktör", "redaktor", "Gymnasie- och vuxenutbildningsnämnden"),
        (Role.UnitApprover, "Enhetsgodkännare", "godkannare", "Gymnasie- och vuxenutbildningsnämnden"),
        (Role.KsSecretariat, "KS-sekretariatet", "ks", null),
        (Role.Reader, "Läsare", "lasare", null),
    ],
    ["boras-2002.yaml", "boras-2009.yaml", "boras-2016.yaml", "boras-2023.yaml"]);

    public static readonly DemoMunicipality UpplandsBro = new("Upplands-Bro kommun", "upplands-bro", "0139",
    [
        new("Kommunfullmäktige", UnitKind.Council, null),
        new("Kommunstyrelsen", UnitKind.ExecutiveBoard, "Kommunfullmäktige"),
        new("Kommunledningskontoret", UnitKind.Office, "Kommunstyrelsen"),
        new("Utbildningsnämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Utbildningskontoret", UnitKind.Office, "Utbildningsnämnden"),
        new("Socialnämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Socialkontoret", UnitKind.Office, "Socialnämnden"),
        new("Kultur- och fritidsnämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Kultur- och fritidskontoret", UnitKind.Office, "Kultur- och fritidsnämnden"),
        new("Bygg- och miljönämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Samhällsbyggnadskontoret", UnitKind.Office, "Bygg- och miljönämnden"),
        new("Tekniska nämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Äldrenämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Gymnasie- och arbetsmarknadsnämnden", UnitKind.Committee, "Kommunfullmäktige"),
        new("Gymnasie- och arbetsmarknadskontoret", UnitKind.Office, "Gymnasie- och arbetsmarknadsnämnden"),
        new("Upplands-Bro Kommunföretag AB", UnitKind.Company, "Kommunfullmäktige"),
        new("AB Upplands-Brohus", UnitKind.Company, "Upplands-Bro Kommunföretag AB"),
    ],
    [
        (Role.Coordinator, "Internationell samordnare", "samordnare", null),
        (Role.UnitEditor, "Enhetsredaktör", "redaktor", "Utbildningsnämnden"),
        (Role.UnitApprover, "Enhetsgodkännare", "godkannare", "Utbildningsnämnden"),
        (Role.KsSecretariat, "KS-sekretariatet", "ks", null),
        (Role.Reader, "Läsare", "lasare", null),
    ],
    ["upplandsbro-2020.yaml"]);

    public static readonly DemoMunicipality[] All = [Boras, UpplandsBro];

    /// <summary>The demo system administrator's e-mail (<see cref="DemoSeeder"/>).</summary>
    public const string AdminEmail = "admin@omvarld.demo";

    /// <summary>The demo accounts of each role, as the seeder makes them (contact persons left out): for the sign-in page's hint.</summary>
    public static IEnumerable<(string Municipality, string Role, string Email)> Accounts() =>
        All.SelectMany(m => m.Users.Select(u => (m.Name, u.Label, $"{u.Local}@{m.Slug}.demo")))
            .Prepend(("(hela installationen)", "Systemadministratör", AdminEmail));
}
