using System.Globalization;
using System.Xml.Linq;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Common;
using Omvarld.Domain.Partners;

namespace Omvarld.Web.Features.Iati;

/// <summary>Who publishes: the municipality's IATI settings.</summary>
public sealed record IatiPublisher(string OrganisationIdentifier, string Name, string OrganisationType, string Language);

public sealed record IatiPartner(string Name, PartnerType Type, string CountryCode, PartnerRole Role);

/// <param name="Funder">The funder's name as the file shows it (an EU programme's name, an other funder's, or the municipality for its own budget).</param>
public sealed record IatiFunding(FundingSource Source, FunderKind? FunderKind, string Funder, decimal AmountSek, FundingStatus Status,
    DateOnly? DecidedOn, DateOnly? PaidOn, bool CountsAsFunding);

public sealed record IatiResult(int? Year, string Text);

/// <summary>What the export needs of one activity, loaded set-based by <see cref="IatiService"/>: never a person.</summary>
public sealed record IatiActivityData(Guid Id, string Title, string? Description, string? Purpose, ActivityKind Kind, ActivityStatus Status,
    DateOnly PlannedStart, DateOnly? PlannedEnd, DateOnly? ActualStart, DateOnly? ActualEnd,
    IReadOnlyList<IatiPartner> Partners, IReadOnlyList<Sdg> Sdgs, IReadOnlyList<IatiFunding> Funding, IReadOnlyList<IatiResult> Results);

/// <summary>The texts the file carries that are not the activity's own (result titles), in the file's language.</summary>
public sealed record IatiLabels(Func<int, string> YearlyResultTitle, string FinalResultTitle, string IndicatorTitle);

/// <summary>One activity left out of the file, with why (each a resource key with arguments).</summary>
public sealed record IatiRejected(Guid ActivityId, string Title, IReadOnlyList<Result> Problems, IReadOnlyList<string> SchemaErrors);

/// <param name="Problem">Set when nothing at all can be exported (no organisation identifier).</param>
public sealed record IatiExportResult(XDocument Document, IReadOnlyList<IatiActivityData> Included, IReadOnlyList<IatiRejected> Rejected, Result? Problem);

/// <summary>
/// IATI 2.03 activity file (<c>&lt;iati-activities version="2.03"&gt;</c>). Each activity is built in the schema's element
/// order, checked against the IATI rules the schema does not catch, and validated against the schema on its own; one
/// that fails either is left out of the file and listed with what is missing. Pure: the service loads, this builds.
/// With nothing to export the file is an empty <c>iati-activities</c>: well-formed, though the schema wants at least one activity.
/// </summary>
public static class IatiExport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IatiExportResult Build(IatiPublisher? publisher, IEnumerable<IatiActivityData> activities, DateTimeOffset now, DateOnly today,
        IatiLabels labels, IatiSchemas schemas)
    {
        var root = new XElement("iati-activities",
            new XAttribute("version", IatiCodes.Version),
            new XAttribute("generated-datetime", now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv)));
        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
        var list = activities.ToList();
        if (publisher is null || !IatiCodes.IsOrganisationIdentifier(publisher.OrganisationIdentifier) || string.IsNullOrWhiteSpace(publisher.Name))
        {
            var problem = Result.Fail("Iati_NoOrganisationIdentifier");
            return new(document, [], list.Select(a => new IatiRejected(a.Id, a.Title, [problem], [])).ToList(), problem);
        }

        var included = new List<IatiActivityData>();
        var rejected = new List<IatiRejected>();
        foreach (var a in list)
        {
            var problems = Check(publisher, a, today);
            if (problems.Count > 0)
            {
                rejected.Add(new(a.Id, a.Title, problems, []));
                continue;
            }
            var element = Activity(publisher, a, today, labels);
            // Validated alone, so that one bad activity never takes the file with it.
            var single = new XDocument(new XElement("iati-activities", new XAttribute("version", IatiCodes.Version), element));
            var errors = schemas.Validate(single);
            if (errors.Count > 0)
            {
                rejected.Add(new(a.Id, a.Title, [Result.Fail("Iati_SchemaInvalid")], errors));
                continue;
            }
            root.Add(new XElement(element));
            included.Add(a);
        }
        return new(document, included, rejected, null);
    }

    public static string Identifier(IatiPublisher publisher, Guid activityId) => $"{publisher.OrganisationIdentifier}-{activityId:D}";

    /// <summary>The IATI rules the schema leaves to the publisher, as far as this register can break them.</summary>
    public static List<Result> Check(IatiPublisher publisher, IatiActivityData a, DateOnly today)
    {
        var problems = new List<Result>();
        if (string.IsNullOrWhiteSpace(a.Title)) problems.Add(Result.Fail("Iati_TitleMissing", "Title"));
        if (string.IsNullOrWhiteSpace(a.Description)) problems.Add(Result.Fail("Iati_DescriptionMissing", "Description"));
        if (IatiCodes.ActivityStatus(a.Status) is null) problems.Add(Result.Fail("Iati_StatusNotExportable", "Status"));
        if (!Identifier(publisher, a.Id).StartsWith(publisher.OrganisationIdentifier + "-", StringComparison.Ordinal))
            problems.Add(Result.Fail("Iati_IdentifierPrefix", "OrganisationIdentifier"));
        // Actual dates are never in the future; an end is never before its start.
        if (a.ActualStart > today) problems.Add(Result.Fail("Iati_ActualStartInFuture", "ActualStart"));
        if (a.ActualEnd > today) problems.Add(Result.Fail("Iati_ActualEndInFuture", "ActualEnd"));
        if (a.ActualEnd < a.ActualStart) problems.Add(Result.Fail("Iati_ActualEndBeforeStart", "ActualEnd"));
        if (a.Status is ActivityStatus.Ongoing or ActivityStatus.Completed or ActivityStatus.ResultsReported && a.ActualStart is null)
            problems.Add(Result.Fail("Iati_ActualStartMissing", "ActualStart"));
        if (a.Status is ActivityStatus.Completed or ActivityStatus.ResultsReported && a.ActualEnd is null)
            problems.Add(Result.Fail("Iati_ActualEndMissing", "ActualEnd"));
        var countries = RecipientCountries(a);
        if (countries.Count == 0) problems.Add(Result.Fail("Iati_RecipientCountryMissing", "Partners"));
        foreach (var c in countries.Where(c => !IatiCodes.CountryCode().IsMatch(c)))
            problems.Add(Result.Fail("Iati_CountryCodeInvalid", "Partners", c));
        if (a.Partners.Any(p => string.IsNullOrWhiteSpace(p.Name))) problems.Add(Result.Fail("Iati_PartnerNameMissing", "Partners"));
        if (a.Funding.Any(f => f.AmountSek < 0)) problems.Add(Result.Fail("Iati_NegativeAmount", "Funding"));
        return problems;
    }

    /// <summary>The partners' countries outside Sweden (the reporting country is no recipient), in order of first appearance.</summary>
    public static List<string> RecipientCountries(IatiActivityData a) =>
        a.Partners.Select(p => p.CountryCode.Trim().ToUpperInvariant()).Where(c => c != "SE").Distinct().ToList();

    /// <summary>Shares of 100 with two decimals, the remainder on the first, so that they sum to exactly 100.</summary>
    public static List<decimal> Percentages(int count)
    {
        if (count == 0) return [];
        var each = Math.Floor(10000m / count) / 100m;
        var list = Enumerable.Repeat(each, count).ToList();
        list[0] += 100m - each * count;
        return list;
    }

    private static XElement Narrative(string text) => new("narrative", text);

    private static XElement Activity(IatiPublisher p, IatiActivityData a, DateOnly today, IatiLabels labels)
    {
        var e = new XElement("iati-activity",
            new XAttribute(XNamespace.Xml + "lang", p.Language),
            new XAttribute("default-currency", IatiCodes.Currency),
            new XElement("iati-identifier", Identifier(p, a.Id)),
            new XElement("reporting-org", new XAttribute("ref", p.OrganisationIdentifier), new XAttribute("type", p.OrganisationType), Narrative(p.Name)),
            new XElement("title", Narrative(a.Title)),
            new XElement("description", new XAttribute("type", IatiCodes.DescriptionGeneral), Narrative(a.Description!)));
        if (a.Purpose is { } purpose) e.Add(new XElement("description", new XAttribute("type", IatiCodes.DescriptionObjectives), Narrative(purpose)));

        // participating-org: funders (1), the municipality as extending (2) and implementing (4), then the partners (4).
        foreach (var funder in a.Funding.Where(f => f.CountsAsFunding)
                     .Select(f => (Name: f.Source == FundingSource.OwnBudget ? p.Name : f.Funder, f.Source, f.FunderKind)).Distinct())
        {
            var org = new XElement("participating-org", new XAttribute("role", IatiCodes.RoleFunding), new XAttribute("type", IatiCodes.FunderType(funder.Source, funder.FunderKind)));
            if (funder.Source == FundingSource.OwnBudget) org.Add(new XAttribute("ref", p.OrganisationIdentifier));
            org.Add(Narrative(funder.Name));
            e.Add(org);
        }
        e.Add(new XElement("participating-org", new XAttribute("ref", p.OrganisationIdentifier), new XAttribute("role", IatiCodes.RoleExtending),
            new XAttribute("type", p.OrganisationType), Narrative(p.Name)));
        e.Add(new XElement("participating-org", new XAttribute("ref", p.OrganisationIdentifier), new XAttribute("role", IatiCodes.RoleImplementing),
            new XAttribute("type", p.OrganisationType), Narrative(p.Name)));
        foreach (var partner in a.Partners)
            e.Add(new XElement("participating-org", new XAttribute("role", IatiCodes.RoleImplementing),
                new XAttribute("type", IatiCodes.OrganisationType(partner.Type, partner.CountryCode)), Narrative(partner.Name)));

        e.Add(new XElement("activity-status", new XAttribute("code", IatiCodes.ActivityStatus(a.Status)!)));
        e.Add(Date(IatiCodes.PlannedStart, a.PlannedStart));
        if (a.ActualStart is { } actualStart) e.Add(Date(IatiCodes.ActualStart, actualStart));
        if (a.PlannedEnd is { } plannedEnd) e.Add(Date(IatiCodes.PlannedEnd, plannedEnd));
        if (a.ActualEnd is { } actualEnd) e.Add(Date(IatiCodes.ActualEnd, actualEnd));
        // Contact: the municipality as an organisation, never a person.
        e.Add(new XElement("contact-info", new XAttribute("type", "1"), new XElement("organisation", Narrative(p.Name))));

        var countries = RecipientCountries(a);
        foreach (var (code, share) in countries.Zip(Percentages(countries.Count)))
            e.Add(new XElement("recipient-country", new XAttribute("code", code), new XAttribute("percentage", share.ToString("0.##", Inv))));

        e.Add(new XElement("sector", new XAttribute("vocabulary", IatiCodes.SectorDac5), new XAttribute("code", IatiCodes.Sector(a.Kind, a.Sdgs.Select(s => s.Goal))),
            new XAttribute("percentage", "100")));
        foreach (var goal in a.Sdgs.Select(s => s.Goal).Distinct().Order())
            e.Add(new XElement("tag", new XAttribute("vocabulary", IatiCodes.TagSdgGoal), new XAttribute("code", goal.ToString(Inv))));
        foreach (var target in a.Sdgs.Where(s => s.Target is not null).Select(s => s.Target!).Distinct().Order(StringComparer.Ordinal))
            e.Add(new XElement("tag", new XAttribute("vocabulary", IatiCodes.TagSdgTarget), new XAttribute("code", target)));

        foreach (var budget in Budgets(a)) e.Add(budget);
        foreach (var transaction in Transactions(p, a, today)) e.Add(transaction);

        foreach (var r in a.Results.OrderBy(r => r.Year ?? int.MaxValue))
            e.Add(new XElement("result", new XAttribute("type", IatiCodes.ResultOutcome),
                new XElement("title", Narrative(r.Year is { } y ? labels.YearlyResultTitle(y) : labels.FinalResultTitle)),
                new XElement("description", Narrative(r.Text)),
                new XElement("indicator", new XAttribute("measure", IatiCodes.MeasureQualitative), new XElement("title", Narrative(labels.IndicatorTitle)))));
        return e;
    }

    private static XElement Date(string type, DateOnly date) =>
        new("activity-date", new XAttribute("type", type), new XAttribute("iso-date", Iso(date)));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", Inv);

    private static XElement Value(decimal amount, DateOnly valueDate) =>
        new("value", new XAttribute("currency", IatiCodes.Currency), new XAttribute("value-date", Iso(valueDate)), amount.ToString("0.00", Inv));

    /// <summary>
    /// The activity's funding as original budgets of at most a year each (an IATI rule): the planned period cut at
    /// calendar years, the total spread by days. Committed (2) when every counted line is granted or paid, else indicative (1).
    /// None for an open-ended activity or one without funding.
    /// </summary>
    public static List<XElement> Budgets(IatiActivityData a)
    {
        var lines = a.Funding.Where(f => f.CountsAsFunding).ToList();
        var total = lines.Sum(f => f.AmountSek);
        if (total <= 0 || a.PlannedEnd is not { } end || end < a.PlannedStart) return [];
        var status = lines.All(f => f.Status is FundingStatus.Granted or FundingStatus.Paid) ? "2" : "1";
        var periods = new List<(DateOnly Start, DateOnly End)>();
        for (var start = a.PlannedStart; start <= end; start = new DateOnly(start.Year + 1, 1, 1))
        {
            var yearEnd = new DateOnly(start.Year, 12, 31);
            periods.Add((start, yearEnd < end ? yearEnd : end));
        }
        var days = periods.Sum(x => x.End.DayNumber - x.Start.DayNumber + 1);
        var result = new List<XElement>();
        var left = total;
        for (var i = 0; i < periods.Count; i++)
        {
            var (s, e) = periods[i];
            var amount = i == periods.Count - 1 ? left : Math.Round(total * (e.DayNumber - s.DayNumber + 1) / days, 2, MidpointRounding.AwayFromZero);
            left -= amount;
            result.Add(new XElement("budget", new XAttribute("type", "1"), new XAttribute("status", status),
                new XElement("period-start", new XAttribute("iso-date", Iso(s))),
                new XElement("period-end", new XAttribute("iso-date", Iso(e))),
                Value(amount, s)));
        }
        return result;
    }

    /// <summary>
    /// External money received by the municipality: an incoming commitment (11) on the day a line was granted, incoming
    /// funds (1) on the day it was paid. Never a future date (an IATI rule): such a line waits for its day.
    /// </summary>
    private static IEnumerable<XElement> Transactions(IatiPublisher p, IatiActivityData a, DateOnly today)
    {
        foreach (var f in a.Funding.Where(f => f.Source != FundingSource.OwnBudget))
        {
            if (f.Status is FundingStatus.Granted or FundingStatus.Paid && f.DecidedOn is { } decided && decided <= today)
                yield return Transaction(IatiCodes.IncomingCommitment, decided, f, p);
            if (f.Status == FundingStatus.Paid && f.PaidOn is { } paid && paid <= today)
                yield return Transaction(IatiCodes.IncomingFunds, paid, f, p);
        }
    }

    private static XElement Transaction(string type, DateOnly date, IatiFunding f, IatiPublisher p) =>
        new("transaction",
            new XElement("transaction-type", new XAttribute("code", type)),
            new XElement("transaction-date", new XAttribute("iso-date", Iso(date))),
            Value(f.AmountSek, date),
            new XElement("provider-org", new XAttribute("type", IatiCodes.FunderType(f.Source, f.FunderKind)), Narrative(f.Funder)),
            new XElement("receiver-org", new XAttribute("ref", p.OrganisationIdentifier), new XAttribute("type", p.OrganisationType), Narrative(p.Name)));
}
