using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Omvarld.Web.Features.Countries;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Countries;

/// <summary>The shipped country data files and variants of them made for a test.</summary>
public static class CountryFiles
{
    public static string Folder => Path.Combine(RepositoryFiles.Root, "src", "Omvarld.Web", "SeedData", "Reference");
    public static string[] GovernanceLines() => File.ReadAllLines(Path.Combine(Folder, "country_governance.csv"));
    public static string[] RegimeLines() => File.ReadAllLines(Path.Combine(Folder, "country_regime_vdem_v15.csv"));

    public static byte[] Bytes(IEnumerable<string> lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    /// <summary>The header and the rows of one country.</summary>
    public static List<string> Only(string[] lines, string iso3) => [lines[0], .. lines.Skip(1).Where(l => l.StartsWith(iso3 + ","))];

    /// <summary>A line with one field replaced (by column name); fields are split on commas, so only for lines without quoted commas.</summary>
    public static string With(string header, string line, string column, string value)
    {
        var names = header.Split(',');
        var fields = line.Split(',');
        fields[Array.IndexOf(names, column)] = value;
        return string.Join(",", fields);
    }

    public static IStringLocalizer Localizer() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));

    public static CountryDataReader Reader() =>
        new(new ReferenceData(Folder).Countries.Select(c => c.Alpha3).ToHashSet(), Localizer());
}
