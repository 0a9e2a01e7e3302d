using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Omvarld.Domain.Common;
using Omvarld.Domain.Files;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Shared;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Files;

public sealed record StoredFileDto(Guid Id, string FileName, string ContentType, long Length, string Sha256, DateTimeOffset UploadedAt)
{
    public static StoredFileDto From(StoredFile f) => new(f.Id, f.FileName, f.ContentType, f.Length, f.Sha256, f.UploadedAt);
}

/// <summary>
/// Attached files, stored in the database (so every web instance serves them and backups hold them), checked by size,
/// by extension and by content. Callers authorize the owner; this service only stores and serves.
/// </summary>
public sealed class FileService(OmvarldDbContext db, CurrentUser me, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>The largest file accepted, from <c>Files:MaxBytes</c> (default 20 MB).</summary>
    public long MaxBytes => configuration.GetValue<long?>("Files:MaxBytes") ?? 20L * 1024 * 1024;

    public string MaxSizeText => Format.Bytes(MaxBytes);

    public async Task<List<StoredFileDto>> ListAsync(string ownerKind, Guid ownerId, CancellationToken ct = default) =>
        (await db.StoredFiles.AsNoTracking().Where(f => f.OwnerKind == ownerKind && f.OwnerId == ownerId)
            .ToListAsync(ct)).OrderBy(f => f.UploadedAt).Select(StoredFileDto.From).ToList(); // SQLite cannot order by DateTimeOffset

    /// <summary>Reads, checks and stores one upload; nothing is stored when the result is a failure.</summary>
    public async Task<(StoredFileDto? File, Result Result)> AddAsync(string ownerKind, Guid ownerId, string? fileName, Stream? content,
        IReadOnlyList<FileKind> allowed, CancellationToken ct = default)
    {
        if (content is null || string.IsNullOrWhiteSpace(fileName)) return (null, Result.Fail("Files_Required", "File"));
        var name = StoredFile.CleanName(Path.GetFileName(fileName.Replace('\\', '/')));
        if (name.Length > StoredFile.FileNameMaxLength) return (null, Result.Fail("Files_NameTooLong", "File"));
        var kind = FileKinds.ByName(name, allowed);
        if (kind is null) return (null, Result.Fail("Files_TypeNotAllowed", "File", FileKinds.Describe(allowed)));

        // Read at most one byte past the limit: a client's Content-Length is not trusted.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes) return (null, Result.Fail("Files_TooLarge", "File", MaxSizeText));
        }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) return (null, Result.Fail("Files_Empty", "File"));
        if (FileKinds.IsArchiveOutOfProportion(bytes))
            return (null, Result.Fail("Files_ArchiveTooLarge", "File", Format.Bytes(FileKinds.MaxUncompressedBytes), FileKinds.MaxArchiveEntries));
        if (!kind.Matches(bytes)) return (null, Result.Fail("Files_ContentMismatch", "File", kind.Extension, kind.Description));

        var municipalityId = db.CurrentMunicipalityId ?? throw new InvalidOperationException("No municipality in scope.");
        var file = StoredFile.Create(municipalityId, ownerKind, ownerId, name, kind.ContentType, bytes.Length,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), clock.GetUtcNow(), me.Id);
        db.StoredFiles.Add(file);
        db.StoredFileContents.Add(StoredFileContent.For(file, bytes));
        await db.SaveChangesAsync(ct);
        return (StoredFileDto.From(file), Result.Ok);
    }

    /// <summary>The file and its bytes, when it exists in this municipality and belongs to <paramref name="ownerKind"/>.</summary>
    public async Task<(StoredFile File, byte[] Bytes)?> OpenAsync(string ownerKind, Guid id, CancellationToken ct = default)
    {
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.OwnerKind == ownerKind, ct);
        if (file is null) return null;
        var bytes = await db.StoredFileContents.AsNoTracking().Where(c => c.FileId == id).Select(c => c.Bytes).FirstAsync(ct);
        return (file, bytes);
    }

    public async Task<StoredFile?> FindAsync(string ownerKind, Guid id, CancellationToken ct = default) =>
        await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.OwnerKind == ownerKind, ct);

    /// <summary>Removes a file (audited); false when it does not exist here.</summary>
    public async Task<bool> RemoveAsync(string ownerKind, Guid id, CancellationToken ct = default)
    {
        var file = await db.StoredFiles.FirstOrDefaultAsync(f => f.Id == id && f.OwnerKind == ownerKind, ct);
        if (file is null) return false;
        db.StoredFiles.Remove(file);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
