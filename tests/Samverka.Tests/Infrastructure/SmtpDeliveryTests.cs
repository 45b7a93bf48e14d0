using System.Text;
using Ical.Net;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Samverka.Tests.Features.Activities;
using Samverka.Tests.Support;
using Samverka.Web.Infrastructure;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Infrastructure;

/// <summary>
/// The app on a database of its own, configured to send through a real SMTP server on 127.0.0.1 (no STARTTLS,
/// "EnableSsl": false, the older key). Its own database: the failing sends below reschedule only this outbox.
/// </summary>
public sealed class SmtpAppFactory : SamverkaFactory, IAsyncLifetime
{
    protected override string Purpose => "smtp";
    private TestSmtpServer? _smtp;
    public TestSmtpServer Smtp => _smtp ?? throw new InvalidOperationException("Not initialised");

    async Task IAsyncLifetime.InitializeAsync()
    {
        _smtp = await TestSmtpServer.StartAsync();
        await InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Samverka:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Samverka:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Samverka:Smtp:EnableSsl", "false");
        builder.UseSetting("Samverka:Smtp:From", "Samverka Skåne <samverka@exempel.se>");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_smtp is not null) await _smtp.DisposeAsync();
    }
}

public class SmtpDeliveryTests(SmtpAppFactory app) : IClassFixture<SmtpAppFactory>
{
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }

    private static SmtpMailSender Smtp(int port, SecureSocketOptions security, string? pin = null) =>
        new(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = security, CertificateSha256 = pin, TimeoutSeconds = 10 }));

    private OutboxSender Outbox(IMailSender mail, TimeProvider? time = null) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), mail, time ?? TimeProvider.System,
            Options.Create(new OutboxOptions { PollSeconds = 0 }), NullLogger<OutboxSender>.Instance);

    /// <summary>Marks every waiting message sent, then queues one: the next send round handles only that one.</summary>
    private Task<long> QueueOnlyAsync(string subject, string body) => app.WithDbAsync(async db =>
    {
        await db.OutboxMessages.Where(m => m.SentAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, DateTimeOffset.UtcNow).SetProperty(m => m.Delivery, "stored"));
        var message = Web.Infrastructure.Outbox.Enqueue(db, $"mottagare.{Guid.NewGuid():N}@exempel.se", subject, body, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return message.Id;
    });

    private Task<OutboxMessage> RowAsync(long id) => app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    private static TestSmtpServer.Received[] To(TestSmtpServer server, string address) =>
        server.Messages.Where(m => m.Recipients.Contains(address)).ToArray();

    [Fact]
    public async Task Registration_ConfirmationDeliveredOverSmtp_WithIcsAttachmentAndSwedishText()
    {
        var id = await ActivitySamples.CreateAsync(app);
        var title = "Läsfrämjande för små och stora, Åhus–Örkelljunga " + UniqueText.Letters(6);
        await app.WithDbAsync(db => db.Activities.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Title, title)));

        var client = await app.As(Hugo);
        var response = await client.PostFormAsync($"/aktiviteter/{id}?handler=Register", [], formPage: $"/aktiviteter/{id}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        // The app's own sender, chosen from its configuration (Samverka:Smtp:Host): SMTP, not the storing one.
        Assert.IsType<SmtpMailSender>(app.Services.GetRequiredService<IMailSender>());
        var outbox = app.Services.GetRequiredService<OutboxSender>();
        while (await outbox.SendDueAsync() == OutboxSender.BatchSize) { }

        var received = Assert.Single(To(app.Smtp, Hugo), m => m.Message.Subject?.Contains(title, StringComparison.Ordinal) == true);
        var mail = received.Message;
        Assert.False(received.Secure);
        Assert.Equal($"Anmälan bekräftad: {title}", mail.Subject);
        Assert.Equal("Samverka Skåne", Assert.Single(mail.From.Mailboxes).Name);
        Assert.Contains($"Du är anmäld till {title}.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Kan du inte komma? Avboka här", mail.TextBody, StringComparison.Ordinal);

        var ics = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal("aktivitet.ics", ics.FileName);
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var text = Encoding.UTF8.GetString(content.ToArray());
        Assert.Contains("BEGIN:VEVENT", text, StringComparison.Ordinal);
        var calendar = Calendar.Load(text)!;
        Assert.Equal(title, Assert.Single(calendar.Events).Summary);

        var row = (await ActivitySamples.MailToAsync(app, Hugo)).Single(m => m.Subject == mail.Subject);
        Assert.Equal("smtp", row.Delivery);
        Assert.NotNull(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.StartsWith($"outbox-{row.Id}-", mail.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartTlsRequired_ServerOffersNone_Fails_MessageStaysQueuedWithError()
    {
        var id = await QueueOnlyAsync("Kräver kryptering", "Hej!");
        var to = (await RowAsync(id)).ToAddress;

        await Outbox(Smtp(app.Smtp.Port, SecureSocketOptions.StartTls)).SendDueAsync();

        var row = await RowAsync(id);
        Assert.Null(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("STARTTLS", row.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.True(row.NextAttemptAt > DateTimeOffset.UtcNow);
        Assert.Empty(To(app.Smtp, to));
    }

    [Fact]
    public async Task StartTlsOff_SendsInPlain()
    {
        var id = await QueueOnlyAsync("Okrypterat på väg", "Hälsningar från Ystad");
        var to = (await RowAsync(id)).ToAddress;

        await Outbox(Smtp(app.Smtp.Port, SecureSocketOptions.None)).SendDueAsync();

        var received = Assert.Single(To(app.Smtp, to));
        Assert.False(received.Secure);
        Assert.Equal("Okrypterat på väg", received.Message.Subject);
        Assert.Equal("Hälsningar från Ystad", received.Message.TextBody?.TrimEnd());
        Assert.NotNull((await RowAsync(id)).SentAt);
    }

    [Fact]
    public async Task StartTlsRequired_SelfSignedCertificate_RefusedUnlessPinned_ThenSentEncrypted()
    {
        using var certificate = TestSmtpServer.SelfSignedCertificate();
        await using var server = await TestSmtpServer.StartAsync(certificate: certificate);
        var id = await QueueOnlyAsync("Krypterat", "Hej över TLS!");
        var to = (await RowAsync(id)).ToAddress;

        // Not trusted by the system, not pinned: the certificate is refused and nothing is sent.
        await Outbox(Smtp(server.Port, SecureSocketOptions.StartTls)).SendDueAsync();
        var refused = await RowAsync(id);
        Assert.Null(refused.SentAt);
        Assert.False(string.IsNullOrEmpty(refused.LastError));
        Assert.Empty(server.Messages);

        // Pinned by its SHA-256 fingerprint (written with colons, as tools print it): accepted.
        var pin = string.Join(':', Convert.ToHexString(certificate.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256)).Chunk(2).Select(c => new string(c)));
        await Outbox(Smtp(server.Port, SecureSocketOptions.StartTls, pin), new ShiftedClock(TimeSpan.FromMinutes(2))).SendDueAsync();
        var received = Assert.Single(To(server, to));
        Assert.True(received.Secure);
        Assert.Equal("Hej över TLS!", received.Message.TextBody?.TrimEnd());
        var sent = await RowAsync(id);
        Assert.NotNull(sent.SentAt);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task ServerDown_MessageStaysQueuedWithAttemptAndNextTime_SentOnceAfterServerStarts()
    {
        var port = TestSmtpServer.FreePort();
        var mail = Smtp(port, SecureSocketOptions.None);
        var id = await QueueOnlyAsync("Försöker igen", "Hej!");
        var to = (await RowAsync(id)).ToAddress;

        var before = DateTimeOffset.UtcNow;
        await Outbox(mail).SendDueAsync();
        var queued = await RowAsync(id);
        Assert.Null(queued.SentAt);
        Assert.Equal(1, queued.Attempts);
        Assert.False(string.IsNullOrEmpty(queued.LastError));
        Assert.InRange(queued.NextAttemptAt, before + TimeSpan.FromSeconds(59), DateTimeOffset.UtcNow + TimeSpan.FromSeconds(61));

        await using var server = await TestSmtpServer.StartAsync(port);
        // Started, but the message is not due yet: nothing goes out before its next attempt time.
        await Outbox(mail).SendDueAsync();
        Assert.Empty(server.Messages);

        await Outbox(mail, new ShiftedClock(TimeSpan.FromMinutes(2))).SendDueAsync();
        await Outbox(mail, new ShiftedClock(TimeSpan.FromHours(12))).SendDueAsync();
        var received = Assert.Single(server.Messages);
        Assert.Equal(to, Assert.Single(received.Recipients));
        Assert.Equal("Försöker igen", received.Message.Subject);
        var sent = await RowAsync(id);
        Assert.NotNull(sent.SentAt);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
    }

    [Theory]
    [InlineData(null, null, SecureSocketOptions.StartTls)]
    [InlineData("false", null, SecureSocketOptions.None)]
    [InlineData("true", "StartTlsWhenAvailable", SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData("false", "StartTls", SecureSocketOptions.StartTls)]
    public void SmtpOptions_SecurityFromConfiguration_EnableSslWhenUnset(string? enableSsl, string? security, SecureSocketOptions expected)
    {
        var settings = new Dictionary<string, string?> { ["Samverka:Smtp:Host"] = "smtp.exempel.se" };
        if (enableSsl is not null) settings["Samverka:Smtp:EnableSsl"] = enableSsl;
        if (security is not null) settings["Samverka:Smtp:Security"] = security;
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new ServiceCollection().AddLogging().AddOutbox(config).BuildServiceProvider().GetRequiredService<IOptions<SmtpOptions>>();
        Assert.Equal(expected, options.Value.EffectiveSecurity);
    }

    [Fact]
    public void SmtpOptions_InvalidFrom_RefusedByValidation()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Samverka:Smtp:From"] = "inte en adress" }).Build();
        var options = new ServiceCollection().AddLogging().AddOutbox(config).BuildServiceProvider().GetRequiredService<IOptions<SmtpOptions>>();
        Assert.Throws<OptionsValidationException>(() => options.Value);
    }
}
