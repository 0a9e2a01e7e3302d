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

/// <summary>A section of the compilation: a table of figures, optionally with the activities behind it.</summary>
public sealed record CompilationSection(string Key, string Title, CompilationMeasure Measure, IReadOnlyList<CompilationRow> Rows, IReadOnlyList<CompilationItem> Items)
{
    /// <summary>Texts written for the year that belong in the section (a twin town's yearly note), after its tables.</summary>
    public IReadOnlyList<CompilationNote> Notes { get; init; } = [];

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

/// <summary>The section keys, shared by the renderers and the tests.</summary>
public static class CompilationSections
{
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
