using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Features.MyWork;

/// <summary>"Mitt arbete" on the start page: per role, each item's count equals the list it links to.</summary>
[Collection(AppCollection.Name)]
public class StartPageTests(SamverkaFactory app)
{
    public static TheoryData<string> Accounts => new() { Sara, Viktor, Maja, Ake, Hugo, Ella, Nora, Admin };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task EveryItem_CountsWhatItsLinkedListShows(string email)
    {
        var client = await app.As(email);
        var doc = await client.GetDocumentAsync("/");
        Assert.Equal("Mitt arbete", doc.QuerySelector("h1")?.TextContent);
        var items = doc.QuerySelectorAll("li[data-item]").ToList();
        if (items.Count == 0 && email != Nora)
            Assert.NotNull(doc.QuerySelector(".notice"));
        foreach (var item in items)
        {
            var count = int.Parse(item.QuerySelector(".count")!.TextContent.Replace("\u00a0", "").Replace(" ", ""), CultureInfo.InvariantCulture);
            Assert.True(count > 0, $"{item.GetAttribute("data-item")}: empty items are hidden");
            var href = item.QuerySelector("a")!.GetAttribute("href")!;
            var list = await client.GetDocumentAsync(href);
            var shown = list.QuerySelector("[data-count]")?.GetAttribute("data-count");
            Assert.True(shown == count.ToString(CultureInfo.InvariantCulture), $"{email} {item.GetAttribute("data-item")}: start page {count}, {href} shows {shown}");
        }
    }

    [Fact]
    public async Task RegionalCoordinator_SeesTheirRegionsItems_AndNoOtherRegions()
    {
        var doc = await (await app.As(Sara)).GetDocumentAsync("/");
        var headings = doc.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Contains(headings, h => h.StartsWith("Regional samordnare, ", StringComparison.Ordinal) && h.Contains("Skåne"));
        Assert.DoesNotContain(headings, h => h.Contains("Västmanland"));
        Assert.NotEmpty(doc.QuerySelectorAll("li[data-item]"));
        Assert.All(doc.QuerySelectorAll("li[data-item] a"), a =>
        {
            var href = a.GetAttribute("href")!;
            Assert.Contains("lan=12", href);
        });
    }

    [Fact]
    public async Task NationalCoordinator_SeesOneRowPerRegion_SortableWithTotals()
    {
        var client = await app.As(Nora);
        var doc = await client.GetDocumentAsync("/");
        var rows = doc.QuerySelectorAll("tr[data-region]").ToList();
        Assert.Equal(21, rows.Count);
        var total = doc.QuerySelector("td[data-total='agreements-utkast']")!.TextContent;
        var national = await client.GetDocumentAsync("/overenskommelser?visa=utkast");
        Assert.Equal(national.QuerySelector("[data-count]")!.GetAttribute("data-count"), total.Replace("\u00a0", ""));

        var sorted = await client.GetDocumentAsync("/?sortera=agreements-utkast&ordning=fallande");
        var counts = sorted.QuerySelectorAll("tr[data-region]").Select(r => int.Parse(r.QuerySelectorAll("td")[2].TextContent, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts.OrderByDescending(c => c), counts);
        Assert.Equal("descending", sorted.QuerySelectorAll("th[aria-sort]").Single().GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Anonymous_SeesTheDirectoryInFigures()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/");
        Assert.Equal("Samverka", doc.QuerySelector("h1")?.TextContent);
        Assert.Empty(doc.QuerySelectorAll("li[data-item]"));
    }

    [Fact]
    public async Task Admin_SeesFailingMail_CountedLikeTheOutboxList()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Samverka.Web.Data.AppDbContext>();
            db.OutboxMessages.Add(new() { ToAddress = "trasig@exempel.se", Subject = "Test", BodyText = "x", Attempts = 2, LastError = "fel",
                CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow.AddYears(1) });
            await db.SaveChangesAsync();
        }
        var client = await app.As(Admin);
        var item = (await client.GetDocumentAsync("/")).QuerySelector("li[data-item='mail-failing']");
        Assert.NotNull(item);
        Assert.Equal("/admin/e-post?visa=misslyckade", item.QuerySelector("a")!.GetAttribute("href"));
    }
}
