using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.Engagement;

/// <summary>A database of its own holding seed 003 as a programme, so counts do not depend on other tests' programmes.</summary>
public sealed class EngagementFactory : SamverkaFactory, IAsyncLifetime
{
    protected override string Purpose => "engagement";
    public int ProgrammeId { get; private set; }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        ProgrammeId = await Seed003.AddAsync(this, "Digitalt först i Skåne (engagemangstest)");
    }
}

public class EngagementPagesTests(EngagementFactory app) : IClassFixture<EngagementFactory>
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private string Page => $"/program/{app.ProgrammeId}/engagemang";

    [Fact]
    public async Task ProgrammePage_Anonymous_TableOf33_SjoboKlippanBjuvAt4()
    {
        var response = await app.Anonymous().GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        var rows = doc.QuerySelectorAll("tbody tr");
        Assert.Equal(33, rows.Length);
        string Value(string name) => rows.Single(r => r.QuerySelector("th")!.TextContent == name).QuerySelector(".value")!.TextContent;
        Assert.Equal("4 av 4", Value("Sjöbo"));
        Assert.Equal("4 av 4", Value("Klippan"));
        Assert.Equal("4 av 4", Value("Bjuv"));
        Assert.Equal("1 av 4", Value("Malmö"));
        Assert.Equal("0 av 4", Value("Staffanstorp"));
        var malmo = rows.Single(r => r.QuerySelector("th")!.TextContent == "Malmö").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["–nej", "–nej", "–nej", "2018, 2019, 2020", "1 av 4"], malmo.Skip(1).Take(5));
        Assert.Matches(@"^\d{3}\u00A0\d{3}$", malmo[0]); // population in sv-SE format
        Assert.Contains("32 av 33 kommuner", doc.QuerySelector("main")!.TextContent);
        Assert.Contains("Källan anger bara", doc.QuerySelector(".data-note")!.TextContent);
    }

    [Fact]
    public async Task ProgrammePage_InlineMap_OneFocusableLinkPerMunicipality_WithName()
    {
        var doc = await app.Anonymous().GetDocumentAsync(Page);
        var svg = doc.QuerySelector("figure svg")!;
        Assert.Equal("group", svg.GetAttribute("role"));
        var links = svg.QuerySelectorAll("a").ToList();
        Assert.Equal(33, links.Count);
        Assert.All(links, a => Assert.Equal("0", a.GetAttribute("tabindex")));
        Assert.Contains(links, a => a.GetAttribute("aria-label") == "Klippan: 4 av 4");
        Assert.Null(svg.QuerySelector("[style], style"));
        // The legend: one entry per value 0–4 with a swatch (pattern) and text, highest first.
        var legend = doc.QuerySelectorAll(".map-legend li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["4 av 4 (3 kommuner)", "3 av 4 (0 kommuner)", "2 av 4 (0 kommuner)", "1 av 4 (29 kommuner)", "0 av 4 (1 kommun)"], legend);
    }

    [Theory]
    [InlineData("varde", new[] { "Bjuv", "Klippan", "Sjöbo" }, "descending")]
    [InlineData("befolkning", new[] { "Malmö", "Helsingborg", "Lund" }, "descending")]
    [InlineData("kommun", new[] { "Bjuv", "Bromölla", "Burlöv" }, "ascending")]
    [InlineData("nonsens", new[] { "Bjuv", "Bromölla", "Burlöv" }, null)]
    public async Task ProgrammePage_SortsByColumnWithoutScript(string sort, string[] first, string? ariaSort)
    {
        var doc = await app.Anonymous().GetDocumentAsync($"{Page}?sortera={sort}");
        Assert.Equal(first, doc.QuerySelectorAll("tbody tr th").Take(3).Select(th => th.TextContent));
        var sorted = doc.QuerySelectorAll("thead th[aria-sort]").ToList();
        if (ariaSort is null) Assert.Equal("ascending", Assert.Single(sorted).GetAttribute("aria-sort")); // falls back to kommun
        else Assert.Equal(ariaSort, Assert.Single(sorted).GetAttribute("aria-sort"));
        Assert.Contains(doc.QuerySelectorAll("thead th a"), a => a.GetAttribute("href") == $"{Page}?sortera=varde");
    }

    [Fact]
    public async Task SvgExport_StandaloneXml_33Links_Title()
    {
        var response = await app.Anonymous().GetAsync($"{Page}?handler=Svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".svg", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<?xml", text);
        var doc = XDocument.Parse(text);
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.False(string.IsNullOrWhiteSpace(doc.Root.Element(Svg + "title")?.Value));
        var titles = doc.Descendants(Svg + "a").Select(a => a.Element(Svg + "title")!.Value).ToList();
        Assert.Equal(33, titles.Count);
        Assert.Contains("Sjöbo: 4 av 4", titles);
        Assert.Contains("Bjuv: 4 av 4", titles);
        Assert.Contains("Klippan: 4 av 4", titles);
    }

    [Fact]
    public async Task CsvAndXlsxExports_HoldTheTable()
    {
        var client = app.Anonymous();
        var csv = await client.GetAsync($"{Page}?handler=Csv");
        Assert.Equal(Export.CsvContentType, csv.Content.Headers.ContentType!.ToString());
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Kommunkod;Kommun;Befolkning;Startpaket;Folkpaket;Ledarpaket;Referensgrupp (år);Engagemang;Högsta möjliga;"
            + "Deltagare i kompetensutveckling 2018–2020;Anställda enligt KB:s biblioteksstatistik;Mätår;Deltagare per 100 anställda", lines[0]);
        Assert.Equal(34, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("1265;Sjöbo;", StringComparison.Ordinal) && l.Contains(";ja;ja;ja;2019;4;4;", StringComparison.Ordinal));
        var xlsx = await client.GetAsync($"{Page}?handler=Xlsx");
        Assert.Equal(Export.XlsxContentType, xlsx.Content.Headers.ContentType!.ToString());
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
    }

    /// <summary>
    /// A coordinator enrols a municipality through the API: the cached map and table show it at once
    /// (EngagementCacheInterceptor empties the output cache when programme data is saved).
    /// </summary>
    [Fact]
    public async Task Enrolment_ThroughApi_ShowsAtOnceOnCachedPages()
    {
        var id = await Seed003.AddAsync(app, "Anmälningstest " + Guid.NewGuid().ToString("N")[..8]);
        var startpaket = await app.WithDbAsync(db => db.Offerings.Where(o => o.ProgrammeId == id && o.Name == "Startpaket").Select(o => o.Id).SingleAsync());
        var anonymous = app.Anonymous();
        async Task<string> StaffanstorpAsync(string url) => (await anonymous.GetDocumentAsync(url)).QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent == "Staffanstorp").QuerySelector(".value")!.TextContent;
        Assert.Equal("0 av 4", await StaffanstorpAsync($"/program/{id}/engagemang"));
        Assert.Equal("0 av 4", await StaffanstorpAsync($"/engagemang?program={id}"));

        var sara = await app.SignedInAs(Samverka.Web.Infrastructure.Roles.RegionalCoordinator);
        var response = await sara.PostAsync($"/api/v1/programmes/{id}/enrolments",
            System.Net.Http.Json.JsonContent.Create(new { offeringId = startpaket, municipalityCode = "1230", year = 2020 }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        Assert.Equal("1 av 4", await StaffanstorpAsync($"/program/{id}/engagemang"));
        Assert.Equal("1 av 4", await StaffanstorpAsync($"/engagemang?program={id}"));
    }

    [Fact]
    public async Task Api_Engagement_SameValuesAsThePage_AndInOpenApi()
    {
        var client = app.Anonymous();
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/api/v1/programmes/{app.ProgrammeId}/engagement"));
        var root = json.RootElement;
        Assert.Equal((4, 32, 33), (root.GetProperty("max").GetInt32(), root.GetProperty("engaged").GetInt32(), root.GetProperty("municipalities").GetInt32()));
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["Bjuv", "Klippan", "Sjöbo"], rows.Where(r => r.GetProperty("value").GetInt32() == 4).Select(r => r.GetProperty("municipalityName").GetString()));
        var malmo = rows.Single(r => r.GetProperty("municipalityCode").GetString() == "1280");
        Assert.Equal([2018, 2019, 2020], malmo.GetProperty("referenceGroupYears").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/programmes/999999/engagement")).StatusCode);
        Assert.Contains("/api/v1/programmes/{id}/engagement", await client.GetStringAsync("/openapi/v1.json"));
    }

    [Theory]
    [InlineData("/program/999999/engagemang")]
    [InlineData("/program/999999/engagemang?handler=Svg")]
    [InlineData("/engagemang?program=999999")]
    public async Task UnknownProgramme_404(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(url)).StatusCode);

    [Fact]
    public async Task NationalPage_290FocusableMunicipalities_WithCountyOutlines()
    {
        var response = await app.Anonymous().GetAsync("/engagemang");
        // The output cache skips bodies over 1 MB (Program.cs): the national page must stay below.
        Assert.InRange((await response.Content.ReadAsByteArrayAsync()).Length, 1, 1024 * 1024 - 1);
        var doc = await response.ToDocumentAsync();
        var svg = doc.QuerySelector("figure svg")!;
        Assert.Equal(290, svg.QuerySelectorAll("a[tabindex='0'][aria-label]").Length);
        Assert.Equal(21, svg.QuerySelectorAll("g[aria-hidden='true'] path").Length);
        Assert.Equal(290, doc.QuerySelectorAll("tbody tr").Length);
        Assert.Contains(svg.QuerySelectorAll("a"), a => a.GetAttribute("aria-label") == "Kiruna: ingår inte");
        Assert.Contains(svg.QuerySelectorAll("a"), a => a.GetAttribute("aria-label")!.StartsWith("Sjöbo: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NationalPage_ChosenProgramme_SkaneValues_OthersNotIncluded()
    {
        var doc = await app.Anonymous().GetDocumentAsync($"/engagemang?program={app.ProgrammeId}&sortera=varde");
        var rows = doc.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(["Bjuv", "Klippan", "Sjöbo"], rows.Take(3).Select(r => r.QuerySelector("th")!.TextContent));
        Assert.Equal("4 av 4", rows[0].QuerySelector(".value")!.TextContent);
        Assert.Equal(33, rows.Count(r => r.QuerySelector(".value")!.TextContent != "ingår inte"));
        Assert.Contains("33 av 290 kommuner", doc.QuerySelector("main")!.TextContent);
        Assert.Equal("selected", doc.QuerySelector($"option[value='{app.ProgrammeId}']")!.GetAttribute("selected"));
    }

    /// <summary>The pages are output-cached with the directory policy: a change shows only after the tag is evicted.</summary>
    [Fact]
    public async Task Pages_AreCachedUntilDirectoryTagEvicted()
    {
        var other = await Seed003.AddAsync(app, "Cachetest " + Guid.NewGuid().ToString("N")[..8]);
        var url = $"/program/{other}/engagemang?sortera=varde";
        var national = "/engagemang?sortera=varde";
        var client = app.Anonymous();
        Assert.Contains("4 av 4", (await client.GetDocumentAsync(url)).QuerySelector("tbody tr .value")!.TextContent);
        var before = (await client.GetDocumentAsync(national)).QuerySelector("tbody tr .value")!.TextContent;

        await app.WithDbAsync(db => db.Enrolments.Where(e => e.Offering!.ProgrammeId == other).ExecuteDeleteAsync());
        Assert.Contains("4 av 4", (await client.GetDocumentAsync(url)).QuerySelector("tbody tr .value")!.TextContent);
        Assert.Equal(before, (await client.GetDocumentAsync(national)).QuerySelector("tbody tr .value")!.TextContent);

        await app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(CachePolicies.Directory, default);
        Assert.Equal("1 av 4", (await client.GetDocumentAsync(url)).QuerySelector("tbody tr .value")!.TextContent);
        Assert.NotEqual(before, (await client.GetDocumentAsync(national)).QuerySelector("tbody tr .value")!.TextContent);
        await app.WithDbAsync(db => db.Programmes.Where(p => p.Id == other).ExecuteDeleteAsync());
        await app.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(CachePolicies.Directory, default);
    }
}
