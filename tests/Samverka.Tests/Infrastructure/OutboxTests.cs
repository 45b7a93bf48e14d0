using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Infrastructure;

[Collection(AppCollection.Name)]
public class OutboxTests(SamverkaFactory app)
{
    private sealed class ShiftedTime(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }

    private sealed class CountingSender : IMailSender
    {
        public ConcurrentBag<long> Sent { get; } = [];
        public string Delivery => "stored";
        public async Task SendAsync(OutboxMessage message, CancellationToken ct)
        {
            await Task.Delay(5, ct);
            Sent.Add(message.Id);
        }
    }

    private OutboxSender Sender(IMailSender mail, TimeProvider? time = null) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), mail, time ?? TimeProvider.System,
            Options.Create(new OutboxOptions { PollSeconds = 0 }), NullLogger<OutboxSender>.Instance);

    private Task<long[]> EnqueueAsync(int count, string prefix) => app.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var messages = Enumerable.Range(0, count)
            .Select(i => Outbox.Enqueue(db, $"{prefix}.{i}.{Guid.NewGuid():N}@exempel.se", $"Test {i}", "Hej!", now)).ToList();
        await db.SaveChangesAsync();
        return messages.Select(m => m.Id).ToArray();
    });

    private Task<OutboxMessage> MessageAsync(long id) => app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task SendDue_SmtpFails_KeepsMessageWithErrorAndBackoff_ThenLaterSendSucceeds()
    {
        var id = (await EnqueueAsync(1, "retry"))[0];
        // A real SMTP client against a port where nothing listens: the connection is refused.
        var smtp = new SmtpMailSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = 1, EnableSsl = false }));
        var before = DateTimeOffset.UtcNow;
        await Sender(smtp).SendDueAsync();

        var failed = await MessageAsync(id);
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Null(failed.SentAt);
        Assert.InRange(failed.NextAttemptAt, before + TimeSpan.FromSeconds(59), DateTimeOffset.UtcNow + TimeSpan.FromSeconds(61));

        // Not due yet: a working sender leaves it alone now ...
        var working = new CountingSender();
        await Sender(working).SendDueAsync();
        Assert.DoesNotContain(id, working.Sent);
        Assert.Null((await MessageAsync(id)).SentAt);

        // ... and a second failure backs off further (5 minutes).
        await Sender(smtp, new ShiftedTime(TimeSpan.FromMinutes(2))).SendDueAsync();
        var twice = await MessageAsync(id);
        Assert.Equal(2, twice.Attempts);
        Assert.True(twice.NextAttemptAt > DateTimeOffset.UtcNow + TimeSpan.FromMinutes(6));

        // Once due, it is delivered and marked sent; nothing was lost on the way.
        await Sender(working, new ShiftedTime(TimeSpan.FromMinutes(8))).SendDueAsync();
        var sent = await MessageAsync(id);
        Assert.Contains(id, working.Sent);
        Assert.Equal(3, sent.Attempts);
        Assert.NotNull(sent.SentAt);
        Assert.Null(sent.LastError);
        Assert.Equal("stored", sent.Delivery);
    }

    [Fact]
    public async Task BackgroundLoop_Wake_SendsWithoutWaitingForThePoll()
    {
        var mail = new CountingSender();
        var sender = new OutboxSender(app.Services.GetRequiredService<IServiceScopeFactory>(), mail, TimeProvider.System,
            Options.Create(new OutboxOptions { PollSeconds = 600 }), NullLogger<OutboxSender>.Instance);
        await sender.StartAsync(default);
        try
        {
            await Task.Delay(200); // the first round runs at start; the loop then waits up to ten minutes
            var id = (await EnqueueAsync(1, "vakna"))[0];
            sender.Wake();
            for (var i = 0; i < 100 && !mail.Sent.Contains(id); i++) await Task.Delay(50);
            Assert.Contains(id, mail.Sent);
            // The row is marked sent after the mail server took it (other due messages may share the batch).
            for (var i = 0; i < 100 && (await MessageAsync(id)).SentAt is null; i++) await Task.Delay(50);
            Assert.NotNull((await MessageAsync(id)).SentAt);
        }
        finally
        {
            await sender.StopAsync(default);
        }
    }

    [Fact]
    public void RetryDelay_GrowsAndIsCapped()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), OutboxSender.RetryDelay(1));
        Assert.Equal(TimeSpan.FromMinutes(5), OutboxSender.RetryDelay(2));
        Assert.Equal(TimeSpan.FromMinutes(30), OutboxSender.RetryDelay(3));
        Assert.Equal(TimeSpan.FromHours(6), OutboxSender.RetryDelay(5));
        Assert.Equal(TimeSpan.FromHours(6), OutboxSender.RetryDelay(50));
    }

    [Fact]
    public async Task SendDue_TwoConcurrentSenders_SendEachMessageOnce()
    {
        var ids = await EnqueueAsync(45, "samtidig");
        var mail = new CountingSender();
        var a = Sender(mail);
        var b = Sender(mail);
        async Task Drain(OutboxSender s) { while (await s.SendDueAsync() > 0) { } }
        await Task.WhenAll(Drain(a), Drain(b), Drain(a), Drain(b));

        var mine = mail.Sent.Where(ids.Contains).ToList();
        Assert.Equal(ids.Length, mine.Count);
        Assert.Equal(ids.Length, mine.Distinct().Count());
        var stored = await app.WithDbAsync(db => db.OutboxMessages.Where(m => ids.Contains(m.Id)).Select(m => new { m.SentAt, m.Attempts }).ToListAsync());
        Assert.All(stored, m => Assert.True(m.SentAt is not null && m.Attempts == 1));
    }

    [Fact]
    public void AddOutbox_ChoosesSmtpOnlyWhenAHostIsConfigured()
    {
        static IMailSender Resolve(Dictionary<string, string?> settings)
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            return new ServiceCollection().AddLogging().AddOutbox(config).BuildServiceProvider().GetRequiredService<IMailSender>();
        }
        Assert.IsType<StoringMailSender>(Resolve([]));
        Assert.IsType<SmtpMailSender>(Resolve(new() { ["Samverka:Smtp:Host"] = "smtp.exempel.se" }));
    }

    [Fact]
    public async Task MailPage_ShowsMessagesNewestFirst_WithBodyAndStatus()
    {
        var ids = await EnqueueAsync(2, "sidan");
        // Earlier tests may have left due messages: send batches until the outbox is drained.
        var sender = Sender(new CountingSender());
        while (await sender.SendDueAsync() == OutboxSender.BatchSize) { }
        var doc = await (await app.SignedInAs(Roles.Admin)).GetDocumentAsync("/admin/e-post");
        var articles = doc.QuerySelectorAll("article.mail-message").Select(a => a.GetAttribute("aria-labelledby")).ToList();
        Assert.True(articles.IndexOf($"m-{ids[1]}") < articles.IndexOf($"m-{ids[0]}"));
        var article = doc.QuerySelector($"article[aria-labelledby='m-{ids[1]}']")!;
        Assert.Equal("Hej!", article.QuerySelector("pre.mail-body")!.TextContent);
        Assert.Contains("Sparat", article.TextContent);
    }
}
