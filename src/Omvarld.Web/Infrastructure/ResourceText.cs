using System.Globalization;
using System.Resources;

namespace Omvarld.Web.Infrastructure;

/// <summary>
/// The UI's texts (<c>Resources/SharedResource.resx</c>) where no localizer is injected, e.g. in a static reader that
/// also runs outside a request. Formats with the current culture; a missing key throws, as the resource test would catch.
/// </summary>
public sealed class ResourceText
{
    private static readonly ResourceManager Resources = new("Omvarld.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    public string this[string key, params object[] args]
    {
        get
        {
            var text = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"No text '{key}'.");
            return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
        }
    }
}
