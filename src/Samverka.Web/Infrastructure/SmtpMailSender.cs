using System.Net.Security;
using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Samverka.Web.Infrastructure;

/// <summary>"Samverka:Smtp". Without a Host, messages are only stored and read on /admin/e-post.</summary>
public class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>With a user the client authenticates (the mechanisms the server offers); without one it does not.</summary>
    public string? User { get; set; }
    public string? Password { get; set; }
    /// <summary>"adress@exempel.se" or "Namn &lt;adress@exempel.se&gt;".</summary>
    public string From { get; set; } = "samverka@exempel.se";
    /// <summary>The older switch, used when <see cref="Security"/> is not set: true = STARTTLS required, false = plain.</summary>
    public bool EnableSsl { get; set; } = true;
    /// <summary>
    /// TLS policy, MailKit's names: None (plain), StartTlsWhenAvailable, StartTls (required: the send fails when the
    /// server offers none), SslOnConnect (TLS from the first byte, port 465), Auto (SslOnConnect on 465, else when available).
    /// </summary>
    public SecureSocketOptions? Security { get; set; }
    /// <summary>
    /// SHA-256 fingerprint (hex; colons and spaces ignored) of a server certificate to accept although the system does
    /// not trust it, e.g. an internal relay's own certificate. Any other certificate must still be valid.
    /// </summary>
    public string? CertificateSha256 { get; set; }
    /// <summary>For connecting and each SMTP command.</summary>
    public double TimeoutSeconds { get; set; } = 100;

    public SecureSocketOptions EffectiveSecurity => Security ?? (EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.None);

    public static bool IsValid(SmtpOptions o) =>
        MailboxAddress.TryParse(o.From, out _) && o.Port is > 0 and < 65536 && o.TimeoutSeconds > 0;
}

/// <summary>Production: SMTP through MailKit, messages built with MimeKit (UTF-8 text, attachment as base64).</summary>
public class SmtpMailSender(IOptions<SmtpOptions> options) : IMailSender
{
    public string Delivery => "smtp";

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var mime = ToMime(message, o.From);
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(o.TimeoutSeconds).TotalMilliseconds };
        if (NormalisedFingerprint(o.CertificateSha256) is { Length: > 0 } pinned)
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256).Equals(pinned, StringComparison.OrdinalIgnoreCase));
        await client.ConnectAsync(o.Host ?? throw new InvalidOperationException("Samverka:Smtp:Host is not set"), o.Port, o.EffectiveSecurity, ct);
        if (!string.IsNullOrEmpty(o.User))
            await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
        await client.SendAsync(mime, ct);
        // The server has taken the message: a failing QUIT must not make the outbox send it again.
        try { await client.DisconnectAsync(true, ct); }
        catch (Exception e) when (e is not OperationCanceledException) { }
    }

    private static string NormalisedFingerprint(string? value) =>
        new((value ?? "").Where(char.IsAsciiHexDigit).ToArray());

    /// <summary>
    /// The outbox row as a MIME message. The Message-Id is derived from the row, so a message sent again (the
    /// server took it but the outbox could not record that) can be recognised as the same one by the receiver.
    /// </summary>
    public static MimeMessage ToMime(OutboxMessage message, string from)
    {
        var sender = MailboxAddress.Parse(from);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = message.CreatedAt,
            MessageId = $"outbox-{message.Id}-{message.CreatedAt.ToUnixTimeMilliseconds()}@{(sender.Domain is { Length: > 0 } d ? d : "samverka.invalid")}",
        };
        mime.From.Add(sender);
        mime.To.Add(MailboxAddress.Parse(message.ToAddress));
        if (message.ListUnsubscribe is { Length: > 0 } unsubscribe)
        {
            // RFC 8058: mail programs offer "unsubscribe" and POST "List-Unsubscribe=One-Click" to the address.
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var text = new TextPart(TextFormat.Plain);
        text.SetText(Encoding.UTF8, message.BodyText);
        if (message.AttachmentContent is not { } content || message.AttachmentName is not { } name)
        {
            mime.Body = text;
            return mime;
        }
        var type = ContentType.Parse(message.AttachmentContentType ?? "application/octet-stream");
        if (type.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase) && type.Charset is null)
            type.Charset = "utf-8";
        var attachment = new MimePart(type)
        {
            Content = new MimeContent(new MemoryStream(content)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = name,
        };
        mime.Body = new Multipart("mixed") { text, attachment };
        return mime;
    }
}
