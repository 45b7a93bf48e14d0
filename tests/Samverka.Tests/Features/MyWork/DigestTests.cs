using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.MyWork;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.MyWork;

/// <summary>
/// The weekly digest: opt-in under "Mina uppgifter", the start page's items by e-mail through the outbox from Monday 07:00
/// Swedish time, once per account and week across two instances, only when something changed, and an unsubscribe link
/// that works without signing in. Each test makes its own accounts (regional coordinators in Skåne, whose demo data gives
/// them items), so no test's digests depend on another's.
/// </summary>
public partial class DigestTests(DigestFactory app) : IClassFixture<DigestFactory>
{
    private const string Skane = "regional:12";

    /// <summary>Monday 2035-03-05 07:00 Swedish time (CET), and the Mondays after it: far from the demo's dates, so items stay put.</summary>
    private static DateTimeOffset Monday2035(int weeksLater) => new DateTimeOffset(2035, 3, 5, 6, 0, 0, TimeSpan.Zero).AddDays(7 * weeksLater);

    private Task<List<OutboxMessage>> MailTo(string email) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email).OrderBy(m => m.Id).ToListAsync());

    private Task<List<WeeklyDigest>> DigestsOf(string userId) =>
        app.WithDbAsync(db => db.WeeklyDigests.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.Id).ToListAsync());

    private Task<bool> SubscribedAsync(string userId) => app.WithDbAsync(db => Digest.IsSubscribedAsync(db, userId));

    [GeneratedRegex(@"https://samverka\.exempel\.se(/konto/veckobrev/avsluta/[A-Za-z0-9_-]+)")]
    private static partial Regex UnsubscribeLink();

    [Fact]
    public async Task OptIn_OnMyData_IsSaved_AndCanBeTurnedOff()
    {
        app.Clock.Now = DateTimeOffset.UtcNow;
        var (id, email) = await app.AccountAsync(subscribed: false, Skane);
        var client = await app.SignInAsync(email);
        var page = await client.GetDocumentAsync("/konto/mina-uppgifter");
        var box = page.QuerySelector("input[type=checkbox][name=WeeklyDigest]");
        Assert.NotNull(box);
        Assert.False(box.HasAttribute("checked"));
        Assert.Contains("Skicka mig veckobrevet", box.ParentElement!.TextContent);

        var saved = await client.PostFormAsync("/konto/mina-uppgifter?handler=Digest", new() { ["WeeklyDigest"] = "true" }, "/konto/mina-uppgifter");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await SubscribedAsync(id));
        page = await client.GetDocumentAsync("/konto/mina-uppgifter");
        Assert.True(page.QuerySelector("#WeeklyDigest")!.HasAttribute("checked"));
        Assert.Contains("Sparat", page.QuerySelector(".notice")!.TextContent);
        using (var json = JsonDocument.Parse(await client.GetStringAsync("/konto/mina-uppgifter?handler=Download")))
            Assert.True(json.RootElement.GetProperty("account").GetProperty("weeklyDigest").GetBoolean());

        // A value the checkbox never sends is refused in Swedish and changes nothing.
        var bad = await client.PostFormAsync("/konto/mina-uppgifter?handler=Digest", new() { ["WeeklyDigest"] = "kanske" }, "/konto/mina-uppgifter");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Välj om du vill ha veckobrevet", (await bad.ToDocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.True(await SubscribedAsync(id));

        // An unchecked box posts nothing: off.
        await client.PostFormAsync("/konto/mina-uppgifter?handler=Digest", new(), "/konto/mina-uppgifter");
        Assert.False(await SubscribedAsync(id));
        Assert.False((await client.GetDocumentAsync("/konto/mina-uppgifter")).QuerySelector("#WeeklyDigest")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task Digest_ReadBackFromTheOutbox_HasTheStartPagesItemsAndLinks()
    {
        // The coming Monday 07:00 in Sweden, while the demo's activities are still ahead.
        var today = SwedishTimeZone.Today(DateTimeOffset.UtcNow);
        var monday = SwedishTimeZone.Instant(today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7), Digest.SendAt).ToUniversalTime();
        app.Clock.Now = monday;
        var (_, email) = await app.AccountAsync(subscribed: true, Skane);

        await DigestFactory.RunDigestAsync(app, app.Clock.Now);
        var mail = Assert.Single(await MailTo(email));
        var week = ISOWeek.GetWeekOfYear(SwedishTimeZone.Local(monday));
        Assert.Equal($"Samverka: Mitt arbete vecka {week}", mail.Subject);

        var start = await (await app.SignInAsync(email)).GetDocumentAsync("/");
        var items = start.QuerySelectorAll("li[data-item]").ToList();
        Assert.NotEmpty(items);
        Assert.Contains(start.QuerySelector("section h2")!.TextContent, mail.BodyText);
        foreach (var item in items)
        {
            var a = item.QuerySelector("a")!;
            var line = $"- {a.TextContent.Trim()}{item.QuerySelector(".detail")?.TextContent}\n  {DigestFactory.PublicUrl}{a.GetAttribute("href")}\n";
            Assert.Contains(line, mail.BodyText);
        }
        // No more items than the start page shows.
        Assert.Equal(items.Count, mail.BodyText.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));

        // The unsubscribe link is in the text and, for mail programs, in the List-Unsubscribe headers (RFC 8058).
        var link = UnsubscribeLink().Match(mail.BodyText);
        Assert.True(link.Success, mail.BodyText);
        Assert.Equal(link.Value, mail.ListUnsubscribe);
        var mime = SmtpMailSender.ToMime(mail, "samverka@exempel.se");
        Assert.Equal($"<{link.Value}>", mime.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mime.Headers["List-Unsubscribe-Post"]);
        Assert.DoesNotContain("seed", mail.BodyText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task NationalCoordinator_GetsTheNationalTotals_EachLinkingToTheTableSortedByIt()
    {
        app.Clock.Now = Monday2035(50);
        var (_, email) = await app.AccountAsync(subscribed: true, $"{Roles.NationalCoordinator}:*");
        await DigestFactory.RunDigestAsync(app, app.Clock.Now);
        var body = Assert.Single(await MailTo(email)).BodyText;
        Assert.Contains("\nNationell samordnare, hela landet\n", body);

        var start = await (await app.SignInAsync(email)).GetDocumentAsync("/");
        var totals = start.QuerySelectorAll("td[data-total]").Where(td => td.TextContent != "0").ToList();
        Assert.NotEmpty(totals);
        var lines = body.Split('\n');
        foreach (var td in totals)
        {
            // "- 2 överenskommelser är utkast …" followed by the link to the national table sorted by that column.
            var link = Array.IndexOf(lines, $"  {DigestFactory.PublicUrl}/?sortera={td.GetAttribute("data-total")}&ordning=fallande#regioner");
            Assert.True(link > 0, $"{td.GetAttribute("data-total")} not in the digest");
            Assert.StartsWith($"- {td.TextContent} ", lines[link - 1]);
        }
    }

    [Fact]
    public async Task TwoInstances_RunningTheJobAtOnce_SendEachAccountsDigestOncePerWeek()
    {
        var now = Monday2035(10).AddMinutes(5);
        app.Clock.Now = now;
        var accounts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.AccountAsync(subscribed: true, Skane)));

        // Both instances, twice each, at the same moment.
        await Task.WhenAll(new[] { app, app.Second, app, app.Second }.Select(i => DigestFactory.RunDigestAsync(i, now)));
        foreach (var (id, email) in accounts)
        {
            Assert.Single(await MailTo(email));
            Assert.Single(await DigestsOf(id));
        }

        // Later the same week (the loop runs every hour): nothing more.
        await Task.WhenAll(DigestFactory.RunDigestAsync(app, now.AddDays(2)), DigestFactory.RunDigestAsync(app.Second, now.AddDays(2)));
        foreach (var (_, email) in accounts) Assert.Single(await MailTo(email));
    }

    [Fact]
    public async Task NothingChangedSinceTheLastDigest_NothingIsSent_AChangeIsSentTheWeekAfter()
    {
        var (id, email) = await app.AccountAsync(subscribed: true, Skane);
        await DigestFactory.RunDigestAsync(app, Monday2035(20));
        Assert.Single(await MailTo(email));

        await DigestFactory.RunDigestAsync(app, Monday2035(21));
        Assert.Single(await MailTo(email));
        var digests = await DigestsOf(id);
        Assert.Equal([true, false], digests.Select(d => d.Sent));
        Assert.Equal(digests[0].ItemsHash, digests[1].ItemsHash);

        // A new role brings new items: the next Monday's digest is sent, with them.
        await app.AddRoleAsync(id, "manager:1280");
        await DigestFactory.RunDigestAsync(app, Monday2035(22));
        var mails = await MailTo(email);
        Assert.Equal(2, mails.Count);
        Assert.Contains("Bibliotekschef", mails[1].BodyText);
    }

    [Fact]
    public async Task AccountsThatDidNotOptIn_GetNoDigest()
    {
        var (id, email) = await app.AccountAsync(subscribed: false, Skane);
        var (offId, offEmail) = await app.AccountAsync(subscribed: true, Skane);
        await app.WithDbAsync(db => Digest.SetAsync(db, offId, false, DateTimeOffset.UtcNow).ContinueWith(_ => 0));

        await DigestFactory.RunDigestAsync(app, Monday2035(30));
        Assert.Empty(await MailTo(email));
        Assert.Empty(await MailTo(offEmail));
        Assert.Empty(await DigestsOf(id));
        Assert.Empty(await DigestsOf(offId));
        // They have something to do: the start page would show it.
        app.Clock.Now = Monday2035(30);
        Assert.NotEmpty((await (await app.SignInAsync(email)).GetDocumentAsync("/")).QuerySelectorAll("li[data-item]"));
    }

    [Fact]
    public async Task UnsubscribeLink_WorksWithoutSigningIn_AndTurnsTheDigestOff()
    {
        var (id, email) = await app.AccountAsync(subscribed: true, Skane);
        await DigestFactory.RunDigestAsync(app, Monday2035(40));
        var path = UnsubscribeLink().Match(Assert.Single(await MailTo(email)).BodyText).Groups[1].Value;

        var anonymous = app.Anonymous();
        // Opening the link asks first (a mail scanner following links changes nothing).
        var confirm = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var doc = await confirm.ToDocumentAsync();
        Assert.Equal("Avsluta veckobrevet", doc.QuerySelector("h1")!.TextContent);
        Assert.NotNull(doc.QuerySelector("form[method=post] button"));
        Assert.True(await SubscribedAsync(id));

        // The one-click POST a mail program sends (RFC 8058): no cookie, no antiforgery token.
        var done = await anonymous.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("Veckobrevet är avslutat", (await done.ToDocumentAsync()).QuerySelector("h1")!.TextContent);
        Assert.False(await SubscribedAsync(id));

        // The next Monday the account is not even looked at.
        await DigestFactory.RunDigestAsync(app, Monday2035(41));
        Assert.Single(await DigestsOf(id));
        // The link again: already off, still no sign-in needed.
        Assert.Equal("Veckobrevet är redan avslutat", (await anonymous.GetDocumentAsync(path)).QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/konto/veckobrev/avsluta/felaktig-lank")]
    [InlineData("/konto/veckobrev/avsluta/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task UnknownUnsubscribeToken_GivesASwedishError_AndChangesNothing(string path)
    {
        var (id, _) = await app.AccountAsync(subscribed: true, Skane);
        var before = await app.WithDbAsync(db => db.DigestSubscriptions.CountAsync());
        var anonymous = app.Anonymous();

        var get = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        var post = await anonymous.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var doc = await post.ToDocumentAsync();
        Assert.Equal("Länken fungerar inte", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("ingenting har ändrats", doc.QuerySelector("[role=alert]")!.TextContent);
        Assert.True(await SubscribedAsync(id));
        Assert.Equal(before, await app.WithDbAsync(db => db.DigestSubscriptions.CountAsync()));
    }

    /// <summary>Monday 07:00 in Stockholm is 06:00 UTC in winter and 05:00 UTC in summer: 2027-03-28 is the first day of summer time.</summary>
    [Theory]
    [InlineData("2027-03-22T05:59:00Z", "2027-03-22T06:00:00Z")] // CET, UTC+1
    [InlineData("2027-03-29T04:59:00Z", "2027-03-29T05:00:00Z")] // CEST, UTC+2, the day after the change
    [InlineData("2027-11-01T05:59:00Z", "2027-11-01T06:00:00Z")] // CET again, the day after the change back
    public async Task NotSentBeforeMonday0700InStockholm(string before, string at)
    {
        var (id, email) = await app.AccountAsync(subscribed: true, Skane);
        var early = DateTimeOffset.Parse(before, CultureInfo.InvariantCulture);
        var due = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);

        // Until Monday 07:00 nothing is due; Sunday evening still belongs to the week before.
        Assert.Equal(Digest.DueWeek(early.AddHours(-8))!.Value.Number, ISOWeek.GetWeekOfYear(early.UtcDateTime) - 1);
        Assert.Null(Digest.DueWeek(early));
        await DigestFactory.RunDigestAsync(app, early);
        Assert.Empty(await MailTo(email));
        Assert.Empty(await DigestsOf(id));

        await DigestFactory.RunDigestAsync(app, due);
        Assert.Single(await MailTo(email));
        var digest = Assert.Single(await DigestsOf(id));
        Assert.Equal(ISOWeek.GetWeekOfYear(due.UtcDateTime), digest.IsoWeek);
    }
}
