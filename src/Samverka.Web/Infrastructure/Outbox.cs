using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Samverka.Web.Data;

namespace Samverka.Web.Infrastructure;

/// <summary>"Samverka:Outbox": how often <see cref="OutboxSender"/> looks for due messages.</summary>
public class OutboxOptions
{
    /// <summary>Seconds between polls; 0 turns the background loop off (tests call SendDueAsync themselves).</summary>
    public double PollSeconds { get; set; } = 5;
}

/// <summary>"Samverka:Smtp". Without a Host, messages are only stored and read on /admin/e-post.</summary>
public class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "samverka@exempel.se";
    public bool EnableSsl { get; set; } = true;
}

public static class Outbox
{
    /// <summary>
    /// Queues an e-mail on the caller's context: it is inserted by the caller's SaveChanges, in the
    /// same transaction as the change it reports, and sent by <see cref="OutboxSender"/> afterwards.
    /// </summary>
    public static OutboxMessage Enqueue(AppDbContext db, string to, string subject, string body, DateTimeOffset now)
    {
        var message = new OutboxMessage { ToAddress = to, Subject = subject, BodyText = body, CreatedAt = now, NextAttemptAt = now };
        db.OutboxMessages.Add(message);
        return message;
    }

    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<OutboxOptions>(config.GetSection("Samverka:Outbox"));
        services.Configure<SmtpOptions>(config.GetSection("Samverka:Smtp"));
        services.TryAddSingleton(TimeProvider.System);
        if (string.IsNullOrWhiteSpace(config["Samverka:Smtp:Host"]))
            services.AddSingleton<IMailSender, StoringMailSender>();
        else
            services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}

/// <summary>Delivers one message; throws when it could not (the outbox then retries later).</summary>
public interface IMailSender
{
    /// <summary>Recorded in outbox_messages.delivery.</summary>
    string Delivery { get; }
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>Development and tests: nothing leaves the machine; administrators read the message on /admin/e-post.</summary>
public class StoringMailSender : IMailSender
{
    public string Delivery => "stored";
    public Task SendAsync(OutboxMessage message, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Production: SMTP through the framework's client (STARTTLS when EnableSsl), no extra dependency.</summary>
public class SmtpMailSender(IOptions<SmtpOptions> options) : IMailSender
{
    public string Delivery => "smtp";

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient(o.Host, o.Port)
        {
            EnableSsl = o.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Credentials = string.IsNullOrEmpty(o.User) ? null : new NetworkCredential(o.User, o.Password),
        };
        using var mail = new MailMessage(o.From, message.ToAddress, message.Subject, message.BodyText)
        {
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        if (message.AttachmentContent is { } content && message.AttachmentName is { } name)
            mail.Attachments.Add(new Attachment(new MemoryStream(content), name, message.AttachmentContentType ?? "application/octet-stream"));
        await client.SendMailAsync(mail, ct);
    }
}
