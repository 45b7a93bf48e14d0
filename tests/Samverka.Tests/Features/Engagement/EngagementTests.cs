using System.Xml.Linq;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Calc = Samverka.Web.Features.Engagement.EngagementValues;

namespace Samverka.Tests.Features.Engagement;

/// <summary>The engagement calculation with seed 003's lists over Skåne's 33 municipalities (SCB populations from the shipped CSV).</summary>
public class EngagementTests
{
    private static readonly List<Calc.Place> Skane = File.ReadLines(Path.Combine(ReferenceData.Directory, "municipalities.csv")).Skip(1)
        .Select(l => l.Split(',')).Where(c => c[2] == "12")
        .Select(c => new Calc.Place(c[0], c[1], c[2], int.Parse(c[4], System.Globalization.CultureInfo.InvariantCulture))).ToList();

    private static readonly List<Calc.OfferingColumn> Packages = [new(1, "Startpaket"), new(2, "Folkpaket"), new(3, "Ledarpaket")];

    private static string Code(string name) => Skane.Single(m => m.Name == name).Code;

    private static Calc.Summary Seed(IEnumerable<Calc.Taken>? extra = null, IEnumerable<Calc.Membership>? extraMembers = null)
    {
        var enrolments = Seed003.AllThreePackages.SelectMany(m => Packages.Select(o => new Calc.Taken(o.Id, Code(m), 2019)));
        var members = new[] { (2018, Seed003.Group2018), (2019, Seed003.Group2019), (2020, Seed003.Group2020) }
            .SelectMany(g => g.Item2.Select(n => new Calc.Membership(Code(n), g.Item1)));
        return Calc.Compute(1, "Digitalt först", 2018, 2020, null, Skane, Packages,
            enrolments.Concat(extra ?? []), members.Concat(extraMembers ?? []));
    }

    private static Calc.Row Row(Calc.Summary s, string name) => s.Rows.Single(r => r.Municipality.Name == name);

    [Fact]
    public void Seed003_SjoboKlippanBjuv_TookAllFour()
    {
        var s = Seed();
        Assert.Equal(33, s.Rows.Count);
        Assert.Equal(4, s.Max);
        Assert.Equal(["Bjuv", "Klippan", "Sjöbo"], s.Rows.Where(r => r.Value == 4).Select(r => r.Municipality.Name));
        Assert.Equal([2018], Row(s, "Bjuv").ReferenceGroupYears);
        Assert.Equal([2018, 2019, 2020], Row(s, "Malmö").ReferenceGroupYears);
    }

    [Fact]
    public void Seed003_ReferenceGroupsAlone_Give1()
    {
        var s = Seed();
        Assert.Equal(1, Row(s, "Malmö").Value); // three years in the group still count once
        Assert.Equal(1, Row(s, "Kävlinge").Value);
        Assert.Equal(29, s.Rows.Count(r => r.Value == 1));
    }

    /// <summary>
    /// The seed says "all 33 municipalities reached", but its three lists name 32: Staffanstorp is in
    /// none of them and no enrolment is stated. The system shows what the data gives.
    /// </summary>
    [Fact]
    public void Seed003_Staffanstorp_IsNotInAnyList()
    {
        var s = Seed();
        Assert.Equal(0, Row(s, "Staffanstorp").Value);
        Assert.Equal(32, s.Engaged);
        Assert.Equal(["Staffanstorp"], s.Rows.Where(r => r.Value == 0).Select(r => r.Municipality.Name));
    }

    [Fact]
    public void Enrolments_SameOfferingTwice_CountsOnce_OutsidePeriodIgnored()
    {
        var staffanstorp = Code("Staffanstorp");
        var s = Seed(extra: [new(1, staffanstorp, 2018), new(1, staffanstorp, 2020), new(2, staffanstorp, 2021), new(99, staffanstorp, 2019)],
            extraMembers: [new(staffanstorp, 2017)]);
        var row = Row(s, "Staffanstorp");
        Assert.Equal(1, row.Value); // Startpaket twice = 1; 2021, 2017 and an offering of another programme do not count
        Assert.Equal([1], row.OfferingsTaken);
        Assert.False(row.InReferenceGroup);
    }

    [Fact]
    public void Rows_InSwedishOrder()
    {
        var names = Seed().Rows.Select(r => r.Municipality.Name).ToList();
        Assert.Equal("Bjuv", names[0]);
        Assert.Equal(["Åstorp", "Ängelholm", "Örkelljunga", "Östra Göinge"], names[^4..]);
    }

    [Fact]
    public void National_SumsOverProgrammes_AndMarksUncovered()
    {
        var skane = Seed();
        var other = Calc.Compute(2, "Annan", 2021, 2022, null, Skane.Where(m => m.Name is "Malmö" or "Lund"), [new(7, "Kurs")],
            [new(7, Code("Malmö"), 2021)], []);
        var kiruna = new Calc.Place("2584", "Kiruna", "25", 22000);
        var rows = Calc.Sum(Skane.Append(kiruna), [skane, other]);
        var malmo = rows.Single(r => r.Municipality.Name == "Malmö");
        Assert.Equal((2, 6, 2), (malmo.Value, malmo.Max, malmo.Programmes));
        var sjobo = rows.Single(r => r.Municipality.Name == "Sjöbo");
        Assert.Equal((4, 4, 1), (sjobo.Value, sjobo.Max, sjobo.Programmes));
        Assert.Equal(0, rows.Single(r => r.Municipality.Code == "2584").Programmes);
    }

    [Fact]
    public void ValueClasses_OnePerValue_UpToFive_ThenRanges()
    {
        var (four, of4) = SvgMap.ValueClasses(4, v => v);
        Assert.Equal(["0", "1", "2", "3", "4"], four.Select(c => c.Label));
        Assert.Equal(3, of4(3));
        var (twelve, of12) = SvgMap.ValueClasses(12, v => v);
        Assert.Equal(["0", "1–3", "4–6", "7–9", "10–12"], twelve.Select(c => c.Label));
        Assert.Equal((0, 1, 1, 4), (of12(0), of12(1), of12(3), of12(12)));
    }

    /// <summary>Boundaries and hatching are drawn in ink: every fill must stand out from ink by 3:1 (WCAG 1.4.11).</summary>
    [Fact]
    public void MapFills_Contrast3To1WithInk_AndPatternsDiffer()
    {
        foreach (var fill in SvgMap.Fills.Append(SvgMap.NotCovered.Fill))
            Assert.True(Contrast(fill, SvgMap.Ink) >= 3, $"{fill}: {Contrast(fill, SvgMap.Ink):0.00}");
        Assert.Equal(SvgMap.Patterns.Length, SvgMap.Patterns.Append(SvgMap.NotCovered.Pattern).Distinct().Count() - 1);
    }

    [Fact]
    public void Render_Skane_OneLinkPerMunicipality_ParsesAsXml()
    {
        var s = Seed();
        var svg = SvgMap.Render(Samverka.Web.Features.Engagement.ProgrammeModel.Map(s, "t"), standalone: true);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", svg);
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", doc.Root!.Name);
        var links = doc.Descendants(ns + "a").ToList();
        Assert.Equal(33, links.Count);
        Assert.All(links, a => Assert.Equal("0", (string?)a.Attribute("tabindex")));
        Assert.Equal("Sjöbo: 4 av 4", links.Single(a => (string?)a.Attribute("data-code") == Code("Sjöbo")).Element(ns + "title")!.Value);
        Assert.Contains("Engagemang per kommun", doc.Root.Element(ns + "title")!.Value);
        Assert.Contains("4 av 4: Bjuv, Klippan, Sjöbo.", doc.Root.Element(ns + "desc")!.Value);
        Assert.DoesNotContain("style", svg); // the CSP forbids inline styles
    }

    /// <summary>A MultiPolygon municipality (islands) gets one subpath per ring.</summary>
    [Fact]
    public void Render_MultiPolygon_AllRingsDrawn()
    {
        var multi = SvgMap.Boundaries.Municipalities.Values.First(m => m.Rings.Count > 1);
        var svg = SvgMap.Render(new SvgMap.MapSpec("m", "T", "D", [new("0", "#ffffff", "none")], [new(multi.Code, 0, multi.Name)], []), standalone: false);
        var d = (string)XDocument.Parse(svg).Descendants("{http://www.w3.org/2000/svg}path").Single().Attribute("d")!;
        Assert.Equal(multi.Rings.Count, d.Count(ch => ch == 'M'));
        // Every subpath is "Mx y", optionally "l" and relative pairs, then "z": a valid path grammar.
        Assert.Matches(@"^(M\d+ \d+(l-?\d+((-| )\d+)*)?z)+$", d);
        Assert.Equal(290, SvgMap.Boundaries.Municipalities.Count);
        Assert.Equal(21, SvgMap.Boundaries.Counties.Count);
    }

    private static double Contrast(string a, string b)
    {
        static double L(string hex)
        {
            double C(int i)
            {
                var c = Convert.ToInt32(hex.Substring(1 + 2 * i, 2), 16) / 255.0;
                return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }
            return 0.2126 * C(0) + 0.7152 * C(1) + 0.0722 * C(2);
        }
        var (x, y) = (L(a), L(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }
}
