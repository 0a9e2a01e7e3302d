using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Omvarld.Web.Tests.Resources;

/// <summary>Every text key the web app names literally exists in SharedResource.resx: a missing key would show the key itself to users.</summary>
public sealed partial class SharedResourceTests
{
    // L["Key"], l["Key", args], ErrorMessage = "Key", Display(Name = "Key"), Result.Fail("Key"…)
    [GeneratedRegex(@"\b[Ll]\[\s*""(?<key>[A-Za-z][A-Za-z0-9_]*)""\s*[,\]]|ErrorMessage\s*=\s*""(?<key>[A-Za-z][A-Za-z0-9_]*)""|Display\(Name\s*=\s*""(?<key>[A-Za-z][A-Za-z0-9_]*)""|Result\.Fail\(\s*""(?<key>[A-Za-z][A-Za-z0-9_]*)""|Problems\.Write\([^;]*?""(?<key>Problem_[A-Za-z0-9_]*)""")]
    private static partial Regex KeyUse();


    [Fact]
    public void KeysUsedInSource_AllExistInResx()
    {
        var root = Omvarld.Web.Tests.Infrastructure.RepositoryFiles.Root;
        var resx = XDocument.Load(Path.Combine(root, "src", "Omvarld.Web", "Resources", "SharedResource.resx"));
        var defined = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var sources = new[] { "Omvarld.Web", "Omvarld.Domain" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(root, "src", p), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".cshtml"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();

        var used = sources.SelectMany(f => KeyUse().Matches(File.ReadAllText(f))
                .Select(m => (Key: m.Groups["key"].Value, File: Path.GetRelativePath(root, f))))
            .ToList();
        var missing = used.Where(u => !defined.Contains(u.Key)).Select(u => $"{u.Key} ({u.File})").Distinct().Order().ToList();

        Assert.True(used.Count > 100, $"Only {used.Count} key uses found: the pattern no longer matches the code.");
        Assert.True(missing.Count == 0, "Keys missing from SharedResource.resx:\n  " + string.Join("\n  ", missing));
    }
}
