using System.Security.Cryptography;
using Samverka.Web.Data;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Checks an uploaded PDF (signed agreements, library plans) and turns it into a <see cref="StoredFile"/>
/// for the caller to attach and save in its own transaction. The content decides, not the name: a file
/// must start with the PDF signature, whatever its extension or the browser's content type say.
/// </summary>
public static class PdfUpload
{
    /// <summary>Scanned signed agreements are rarely above a few megabytes.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly byte[] Signature = "%PDF-"u8.ToArray();

    /// <returns>The file, or a Swedish message saying what is wrong with the upload.</returns>
    public static async Task<(StoredFile? File, string? Error)> ReadAsync(IFormFile? upload, DateTimeOffset now, string? uploadedBy,
        CancellationToken ct = default)
    {
        if (upload is null || upload.Length == 0)
            return (null, "Välj en PDF-fil att ladda upp.");
        if (upload.Length > MaxBytes)
            return (null, $"Filen är för stor ({upload.Length / 1024.0 / 1024.0:0.0} MB). Största tillåtna storlek är {MaxBytes / 1024 / 1024} MB.");
        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        if (!content.AsSpan().StartsWith(Signature))
            return (null, "Filen är inte en PDF. Ladda upp det underskrivna dokumentet som PDF.");
        var name = Path.GetFileName(upload.FileName);
        if (string.IsNullOrWhiteSpace(name)) name = "dokument.pdf";
        if (!name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) name += ".pdf";
        if (name.Length > 255) name = name[^255..];
        return (new StoredFile
        {
            FileName = name,
            ContentType = "application/pdf",
            Length = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedAt = now,
            UploadedBy = uploadedBy,
        }, null);
    }
}
