using System.Globalization;
using Omvarld.Domain.Activities;

namespace Omvarld.Web.Features.Activities;

/// <summary>
/// The list's filters as the page's GET form names them (Swedish, so a shared link reads well), read leniently: a value
/// that does not parse is no filter, never an error page. The export reads the same parameters.
/// </summary>
public static class ActivityListQuery
{
    public const string Unit = "enhet", Kind = "typ", Status = "status", Country = "land", Goal = "mal", Sdg = "sdg", Year = "ar",
        Funding = "finansiering", Classification = "klass", Text = "q", Sort = "sortering", PageNumber = "sida", Published = "publicerad";

    public static ActivityFilter Parse(IQueryCollection q)
    {
        string? S(string key) => q[key].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;
        int? I(string key) => int.TryParse(S(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        T? E<T>(string key) where T : struct, Enum => Enum.TryParse<T>(S(key), ignoreCase: true, out var e) && Enum.IsDefined(e) ? e : null;
        return new ActivityFilter(
            Guid.TryParse(S(Unit), out var unit) ? unit : null,
            E<ActivityKind>(Kind),
            E<ActivityStatus>(Status),
            S(Country) is { Length: 2 } country ? country.ToUpperInvariant() : null,
            S(Goal) is { Length: <= 100 } goal ? goal : null,
            I(Sdg) is { } sdg and >= 1 and <= 17 ? sdg : null,
            I(Year) is { } year and >= 1990 and <= 2100 ? year : null,
            S(Funding) is { Length: <= 50 } funding ? funding : null,
            E<ActivityClass>(Classification),
            S(Text) is { } text ? text[..Math.Min(text.Length, 200)] : null,
            E<ActivitySort>(Sort) ?? ActivitySort.StartDesc) { Published = S(Published) is { } p && bool.TryParse(p, out var published) ? published : null };
    }

    public static int Page(IQueryCollection q) =>
        int.TryParse(q[PageNumber].FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : 1;

    /// <summary>The filter as query parameters, for links (export, the unit page's "see all").</summary>
    public static string ToQueryString(ActivityFilter f)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, object? value) { if (value is not null) pairs.Add(new(key, Convert.ToString(value, CultureInfo.InvariantCulture))); }
        Add(Unit, f.Unit); Add(Kind, f.Kind); Add(Status, f.Status); Add(Country, f.Country); Add(Goal, f.Goal); Add(Sdg, f.Sdg); Add(Year, f.Year);
        Add(Funding, f.Funding); Add(Classification, f.Classification); Add(Text, f.Q);
        if (f.Published is { } published) Add(Published, published ? "true" : "false");
        if (f.Sort != ActivitySort.StartDesc) Add(Sort, f.Sort);
        return QueryString.Create(pairs).ToString();
    }
}
