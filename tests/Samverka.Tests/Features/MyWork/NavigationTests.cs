using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Features.MyWork;

/// <summary>The main navigation: grouped by task, at most seven entries, the current section marked once.</summary>
[Collection(AppCollection.Name)]
public class NavigationTests(SamverkaFactory app)
{
    public static TheoryData<string> Accounts => new() { Sara, Maja, Hugo, Nora, Admin };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task MainNav_HasAtMostSevenEntries_EachLandingPageListingItsParts(string email)
    {
        var client = await app.As(email);
        var doc = await client.GetDocumentAsync("/");
        var links = doc.QuerySelectorAll("nav.main-nav a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.InRange(links.Count, 1, 7);
        Assert.Equal("Mitt arbete", doc.QuerySelector("nav.main-nav a[href='/']")!.TextContent);
        foreach (var href in links.Where(h => h is "/samverkan" or "/uppfoljning" or "/katalog" or "/administration"))
        {
            var landing = await client.GetDocumentAsync(href);
            Assert.NotEmpty(landing.QuerySelectorAll("ul.section-parts a"));
            Assert.Equal(href, landing.QuerySelector("nav.main-nav a[aria-current='page']")?.GetAttribute("href"));
        }
    }

    [Theory]
    [InlineData("/bibliotek", "/katalog")]
    [InlineData("/biblioteksplaner", "/uppfoljning")]
    [InlineData("/aktiviteter", "/aktiviteter")]
    [InlineData("/aktiviteter/statistik", "/uppfoljning")]
    [InlineData("/lan/12", "/katalog")]
    [InlineData("/", "/")]
    public async Task CurrentSection_IsMarkedOnce(string url, string section)
    {
        var doc = await app.Anonymous().GetDocumentAsync(url);
        var current = doc.QuerySelectorAll("nav.main-nav a[aria-current='page']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([section], current);
    }

    [Fact]
    public async Task Anonymous_IsNotOfferedSignedInSections()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/");
        Assert.Null(doc.QuerySelector("nav.main-nav a[href='/samverkan']"));
        Assert.Null(doc.QuerySelector("nav.main-nav a[href='/administration']"));
        Assert.Equal("Start", doc.QuerySelector("nav.main-nav a[href='/']")!.TextContent);
    }
}
