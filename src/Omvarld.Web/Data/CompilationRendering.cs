using Omvarld.Domain.Common;

namespace Omvarld.Web.Data;

/// <summary>
/// Issue 17: the compilation rendered as a file (XLSX, DOCX or PDF), kept beside its <see cref="CompilationSnapshot"/>
/// under the same key and stamps: valid only while the municipality's and the installation's stamps, the day and the
/// build it was rendered under are the current ones. One row per (municipality, year, unit, format): a newer rendering
/// replaces the row, and recomputing the snapshot deletes the stale ones.
/// </summary>
public sealed class CompilationRendering : ITenantOwned, IDerivedRow
{
    public const int FormatMaxLength = 8;

    private CompilationRendering() { }

    public CompilationRendering(Guid municipalityId, int year, Guid unitId, string format, DateOnly day, long stamp, long installationStamp, string build,
        byte[] bytes, DateTime renderedAt)
    {
        MunicipalityId = municipalityId;
        Id = Guid.CreateVersion7();
        Year = year;
        UnitId = unitId;
        Format = format;
        Day = day;
        Stamp = stamp;
        InstallationStamp = installationStamp;
        Build = build;
        Bytes = bytes;
        Length = bytes.LongLength;
        RenderedAt = renderedAt;
    }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    public int Year { get; private set; }
    /// <summary>The unit whose part it is; <see cref="Guid.Empty"/> for the whole municipality.</summary>
    public Guid UnitId { get; private set; }
    /// <summary><c>xlsx</c>, <c>docx</c> or <c>pdf</c>.</summary>
    public string Format { get; private set; } = "";
    public DateOnly Day { get; private set; }
    public long Stamp { get; private set; }
    public long InstallationStamp { get; private set; }
    /// <summary>The compilation's build and the renderers' libraries (<c>CompilationFiles.Build</c>).</summary>
    public string Build { get; private set; } = "";
    public byte[] Bytes { get; private set; } = [];
    /// <summary>The file's size, read before its bytes (a response's Content-Length).</summary>
    public long Length { get; private set; }
    public DateTime RenderedAt { get; private set; }
}
