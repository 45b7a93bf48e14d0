namespace Samverka.Web.Infrastructure;

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
    /// <summary>An https address that unsubscribes the recipient with one POST (RFC 8058), e.g. the weekly digest's.</summary>
    public string? ListUnsubscribe { get; set; }
}
