using Omvarld.Domain.Common;

namespace Omvarld.Domain.Files;

/// <summary>
/// A file attached to a business record (a policy version's adopted PDF, an activity's report): its name, type, size
/// and SHA-256 as audited facts. The bytes live apart in <see cref="StoredFileContent"/>, so lists never load them.
/// </summary>
public sealed class StoredFile : ITenantOwned, IAudited
{
    public const int FileNameMaxLength = 200;

    private StoredFile() { }

    public Guid MunicipalityId { get; private set; }
    public Guid Id { get; private set; }
    /// <summary>What the file is attached to, e.g. <c>PolicyVersion</c>.</summary>
    public string OwnerKind { get; private set; } = "";
    public Guid OwnerId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Length { get; private set; }
    public string Sha256 { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
    public Guid? UploadedBy { get; private set; }

    public static StoredFile Create(Guid municipalityId, string ownerKind, Guid ownerId, string fileName, string contentType, long length,
        string sha256, DateTimeOffset uploadedAt, Guid? uploadedBy) => new()
    {
        MunicipalityId = municipalityId, Id = Guid.CreateVersion7(), OwnerKind = ownerKind, OwnerId = ownerId, FileName = CleanName(fileName),
        ContentType = contentType, Length = length, Sha256 = sha256, UploadedAt = uploadedAt, UploadedBy = uploadedBy,
    };

    /// <summary>
    /// A file name as it may be kept and shown: without control characters (NUL, C1), without format characters —
    /// right-to-left overrides and isolates, zero-width characters — that make "rapport‮fdp.exe" read as something it
    /// is not, and without halves of surrogate pairs. A name of nothing else becomes "fil".
    /// </summary>
    public static string CleanName(string fileName)
    {
        var kept = new System.Text.StringBuilder(fileName.Length);
        for (var i = 0; i < fileName.Length; i++)
        {
            if (System.Text.Rune.TryGetRuneAt(fileName, i, out var rune))
            {
                if (rune.Utf16SequenceLength == 2) i++;
                var category = System.Text.Rune.GetUnicodeCategory(rune);
                if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format) continue;
                kept.Append(rune.ToString());
            }
        }
        var name = kept.ToString().Trim();
        return name.Length == 0 ? "fil" : name;
    }
}

/// <summary>The bytes of a <see cref="StoredFile"/>, in the database so that every web instance serves them alike.</summary>
public sealed class StoredFileContent : ITenantOwned
{
    private StoredFileContent() { }

    public Guid MunicipalityId { get; private set; }
    public Guid FileId { get; private set; }
    public byte[] Bytes { get; private set; } = [];

    public static StoredFileContent For(StoredFile file, byte[] bytes) => new() { MunicipalityId = file.MunicipalityId, FileId = file.Id, Bytes = bytes };
}
