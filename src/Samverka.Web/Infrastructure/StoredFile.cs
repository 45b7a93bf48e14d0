namespace Samverka.Web.Infrastructure;

/// <summary>
/// An uploaded file (signed agreements, library plans), kept in the database: outside the web root,
/// in the same transaction and backup as the row that refers to it, and shared by every instance.
/// Served only through a page that checks who may read the owner.
/// </summary>
public class StoredFile
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    /// <summary>SHA-256 of the content, hex: shows a re-upload of the same file.</summary>
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}
