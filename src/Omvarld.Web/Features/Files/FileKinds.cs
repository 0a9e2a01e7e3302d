using System.IO.Compression;

namespace Omvarld.Web.Features.Files;

/// <summary>A kind of file the app accepts: its extension, media type and how to recognise its content.</summary>
public sealed record FileKind(string Extension, string ContentType, string Description, Func<byte[], bool> Matches);

/// <summary>
/// The file kinds attachments may have. A file is accepted only when its name's extension is allowed and its bytes are
/// what that extension says (ASVS 12.2.1: the content, not the name, decides): a renamed program is refused.
/// </summary>
public static class FileKinds
{
    public static readonly FileKind Pdf = new("pdf", "application/pdf", "PDF", b => StartsWith(b, "%PDF-"u8));
    public static readonly FileKind Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (.docx)",
        b => IsZipWith(b, "word/document.xml"));
    public static readonly FileKind Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (.xlsx)",
        b => IsZipWith(b, "xl/workbook.xml"));
    public static readonly FileKind Pptx = new("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint (.pptx)",
        b => IsZipWith(b, "ppt/presentation.xml"));
    public static readonly FileKind Png = new("png", "image/png", "PNG", b => StartsWith(b, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
    public static readonly FileKind Jpeg = new("jpg", "image/jpeg", "JPEG", b => StartsWith(b, [0xFF, 0xD8, 0xFF]));

    /// <summary>A governing document's text as adopted.</summary>
    public static readonly IReadOnlyList<FileKind> Documents = [Pdf, Docx];

    /// <summary>The kind <paramref name="fileName"/>'s extension names, among <paramref name="allowed"/>; null when none.</summary>
    public static FileKind? ByName(string fileName, IEnumerable<FileKind> allowed)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        if (extension == "jpeg") extension = "jpg";
        return allowed.FirstOrDefault(k => k.Extension == extension);
    }

    /// <summary>What an Office file (a zip) may declare, unpacked, in all: far more than any document needs.</summary>
    public const long MaxUncompressedBytes = 100L * 1024 * 1024;
    public const int MaxArchiveEntries = 2_000;
    /// <summary>A large entry packed more tightly than this is a bomb, not a document.</summary>
    private const int MaxEntryRatio = 200;
    private const long RatioCheckedFrom = 10L * 1024 * 1024;

    /// <summary>
    /// True for a zip (DOCX, XLSX, PPTX) whose central directory declares more than <see cref="MaxUncompressedBytes"/>
    /// unpacked, more than <see cref="MaxArchiveEntries"/> entries, or a large entry packed out of all proportion (a zip
    /// bomb). Only the directory is read, never an entry: this runs before anything unpacks the file.
    /// </summary>
    public static bool IsArchiveOutOfProportion(byte[] bytes)
    {
        if (!StartsWith(bytes, "PK\u0003\u0004"u8)) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxArchiveEntries) return true;
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxUncompressedBytes) return true;
                if (entry.Length > RatioCheckedFrom && entry.Length > (long)MaxEntryRatio * Math.Max(entry.CompressedLength, 1)) return true;
            }
            return false;
        }
        catch (InvalidDataException)
        {
            return false; // not a readable zip: the content check refuses it
        }
    }

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> prefix) => bytes.AsSpan().StartsWith(prefix);

    private static bool IsZipWith(byte[] bytes, string entry)
    {
        if (!StartsWith(bytes, "PK\u0003\u0004"u8)) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry(entry) is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    internal static string Describe(IEnumerable<FileKind> kinds) => string.Join(", ", kinds.Select(k => k.Description));

}
