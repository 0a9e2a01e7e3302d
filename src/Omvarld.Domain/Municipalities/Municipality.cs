using System.Text.RegularExpressions;
using Omvarld.Domain.Common;

namespace Omvarld.Domain.Municipalities;

/// <summary>A municipality (<i>kommun</i>): the tenant. Every business row carries its id.</summary>
public sealed partial class Municipality : IAudited, IVersioned
{
    public const int NameMaxLength = 100;
    public const int SlugMaxLength = 60;

    private Municipality() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The stable address part, e.g. <c>boras</c>, used by the public pages.</summary>
    public string Slug { get; private set; } = "";
    /// <summary>Swedish municipality code (<i>kommunkod</i>), four digits, e.g. 1490 for Borås.</summary>
    public string? MunicipalityCode { get; private set; }
    public bool IsDemo { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int Version { get; set; }

    public static (Municipality? Value, Result Result) Create(string? name, string? slug, string? code, bool isDemo, DateTime now)
    {
        var m = new Municipality { Id = Guid.CreateVersion7(), CreatedAt = now, IsDemo = isDemo };
        var r = m.Update(name, slug, code);
        return r.IsOk ? (m, r) : (null, r);
    }

    public Result Update(string? name, string? slug, string? code)
    {
        name = Text.Clean(name);
        slug = slug?.Trim().ToLowerInvariant();
        code = Text.Clean(code);
        if (name is null) return Result.Fail("Validation_NameRequired", nameof(Name));
        if (name.Length > NameMaxLength) return Result.Fail("Validation_NameTooLong", nameof(Name));
        if (string.IsNullOrEmpty(slug) || slug.Length > SlugMaxLength || !SlugPattern().IsMatch(slug))
            return Result.Fail("Municipality_SlugInvalid", nameof(Slug));
        if (code is not null && !CodePattern().IsMatch(code))
            return Result.Fail("Municipality_CodeInvalid", nameof(MunicipalityCode));
        Name = name;
        Slug = slug;
        MunicipalityCode = code;
        return Result.Ok;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex CodePattern();
}
