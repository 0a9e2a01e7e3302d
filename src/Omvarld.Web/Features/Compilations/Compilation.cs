namespace Omvarld.Web.Features.Compilations;

/// <summary>What a section's figures are: numbers of activities (or decisions, reports) or money in SEK.</summary>
public enum CompilationMeasure
{
    Count = 1,
    Sek = 2,
    /// <summary>Hours, to one decimal (the contact persons' competence development).</summary>
    Hours = 3,
}

/// <summary>One figure of the compilation beside the same figure for the year before.</summary>
/// <param name="Key">Stable across languages and years: a kind's name, a goal code, an alpha-2 code, a unit id …</param>
public sealed record CompilationRow(string Key, string Label, decimal Value, decimal Previous);

/// <summary>An activity named in a section's list (twin towns, networks, exceptions), for this year only.</summary>
public sealed record CompilationItem(Guid ActivityId, string Title, string Unit, DateOnly Start, DateOnly? End, string? Note = null);

/// <summary>A text written for the year about one subject of a section (R18: a twin town's yearly note), with who wrote it.</summary>
public sealed record CompilationNote(string Subject, string Text, string WrittenBy);

/// <summary>
/// Why a section counts what it counts, shown under its heading. A duty (an action plan, a child perspective, a contact
/// person, a results report) is reported as <b>missing</b> only where the policy version in force at the year's end
/// demands it (<see cref="Demanded"/>, citing <see cref="Clause"/> of <see cref="PolicyLabel"/>); elsewhere the figure is
/// shown for information and labelled so.
/// </summary>
public sealed record CompilationBasis(bool Demanded, string Text, string? PolicyLabel = null, string? Clause = null);

/// <summary>
/// A section of the compilation: a table of figures, optionally with the activities behind it, texts and notes. Every
/// renderer (page, JSON, XLSX, DOCX, PDF) walks these the same way, so a new section — the coordinator's summary text
/// (<see cref="Paragraphs"/>), the units' accounts from the yearly follow-up round (<see cref="Notes"/>, one per unit) —
/// needs only a key in <see cref="CompilationSections"/> with its chapter, and an <see cref="ICompilationPart"/> that builds it.
/// </summary>
public sealed record CompilationSection(string Key, string Title, CompilationMeasure Measure, IReadOnlyList<CompilationRow> Rows, IReadOnlyList<CompilationItem> Items)
{
    /// <summary>Texts written for the year that belong in the section (a twin town's yearly note), after its tables.</summary>
    public IReadOnlyList<CompilationNote> Notes { get; init; } = [];

    /// <summary>The heading over <see cref="Notes"/>; null: "Årets anteckningar".</summary>
    public string? NotesHeading { get; init; }

    /// <summary>Running text before the tables (a summary written for the year), paragraph by paragraph.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>False for a section of the present state only (what is owed today): no previous year's column, no change.</summary>
    public bool Compared { get; init; } = true;

    /// <summary>What demands the figures, or that they are informational; null where neither needs saying.</summary>
    public CompilationBasis? Basis { get; init; }

    /// <summary>The chapter (<see cref="CompilationChapters"/>) the section is printed under.</summary>
    public string Chapter { get; init; } = CompilationSections.ChapterOf(Key);

    /// <summary>The chart drawn for the section: the world map for the countries, bars for 2–25 rows with a figure.</summary>
    public CompilationChart Chart => Key == CompilationSections.Country ? CompilationChart.Map
        : Compared && Rows.Count is > 1 and <= 25 && Rows.Any(r => r.Value > 0 || r.Previous > 0) ? CompilationChart.Bars : CompilationChart.None;

    public CompilationRow? Row(string key) => Rows.FirstOrDefault(r => r.Key == key);
}

/// <summary>
/// R13, R14: KS's yearly compilation of the international work for <see cref="Year"/>, for the whole municipality or a
/// unit and its sub-units, every figure beside the previous year's. Built once by <see cref="CompilationQueries"/>; the
/// page, the JSON API and the XLSX, DOCX and PDF files all render this one object, so they show the same numbers.
/// </summary>
public sealed record Compilation(int Year, Guid? UnitId, string MunicipalityName, string? UnitName, DateTimeOffset MadeAt, IReadOnlyList<CompilationSection> Sections)
{
    public int PreviousYear => Year - 1;

    public CompilationSection? Section(string key) => Sections.FirstOrDefault(s => s.Key == key);

    /// <summary>"Borås Stad 2025" or "Kulturnämnden, Borås Stad 2025".</summary>
    public string Scope => UnitName is null ? MunicipalityName : $"{UnitName}, {MunicipalityName}";
}

public enum CompilationChart
{
    None = 0,
    Bars = 1,
    Map = 2,
}

/// <summary>
/// Another piece of the compilation, built after the counted sections: the results and plans still owed now
/// (<see cref="CompilationOwed"/>), the checks' findings that still stand (<see cref="CompilationFindings"/>), the
/// coordinator's summary text and the units' accounts of the yearly follow-up round (<see cref="CompilationFollowUp"/>).
/// Registered in DI; each part returns its sections, which are printed in their chapter's place.
/// </summary>
public interface ICompilationPart
{
    Task<IReadOnlyList<CompilationSection>> BuildAsync(CompilationScope scope, CancellationToken ct);
}

/// <summary>What a part is built for: the year, the unit with its sub-units (null: the whole municipality), and the activities counted in the year and the year before.</summary>
public sealed record CompilationScope(int Year, Guid? UnitId, IReadOnlySet<Guid>? Units, IReadOnlySet<Guid> ActiveNow, IReadOnlySet<Guid> ActiveBefore);

/// <summary>The report's chapters, in print order (Heading 1 in the DOCX and the PDF); the sections are their Heading 2.</summary>
public static class CompilationChapters
{
    /// <summary>The coordinator's summary text of the yearly follow-up round.</summary>
    public const string Summary = "summary";
    public const string Activities = "activities";
    public const string Funding = "funding";
    public const string FollowUp = "follow-up";
    public const string Networks = "networks";
    /// <summary>The units' accounts of the yearly follow-up round.</summary>
    public const string Accounts = "accounts";

    public static readonly IReadOnlyList<string> Order = [Summary, Activities, Funding, FollowUp, Networks, Accounts];
}

/// <summary>The section keys, shared by the renderers and the tests.</summary>
public static class CompilationSections
{
    /// <summary>The chapter a section belongs to; a key not listed goes with the follow-up.</summary>
    public static string ChapterOf(string key) => key switch
    {
        Summary or Kind or Classification or Unit or Goal or Sdg or Country or Priorities => CompilationChapters.Activities,
        Funding or FundingApplied or FundingGranted or FundingRejected or FundingPaid => CompilationChapters.Funding,
        TwinTowns or Networks or Memberships or TwinTownRegister => CompilationChapters.Networks,
        CoordinatorSummary => CompilationChapters.Summary,
        UnitAccounts => CompilationChapters.Accounts,
        _ => CompilationChapters.FollowUp,
    };

    /// <summary>Reserved: the coordinator's summary text of the year (paragraphs).</summary>
    public const string CoordinatorSummary = "coordinator-summary";
    /// <summary>Reserved: the units' accounts from the yearly follow-up round (one note per unit).</summary>
    public const string UnitAccounts = "unit-accounts";
    /// <summary>The checks' findings that still stand for the year's activities.</summary>
    public const string Findings = "findings";
    /// <summary>Results reports and action plans still owed.</summary>
    public const string Owed = "owed";

    public const string Summary = "summary";
    public const string Kind = "kind";
    public const string Classification = "classification";
    public const string Unit = "unit";
    public const string Goal = "goal";
    public const string Sdg = "sdg";
    public const string Country = "country";
    public const string Funding = "funding";
    public const string FundingApplied = "funding-applied";
    public const string FundingGranted = "funding-granted";
    public const string FundingRejected = "funding-rejected";
    public const string FundingPaid = "funding-paid";
    public const string Exceptions = "exceptions";
    public const string Results = "results";
    public const string TwinTowns = "twin-towns";
    public const string Networks = "networks";
    public const string ChildPerspective = "child-perspective";
    public const string Priorities = "priorities";
    public const string ActionPlans = "action-plans";
    public const string ContactPersons = "contact-persons";
    public const string Competence = "competence";
    /// <summary>R18: the membership register — memberships active in the year, their fees, the activities through each.</summary>
    public const string Memberships = "memberships";
    /// <summary>R18: the twin-town register — status, activities in the year, the year's note.</summary>
    public const string TwinTownRegister = "twin-town-register";
}
