using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Activities;
using Omvarld.Web.Features.Reference;

namespace Omvarld.Web.Features.Openness;

/// <summary>The open list's filters: year (the activity runs during it), kind, partner country, policy goal and SDG.</summary>
public sealed record PublicFilter(int? Year = null, ActivityKind? Kind = null, string? Country = null, string? Goal = null, int? Sdg = null)
{
    public static readonly PublicFilter None = new();
}

/// <summary>The query string's names: Swedish on the pages (<c>ar, typ, land, mal, sdg, sida</c>), English in the API.</summary>
public sealed record PublicFilterNames(string Year, string Kind, string Country, string Goal, string Sdg, string Page, string? PageSize)
{
    public static readonly PublicFilterNames Pages = new("ar", "typ", "land", "mal", "sdg", "sida", null);
    public static readonly PublicFilterNames Api = new("year", "kind", "country", "goal", "sdg", "page", "pageSize");
}

public sealed record ParsedPublicQuery(PublicFilter Filter, int Page, int PageSize, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads the open pages' and API's query strings strictly: anyone on the internet sends them, so a value that is not
/// exactly what a filter takes (a year out of range, an unknown kind or country, an over-long or repeated value,
/// anything that looks like markup or SQL) is a validation error with a Swedish message — never a 500, never a guess.
/// </summary>
public static partial class PublicFilterParser
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;
    private const int MaxValueLength = 64;

    [GeneratedRegex(@"^[\p{L}\p{N}_\-]{1,64}$")]
    private static partial Regex GoalCode();

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex Alpha2();

    public static ParsedPublicQuery Parse(IQueryCollection query, PublicFilterNames names, ReferenceData reference, IStringLocalizer l)
    {
        var errors = new Dictionary<string, string[]>();
        string? One(string name)
        {
            if (!query.TryGetValue(name, out var values) || values.Count == 0) return null;
            if (values.Count > 1) { errors[name] = [l["OpenData_FilterRepeated", name]]; return null; }
            var v = values[0]?.Trim();
            if (string.IsNullOrEmpty(v)) return null;
            if (v.Length > MaxValueLength) { errors[name] = [l["OpenData_FilterTooLong", name, MaxValueLength]]; return null; }
            return v;
        }
        int? Int(string name, int min, int max, string messageKey)
        {
            if (One(name) is not { } v) return null;
            if (v.Length <= 6 && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
            errors[name] = [l[messageKey, min, max]];
            return null;
        }

        var year = Int(names.Year, Activity.FirstYear, Activity.LastYear, "OpenData_FilterYearInvalid");
        ActivityKind? kind = null;
        if (One(names.Kind) is { } k)
        {
            if (!k.All(char.IsAsciiLetter) || !Enum.TryParse<ActivityKind>(k, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                errors[names.Kind] = [l["OpenData_FilterKindInvalid"]];
            else kind = parsed;
        }
        string? country = null;
        if (One(names.Country) is { } c)
        {
            if (!Alpha2().IsMatch(c) || reference.Country(c.ToUpperInvariant()) is null) errors[names.Country] = [l["OpenData_FilterCountryInvalid"]];
            else country = c.ToUpperInvariant();
        }
        string? goal = null;
        if (One(names.Goal) is { } g)
        {
            if (!GoalCode().IsMatch(g)) errors[names.Goal] = [l["OpenData_FilterGoalInvalid"]];
            else goal = g;
        }
        var sdg = Int(names.Sdg, 1, 17, "OpenData_FilterSdgInvalid");
        var page = Int(names.Page, 1, MaxPage, "OpenData_FilterPageInvalid") ?? 1;
        var pageSize = names.PageSize is { } ps ? Int(ps, 1, MaxPageSize, "OpenData_FilterPageSizeInvalid") ?? DefaultPageSize : DefaultPageSize;
        return new(new PublicFilter(year, kind, country, goal, sdg), page, pageSize, errors);
    }
}
