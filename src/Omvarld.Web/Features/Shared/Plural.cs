using Microsoft.Extensions.Localization;

namespace Omvarld.Web.Features.Shared;

/// <summary>
/// Issue 16.6: counts in Swedish with the right form, "1 aktivitet", "2 aktiviteter", "0 aktiviteter", never by gluing
/// a number to a word. Each counted text has two resource keys, <c>Key_One</c> (exactly 1) and <c>Key_Other</c>
/// (everything else); the number is {0}, formatted as Swedes write it (1 234), further arguments follow.
/// </summary>
public static class Plural
{
    public static string Count(this IStringLocalizer l, int n, string key, params object[] more) =>
        l[KeyFor(n, key), [Format.Number(n), .. more]].Value;

    /// <summary>The resource key of the form that fits <paramref name="n"/>.</summary>
    public static string KeyFor(int n, string key) => key + (n == 1 ? "_One" : "_Other");
}
