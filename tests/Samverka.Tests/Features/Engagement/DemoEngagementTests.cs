using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Programmes;

namespace Samverka.Tests.Features.Engagement;

/// <summary>The engagement map of the demo programme (seed 003 as loaded by ProgrammeDemoData), as a visitor sees it.</summary>
[Collection(AppCollection.Name)]
public class DemoEngagementTests(SamverkaFactory app)
{
    private Task<int> DemoIdAsync() =>
        app.WithDbAsync(db => db.Programmes.Where(p => p.Name == ProgrammeDemoData.Name).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task DemoProgramme_SjoboKlippanBjuvAt4_StaffanstorpAt0_32Of33()
    {
        var id = await DemoIdAsync();
        var doc = await app.Anonymous().GetDocumentAsync($"/program/{id}/engagemang?sortera=varde");
        var rows = doc.QuerySelectorAll("tbody tr").Select(r => (Name: r.QuerySelector("th")!.TextContent, Value: r.QuerySelector(".value")!.TextContent)).ToList();
        Assert.Equal(33, rows.Count);
        Assert.Equal([("Bjuv", "4 av 4"), ("Klippan", "4 av 4"), ("Sjöbo", "4 av 4")], rows.Take(3));
        Assert.Equal(("Staffanstorp", "0 av 4"), rows[^1]);
        Assert.Equal(29, rows.Count(r => r.Value == "1 av 4"));
        Assert.Contains("32 av 33 kommuner", doc.QuerySelector("main")!.TextContent);
        Assert.Contains("Andra kommuners anmälningar finns inte", doc.QuerySelector(".data-note")!.TextContent);
    }

    [Fact]
    public async Task DemoProgramme_SvgMap_33FocusableMunicipalities_WithTitle()
    {
        var id = await DemoIdAsync();
        var text = await app.Anonymous().GetStringAsync($"/program/{id}/engagemang?handler=Svg");
        XNamespace svg = "http://www.w3.org/2000/svg";
        var root = XDocument.Parse(text).Root!;
        Assert.Equal("Engagemang per kommun i " + ProgrammeDemoData.Name, root.Element(svg + "title")!.Value);
        var links = root.Descendants(svg + "a").Where(a => (string?)a.Attribute("tabindex") == "0").ToList();
        Assert.Equal(33, links.Count);
        Assert.Equal(["Bjuv: 4 av 4", "Klippan: 4 av 4", "Sjöbo: 4 av 4"],
            links.Select(a => a.Element(svg + "title")!.Value).Where(t => t.EndsWith("4 av 4", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task ProgrammePage_LinksToEngagement()
    {
        var id = await DemoIdAsync();
        var doc = await app.Anonymous().GetDocumentAsync($"/program/{id}");
        Assert.NotNull(doc.QuerySelector($"a[href='/program/{id}/engagemang']"));
    }
}
