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

public static class Outbox
{
    /// <summary>
    /// Queues an e-mail on the caller's context: it is inserted by the caller's SaveChanges, in the
    /// same transaction as the change it reports, and sent by <see cref="OutboxSender"/> afterwards.
    /// </summary>
    public static OutboxMessage Enqueue(AppDbContext db, string to, string subject, string body, DateTimeOffset now)
    {
        var message = Message(to, subject, body, now);
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>A message not yet queued: prepared ahead, e.g. outside a lock, and added to the context later.</summary>
    public static OutboxMessage Message(string to, string subject, string body, DateTimeOffset now) =>
        new() { ToAddress = to, Subject = subject, BodyText = body, CreatedAt = now, NextAttemptAt = now };

    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<OutboxOptions>(config.GetSection("Samverka:Outbox"));
        // Validated at start: a misspelt Security value or an unparsable From stops the app instead of every send.
        services.AddOptions<SmtpOptions>().Bind(config.GetSection("Samverka:Smtp"))
            .Validate(SmtpOptions.IsValid, "Samverka:Smtp: From must be an e-mail address, Port 1-65535, TimeoutSeconds above 0").ValidateOnStart();
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
