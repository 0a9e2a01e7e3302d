namespace Omvarld.Web.Features.Activities.Import;

/// <summary>
/// The columns of the import template, in template order, with their Swedish headers. Headers hold neither commas
/// nor semicolons, so the separator of a CSV file can be told from its header line. Cells with several values
/// (goals, SDGs, partners) separate them with semicolons; partner country and type follow the partners' order.
/// </summary>
public static class ActivityImportColumns
{
    public const string Title = "Titel";
    public const string Description = "Beskrivning";
    public const string Kind = "Typ";
    public const string Unit = "Enhet";
    public const string Responsible = "Ansvarig (e-post)";
    public const string Start = "Startdatum";
    public const string End = "Slutdatum";
    public const string Purpose = "Syfte";
    public const string ExpectedResults = "Förväntade resultat";
    public const string Motivation = "Motivering";
    public const string Goals = "Mål (koder)";
    public const string GoalsHow = "Hur aktiviteten bidrar till målen";
    public const string Sdgs = "Globala mål";
    public const string ChildPerspective = "Barnperspektiv";
    public const string CaseNumber = "Diarienummer";
    public const string EnablesInternationalWork = "Underlättar internationellt arbete (ja/nej)";
    public const string Partners = "Partner";
    public const string PartnerCountries = "Partnerland (ISO-kod)";
    public const string PartnerTypes = "Partnertyp";
    public const string OwnBudget = "Egen budget (kr)";
    public const string ExternalFunder = "Extern finansiär (EU-programkod eller namn)";
    public const string ExternalFunderKind = "Extern finansiär svensk eller internationell";
    public const string ExternalAmount = "Externt belopp (kr)";
    public const string ExternalStatus = "Status extern finansiering";
    public const string ExternalStatusOn = "Datum extern finansiering";

    public static readonly IReadOnlyList<string> All =
    [
        Title, Description, Kind, Unit, Responsible, Start, End, Purpose, ExpectedResults, Motivation, Goals, GoalsHow, Sdgs,
        ChildPerspective, CaseNumber, EnablesInternationalWork, Partners, PartnerCountries, PartnerTypes,
        OwnBudget, ExternalFunder, ExternalFunderKind, ExternalAmount, ExternalStatus, ExternalStatusOn,
    ];

    /// <summary>The column a domain <see cref="Omvarld.Domain.Common.Result.Field"/> of the activity concerns.</summary>
    public static string ForField(string? field) => field switch
    {
        "Title" => Title,
        "Description" => Description,
        "Kind" => Kind,
        "OwnerUnitId" => Unit,
        "ResponsibleUserId" => Responsible,
        "Start" => Start,
        "End" => End,
        "Purpose" => Purpose,
        "ExpectedResults" => ExpectedResults,
        "Motivation" => Motivation,
        "ChildPerspective" => ChildPerspective,
        "CaseNumber" => CaseNumber,
        "Goals" => Goals,
        "Sdgs" => Sdgs,
        "Partners" => Partners,
        "Name" or "Type" or "City" or "CountryCode" or "Website" => Partners,
        "OwnUnitId" => OwnBudget,
        "ProgrammeCode" or "FunderName" => ExternalFunder,
        "FunderKind" => ExternalFunderKind,
        "Amount" => ExternalAmount,
        "Status" => ExternalStatus,
        _ => "",
    };
}
