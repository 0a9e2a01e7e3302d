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
