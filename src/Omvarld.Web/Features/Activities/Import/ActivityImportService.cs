using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Common;
using Omvarld.Domain.Partners;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Features.Shared;
using Omvarld.Web.Infrastructure;
using C = Omvarld.Web.Features.Activities.Import.ActivityImportColumns;

namespace Omvarld.Web.Features.Activities.Import;

/// <summary>One problem of an import: the row as the spreadsheet numbers it (0 for the file as a whole), the column and the Swedish message.</summary>
public sealed record ImportError(int Row, string Column, string Message);

public sealed record ImportOutcome(int Stored, IReadOnlyList<ImportError> Errors)
{
    public bool IsOk => Errors.Count == 0;
}

/// <summary>
/// Moving in from Excel (issue 5, item 9): existing activities from the template (<see cref="ActivityImportColumns"/>),
/// as XLSX or CSV. Every row is checked through the domain and every problem of every row is reported; the file is
/// stored whole, in one SaveChanges (one transaction), or not at all. Activities come in as drafts of the unit named,
/// with the goals of the policy version in force at their start (R7); partners are found in the directory by name and
/// country, or created. Amounts are in SEK; the external line is an EU programme (by code) or another funder.
/// </summary>
public sealed class ActivityImportService(OmvarldDbContext db, PolicyService policies, ReferenceData reference, CurrentUser user,
    IStringLocalizer<SharedResource> l, AuditActor actor)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public async Task<ImportOutcome> ImportAsync(string? fileName, byte[] bytes, CancellationToken ct = default)
    {
        var (rows, fileErrors) = ActivityImportFile.Read(fileName, bytes);
        if (rows is null) return new(0, fileErrors.Select(e => new ImportError(0, "", l[e.Key, e.Args].Value)).ToList());
        var municipalityId = db.CurrentMunicipalityId ?? throw new InvalidOperationException("An import needs a municipality.");

        var units = await db.Units.Where(u => u.ClosedOn == null).ToListAsync(ct);
        var unitsByName = units.GroupBy(u => u.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var people = await db.Users.AsNoTracking().Where(u => u.MunicipalityId == municipalityId && u.IsActive && u.NormalizedEmail != null)
            .Select(u => new { u.Id, u.NormalizedEmail }).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, ct);
        var directory = await db.Partners.ToListAsync(ct);
        var countries = reference.CountriesByAlpha2.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var euCodes = reference.EuProgrammes.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var fundingReferences = new FundingReferences(units.Select(u => u.Id).ToHashSet(), euCodes);
        var policyOn = new Dictionary<DateOnly, ActivityPolicy?>();
        var newPartners = new List<PartnerOrganisation>();
        var activities = new List<Activity>();
        var errors = new List<ImportError>();

        foreach (var row in rows)
        {
            var rowErrors = new List<ImportError>();
            void Fail(string column, string message) => rowErrors.Add(new(row.Number, column, message));

            var kind = ParseKind(row[C.Kind]);
            if (kind is null) Fail(C.Kind, row[C.Kind] is null ? l["ActivityImport_Required"] : l["ActivityImport_KindUnknown", row[C.Kind]!]);

            Domain.Organisation.Unit? unit = null;
            if (row[C.Unit] is not { } unitName) Fail(C.Unit, l["ActivityImport_Required"]);
            else if (!unitsByName.TryGetValue(unitName, out var named)) Fail(C.Unit, l["ActivityImport_UnitUnknown", unitName]);
            else if (named.Count > 1) Fail(C.Unit, l["ActivityImport_UnitAmbiguous", unitName]);
            else unit = named[0];

            Guid? responsible = null;
            if (row[C.Responsible] is not { } email) Fail(C.Responsible, l["ActivityImport_Required"]);
            else if (!people.TryGetValue(email.ToUpperInvariant(), out var id)) Fail(C.Responsible, l["ActivityImport_ResponsibleUnknown", email]);
            else responsible = id;

            var start = ParseDate(row, C.Start, required: true, Fail);
            var end = ParseDate(row, C.End, required: false, Fail);

            ActivityPolicy? policy = null;
            var goalCodes = Split(row[C.Goals]);
            if (start is { } s)
            {
                if (!policyOn.TryGetValue(s, out policy)) policyOn[s] = policy = await policies.ActivityPolicyOnAsync(s, ct);
                if (goalCodes.Count > 0 && policy is null) Fail(C.Goals, l["ActivityImport_NoPolicy", Format.Date(s)]);
                else if (policy is not null)
                {
                    var known = policy.Definition.Version.Goals.Select(g => g.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
                    foreach (var code in goalCodes.Where(c => !known.Contains(c)))
                        Fail(C.Goals, l["ActivityImport_GoalUnknown", code, policy.Label, Format.Date(s)]);
                    goalCodes = goalCodes.Select(c => policy.Definition.Version.Goals.FirstOrDefault(g => g.Code.Equals(c, StringComparison.OrdinalIgnoreCase))?.Code ?? c).ToList();
                }
            }
            var how = row[C.GoalsHow];
            if (goalCodes.Count > 0 && how is null) Fail(C.GoalsHow, l["ActivityImport_GoalsHowRequired"]);

            var sdgs = Split(row[C.Sdgs]);
            foreach (var sdg in sdgs.Where(x => Sdg.Parse(x) is null)) Fail(C.Sdgs, l["ActivityImport_SdgInvalid", sdg]);

            bool enables = false;
            switch (row[C.EnablesInternationalWork]?.ToLowerInvariant())
            {
                case null or "nej" or "n" or "no" or "false" or "0": break;
                case "ja" or "j" or "yes" or "true" or "1": enables = true; break;
                default: Fail(C.EnablesInternationalWork, l["ActivityImport_YesNo"]); break;
            }

            var partners = ResolvePartners(row, directory, newPartners, countries, municipalityId, Fail);
            var funding = ParseFunding(row, unit, Fail);

            if (rowErrors.Count == 0)
            {
                var details = new ActivityDetails(row[C.Title], row[C.Description], kind!.Value, unit!.Id, responsible!.Value, start!.Value, end,
                    row[C.Purpose], row[C.ExpectedResults], row[C.Motivation], row[C.ChildPerspective], row[C.CaseNumber], enables,
                    goalCodes.Select(c => new GoalServed(c, how)).ToList(), sdgs);
                var (activity, created) = Activity.Create(municipalityId, details, ActivityReferences.For(unit, policy?.Definition));
                if (!created.IsOk) Fail(C.ForField(created.Field), l.Message(created));
                else
                {
                    foreach (var partner in partners)
                        if (activity!.AddPartner(partner, PartnerRole.Partner) is { IsOk: false } added) Fail(C.Partners, l.Message(added));
                    foreach (var line in funding)
                        if (activity!.AddFunding(line.Input, fundingReferences).Result is { IsOk: false } r) Fail(line.Column(r.Field), l.Message(r));
                    activities.Add(activity!);
                }
            }
            errors.AddRange(rowErrors);
        }

        if (errors.Count > 0) return new(0, errors);
        db.Partners.AddRange(newPartners);
        db.Activities.AddRange(activities);
        actor.Comment = l["ActivityImport_AuditComment", fileName ?? ""];
        await db.SaveChangesAsync(ct);
        return new(activities.Count, []);
    }

    private ActivityKind? ParseKind(string? text)
    {
        if (text is null) return null;
        foreach (var kind in Enum.GetValues<ActivityKind>())
            if (text.Equals(l[$"ActivityKind_{kind}"].Value, StringComparison.OrdinalIgnoreCase) || text.Equals(kind.ToString(), StringComparison.OrdinalIgnoreCase))
                return kind;
        return null;
    }

    private DateOnly? ParseDate(ImportRow row, string column, bool required, Action<string, string> fail)
    {
        if (row[column] is not { } text)
        {
            if (required) fail(column, l["ActivityImport_Required"]);
            return null;
        }
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        fail(column, l["ActivityImport_DateInvalid", text]);
        return null;
    }

    private static List<string> Split(string? text) =>
        text is null ? [] : text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>The row's partners: from the directory by name and country, else new (and shared with later rows naming them).</summary>
    private List<PartnerOrganisation> ResolvePartners(ImportRow row, List<PartnerOrganisation> directory, List<PartnerOrganisation> created,
        IReadOnlySet<string> countries, Guid municipalityId, Action<string, string> fail)
    {
        var names = Split(row[C.Partners]);
        var codes = Split(row[C.PartnerCountries]);
        var types = (row[C.PartnerTypes] ?? "").Split(';', StringSplitOptions.TrimEntries).ToList();
        var result = new List<PartnerOrganisation>();
        if (names.Count != codes.Count)
        {
            fail(C.PartnerCountries, l["ActivityImport_PartnerCountriesCount", names.Count, codes.Count]);
            return result;
        }
        for (var i = 0; i < names.Count; i++)
        {
            var country = CountryCodes.Normalise(codes[i], countries);
            if (country is null) { fail(C.PartnerCountries, l["ActivityImport_CountryUnknown", codes[i]]); continue; }
            var match = directory.Concat(created).FirstOrDefault(p => p.CountryCode == country && p.Name.Equals(Text.Clean(names[i]), StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                if (!result.Contains(match)) result.Add(match);
                continue;
            }
            var typeText = i < types.Count ? types[i] : "";
            if (ParsePartnerType(typeText) is not { } type)
            {
                fail(C.PartnerTypes, typeText.Length == 0 ? l["ActivityImport_PartnerTypeRequired", names[i]] : l["ActivityImport_PartnerTypeUnknown", typeText]);
                continue;
            }
            var (partner, r) = PartnerOrganisation.Create(municipalityId, new PartnerDetails(names[i], type, null, country, null), countries);
            if (!r.IsOk) { fail(C.Partners, l.Message(r)); continue; }
            created.Add(partner!);
            result.Add(partner!);
        }
        return result;
    }

    private PartnerType? ParsePartnerType(string text)
    {
        if (text.Length == 0) return null;
        foreach (var type in Enum.GetValues<PartnerType>())
            if (text.Equals(l[$"PartnerType_{type}"].Value, StringComparison.OrdinalIgnoreCase) || text.Equals(type.ToString(), StringComparison.OrdinalIgnoreCase))
                return type;
        return null;
    }

    private sealed record FundingRow(FundingInput Input, bool External)
    {
        public string Column(string? field) => External ? field switch
        {
            "FunderKind" => C.ExternalFunderKind,
            "Amount" => C.ExternalAmount,
            "Status" => C.ExternalStatus,
            _ => C.ExternalFunder,
        } : C.OwnBudget;
    }

    private List<FundingRow> ParseFunding(ImportRow row, Domain.Organisation.Unit? unit, Action<string, string> fail)
    {
        var lines = new List<FundingRow>();
        if (row[C.OwnBudget] is { } ownText)
        {
            if (ParseAmount(ownText) is not { } own) fail(C.OwnBudget, l["ActivityImport_AmountInvalid", ownText]);
            else if (unit is not null)
                lines.Add(new(new FundingInput(FundingSource.OwnBudget, unit.Id, null, null, null, own, Currency.Sek, null, FundingStatus.Planned, null), false));
        }
        var funder = row[C.ExternalFunder];
        var amountText = row[C.ExternalAmount];
        if (funder is null)
        {
            if (amountText is not null || row[C.ExternalStatus] is not null) fail(C.ExternalFunder, l["ActivityImport_FunderRequired"]);
            return lines;
        }
        decimal amount = 0;
        if (amountText is null) fail(C.ExternalAmount, l["ActivityImport_Required"]);
        else if (ParseAmount(amountText) is { } a) amount = a;
        else fail(C.ExternalAmount, l["ActivityImport_AmountInvalid", amountText]);

        var status = FundingStatus.Planned;
        if (row[C.ExternalStatus] is { } statusText)
        {
            var parsed = Enum.GetValues<FundingStatus>().Cast<FundingStatus?>()
                .FirstOrDefault(s => statusText.Equals(l[$"FundingStatus_{s}"].Value, StringComparison.OrdinalIgnoreCase) || statusText.Equals(s.ToString(), StringComparison.OrdinalIgnoreCase));
            if (parsed is null) fail(C.ExternalStatus, l["ActivityImport_FundingStatusUnknown", statusText]);
            else status = parsed.Value;
        }
        var statusOn = ParseDate(row, C.ExternalStatusOn, required: false, fail);
        if (status != FundingStatus.Planned && statusOn is null && row[C.ExternalStatusOn] is null) fail(C.ExternalStatusOn, l["ActivityImport_FundingDateRequired"]);

        var isEu = reference.EuProgrammes.Any(p => p.Code.Equals(funder, StringComparison.OrdinalIgnoreCase));
        FunderKind? funderKind = null;
        if (!isEu)
        {
            switch (row[C.ExternalFunderKind]?.ToLowerInvariant())
            {
                case "svensk": funderKind = FunderKind.National; break;
                case "internationell": funderKind = FunderKind.International; break;
                case null: fail(C.ExternalFunderKind, l["ActivityImport_FunderKindRequired"]); break;
                default: fail(C.ExternalFunderKind, l["ActivityImport_FunderKindUnknown", row[C.ExternalFunderKind]!]); break;
            }
        }
        lines.Add(new(new FundingInput(isEu ? FundingSource.EuProgramme : FundingSource.OtherFunder, null, isEu ? funder : null, isEu ? null : funder,
            funderKind, amount, Currency.Sek, null, status, status == FundingStatus.Planned ? null : statusOn), true));
        return lines;
    }

    /// <summary>Kronor as people write them: 12000, 12 000, 12000,50 or 12000.50.</summary>
    private static decimal? ParseAmount(string text)
    {
        var clean = text.Replace(" ", "").Replace("\u00A0", "").Replace("kr", "", StringComparison.OrdinalIgnoreCase).Replace(',', '.');
        return decimal.TryParse(clean, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    // ---- The template -------------------------------------------------------------------------------------------

    /// <summary>One example row, in template column order, for the municipality and the signed-in user.</summary>
    private async Task<List<string>> ExampleRowAsync(CancellationToken ct)
    {
        var today = policies.Today;
        var policy = await policies.ActivityPolicyOnAsync(today, ct);
        var unit = await db.Units.Where(u => u.ClosedOn == null).OrderBy(u => u.Name).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var email = user.Id is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.Email).FirstOrDefaultAsync(ct) ?? "" : "";
        var goal = policy?.Definition.Version.Goals.FirstOrDefault()?.Code ?? "";
        var start = today.AddMonths(2);
        var values = new Dictionary<string, string>
        {
            [C.Title] = l["ActivityImport_ExampleTitle"],
            [C.Description] = l["ActivityImport_ExampleDescription"],
            [C.Kind] = l["ActivityKind_StudyVisitOrExchange"],
            [C.Unit] = unit,
            [C.Responsible] = email,
            [C.Start] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [C.End] = start.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [C.Purpose] = l["ActivityImport_ExamplePurpose"],
            [C.ExpectedResults] = l["ActivityImport_ExampleResults"],
            [C.Motivation] = "",
            [C.Goals] = goal,
            [C.GoalsHow] = l["ActivityImport_ExampleHow"],
            [C.Sdgs] = "4;11.3",
            [C.ChildPerspective] = "",
            [C.CaseNumber] = "",
            [C.EnablesInternationalWork] = "nej",
            [C.Partners] = "Exempelstaden (exempel)",
            [C.PartnerCountries] = "DE",
            [C.PartnerTypes] = l["PartnerType_Municipality"],
            [C.OwnBudget] = "20000",
            [C.ExternalFunder] = "ERASMUS_PLUS",
            [C.ExternalFunderKind] = "",
            [C.ExternalAmount] = "50000",
            [C.ExternalStatus] = l["FundingStatus_Applied"],
            [C.ExternalStatusOn] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return C.All.Select(c => values[c]).ToList();
    }

    /// <summary>The CSV template: UTF-8 with a BOM and semicolons, as Swedish Excel opens and saves it.</summary>
    public async Task<byte[]> TemplateCsvAsync(CancellationToken ct = default)
    {
        var example = await ExampleRowAsync(ct);
        var text = new StringBuilder();
        text.Append(string.Join(';', C.All.Select(h => Csv.Field(h, ';')))).Append("\r\n");
        text.Append(string.Join(';', example.Select(v => Csv.Field(v, ';')))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>The XLSX template: the header and an example row, and a sheet "Koder" with the values the columns take.</summary>
    public async Task<byte[]> TemplateXlsxAsync(CancellationToken ct = default)
    {
        var example = await ExampleRowAsync(ct);
        var policy = await policies.ActivityPolicyOnAsync(policies.Today, ct);
        var units = await db.Units.Where(u => u.ClosedOn == null).OrderBy(u => u.Name).Select(u => u.Name).ToListAsync(ct);

        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(l["ActivityImport_SheetActivities"].Value);
        for (var c = 0; c < C.All.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(C.All[c]).Style.Font.SetBold();
            // Text cells: dates, codes and amounts are read as written.
            sheet.Cell(2, c + 1).SetDataType(XLDataType.Text);
            sheet.Cell(2, c + 1).SetValue(example[c]);
            sheet.Column(c + 1).Width = 24;
        }
        sheet.SheetView.FreezeRows(1);

        var codes = workbook.AddWorksheet(l["ActivityImport_SheetCodes"].Value);
        var column = 1;
        void List(string title, IEnumerable<string> values)
        {
            codes.Cell(1, column).SetValue(title).Style.Font.SetBold();
            var r = 2;
            foreach (var v in values) { codes.Cell(r, column).SetDataType(XLDataType.Text); codes.Cell(r++, column).SetValue(v); }
            codes.Column(column).Width = 40;
            column++;
        }
        List(C.Kind, Enum.GetValues<ActivityKind>().Select(k => l[$"ActivityKind_{k}"].Value));
        List(C.Unit, units);
        List(policy is null ? l["ActivityImport_CodesNoPolicy"].Value : l["ActivityImport_CodesGoals", policy.Label].Value,
            policy?.Definition.Version.Goals.Select(g => g.Code) ?? []);
        List(l["ActivityImport_CodesGoalNames"].Value, policy?.Definition.Version.Goals.Select(g => g.Name) ?? []);
        List(C.Sdgs, reference.Sdgs.Select(s => $"{s.Goal} {s.TitleSv}"));
        List(C.PartnerCountries, reference.Countries.Select(c => $"{c.Alpha2} {c.NameSv}"));
        List(C.PartnerTypes, Enum.GetValues<PartnerType>().Select(t => l[$"PartnerType_{t}"].Value));
        List(l["ActivityImport_CodesEu"].Value, reference.EuProgrammes.Select(p => $"{p.Code} {p.NameSv}"));
        List(C.ExternalStatus, Enum.GetValues<FundingStatus>().Select(s => l[$"FundingStatus_{s}"].Value));
        List(C.ExternalFunderKind, ["svensk", "internationell"]);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
