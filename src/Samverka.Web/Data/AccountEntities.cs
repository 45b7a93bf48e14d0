namespace Samverka.Web.Data;

/// <summary>
/// An e-mail waiting to be sent, or already sent. Written in the same transaction as the change
/// that caused it, so a message exists exactly when its change was committed; OutboxSender
/// delivers it later and never deletes it.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string ToAddress { get; set; }
    public required string Subject { get; set; }
    public required string BodyText { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>How it was delivered: "smtp", or "stored" when no SMTP server is configured (development, tests).</summary>
    public string? Delivery { get; set; }
    /// <summary>One optional attachment (e.g. the .ics of an activity registration).</summary>
    public string? AttachmentName { get; set; }
    public string? AttachmentContentType { get; set; }
    public byte[]? AttachmentContent { get; set; }
}

/// <summary>
/// An invitation to create an account with one role assignment. Only the SHA-256 of the token is
/// kept: the link itself exists only in the e-mail, so a copy of the database cannot be used to accept.
/// </summary>
public class Invitation
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public required string Role { get; set; }
    public string? CountyCode { get; set; }
    public string? MunicipalityCode { get; set; }
    public int? LibraryId { get; set; }
    public required string TokenHash { get; set; }
    /// <summary>The inviting user; null once that account has been removed.</summary>
    public string? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
}
