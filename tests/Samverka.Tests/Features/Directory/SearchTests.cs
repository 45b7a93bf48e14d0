using Samverka.Tests.Support;

namespace Samverka.Tests.Features.Directory;

[Collection(AppCollection.Name)]
public class SearchTests(SamverkaFactory app)
{
    private async Task<List<string>> MunicipalityNames(string url)
    {
        var doc = await app.Anonymous().GetDocumentAsync(url);
        return doc.QuerySelectorAll("tbody tr td:nth-child(2)").Select(td => td.TextContent).ToList();
    }

    [Fact]
    public async Task Search_Prefix_FindsMalmo()
    {
        var names = await MunicipalityNames("/kommuner?q=malm");
        Assert.Contains("Malmö", names);
    }

    [Fact]
    public async Task Search_SwedishLettersInAnyCase_MatchOnlyThoseLetters()
    {
        var upper = await MunicipalityNames("/kommuner?q=%C3%96REBRO"); // ÖREBRO
        var lower = await MunicipalityNames("/kommuner?q=%C3%B6rebro"); // örebro
        Assert.Equal(["Örebro"], upper);
        Assert.Equal(upper, lower);
        // å is its own letter: "ar" must not find Åre's "år…" spelled with a.
        Assert.DoesNotContain("Åre", await MunicipalityNames("/kommuner?q=are"));
        Assert.Contains("Åre", await MunicipalityNames("/kommuner?q=%C3%A5re"));
    }

    [Fact]
    public async Task List_SortsSwedishLettersAfterZ()
    {
        var names = await MunicipalityNames("/kommuner");
        var lastZ = names.FindLastIndex(n => n.StartsWith('Z') || n.StartsWith('Y'));
        var firstA = names.FindIndex(n => n.StartsWith('Å'));
        var firstAe = names.FindIndex(n => n.StartsWith('Ä'));
        var firstO = names.FindIndex(n => n.StartsWith('Ö'));
        Assert.True(lastZ < firstA && firstA < firstAe && firstAe < firstO, $"Order: Y/Z at {lastZ}, Å {firstA}, Ä {firstAe}, Ö {firstO}");
        Assert.Equal("Övertorneå", names[^1]);
    }

    [Fact]
    public async Task SearchPage_FindsCountyMunicipalityAndLibrary()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/sok?q=malm%C3%B6");
        var text = doc.QuerySelector("main")!.TextContent;
        Assert.Contains("Malmö stadsbibliotek", text);
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/kommuner/1280");
    }

    [Fact]
    public async Task Search_WildcardsAndPunctuation_AreHarmless()
    {
        Assert.Empty(await MunicipalityNames("/kommuner?q=%25%25_"));
        Assert.Empty(await MunicipalityNames("/kommuner?q=%27%29%3A*%21"));
    }
}
