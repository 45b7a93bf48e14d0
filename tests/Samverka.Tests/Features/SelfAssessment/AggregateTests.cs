using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.SelfAssessment;

namespace Samverka.Tests.Features.SelfAssessment;

/// <summary>Aggregates through the API and the results page: thresholds, complementary suppression, scope.</summary>
[Collection(AppCollection.Name)]
public class AggregateTests(SamverkaFactory app)
{
    private async Task<AssessmentAggregatesDto> AggregatesAsync(string account, int year, string? group = null)
    {
        var client = await app.As(account);
        var response = await client.GetAsync($"/api/v1/self-assessment/aggregates?year={year}" + (group is null ? "" : $"&group={Uri.EscapeDataString(group)}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AssessmentAggregatesDto>())!;
    }

    /// <summary>One municipality (Sala) with <paramref name="n"/> responses and nothing else in the year.</summary>
    private async Task<AssessmentGroupDto> SingleGroupAsync(int n)
    {
        var year = AssessmentSamples.NewYear();
        var round = await AssessmentSamples.CreateYearRoundAsync(app, "19", year);
        await AssessmentSamples.AddResponsesAsync(app, round.Id, "1981", null, n, score: 3);
        var result = await AggregatesAsync(Nora, year, "M:1981");
        return result.Groups.Single(g => g.Key == "M:1981");
    }

    /// <summary>
    /// A year's groups are computed once and reused (the same objects come back) until a response is added or
    /// removed; then the next request computes them again and shows the new counts.
    /// </summary>
    [Fact]
    public async Task Aggregate_IsReusedUntilAResponseIsAddedOrRemoved()
    {
        var year = AssessmentSamples.NewYear();
        var round = await AssessmentSamples.CreateYearRoundAsync(app, "19", year);
        await AssessmentSamples.AddResponsesAsync(app, round.Id, "1981", null, 6, score: 3);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SelfAssessmentOptions>>().Value;
        Task<List<GroupRow>> RowsAsync() => app.WithDbAsync(db => Aggregates.ForYearAsync(db, year, options));

        var first = (await RowsAsync()).Single(r => r.Key == "M:1981");
        Assert.Equal(6, first.Respondents);
        Assert.Same(first, (await RowsAsync()).Single(r => r.Key == "M:1981"));

        await AssessmentSamples.AddResponsesAsync(app, round.Id, "1981", null, 1, score: 3);
        var added = (await RowsAsync()).Single(r => r.Key == "M:1981");
        Assert.Equal(7, added.Respondents);
        Assert.Equal(7, (await AggregatesAsync(Nora, year, "M:1981")).Groups.Single(g => g.Key == "M:1981").Respondents);

        await app.WithDbAsync(async db =>
        {
            var one = await db.AssessmentResponses.Include(r => r.Scores).FirstAsync(r => r.RoundId == round.Id);
            db.AssessmentScores.RemoveRange(one.Scores);
            db.AssessmentResponses.Remove(one);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(6, (await RowsAsync()).Single(r => r.Key == "M:1981").Respondents);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public async Task Mean_ShownFromFiveResponses(int n, bool shown)
    {
        var g = await SingleGroupAsync(n);
        Assert.Equal(shown ? n : null, g.Respondents); // a suppressed group's exact count is never published
        Assert.Equal(!shown, g.Suppressed);
        Assert.Equal(shown, g.MeanShown);
        Assert.Equal(shown ? 3.0 : null, g.Areas[0].Mean);
        Assert.Equal(shown ? 3.0 : null, g.Competences.Single(c => c.Code == "4.2").Mean);
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    public async Task Distribution_ShownFromEightResponses(int n, bool shown)
    {
        var g = await SingleGroupAsync(n);
        Assert.True(g.MeanShown);
        Assert.Equal(shown, g.DistributionShown);
        Assert.Equal(shown ? [0, 0, 100, 0, 0, 0, 0] : null, g.Areas[3].Distribution);
    }

    /// <summary>
    /// Skåne: Malmö = library A 6 + library B 4 + no library 10, Lund 3, Helsingborg 12; two managers (Chef) in Malmö;
    /// Lund and Helsingborg 0–2 years in the profession, Malmö 6–10 (else Malmö by years would equal Malmö and reveal Lund).
    /// Västmanland: Västerås 20. Every figure the national coordinator gets is checked for subtraction.
    /// </summary>
    private async Task<(int Year, int A, int B)> MixedYearAsync()
    {
        var year = AssessmentSamples.NewYear();
        var skane = await AssessmentSamples.CreateYearRoundAsync(app, "12", year);
        var vastmanland = await AssessmentSamples.CreateYearRoundAsync(app, "19", year);
        var a = await AssessmentSamples.NewLibraryAsync(app, "1280");
        var b = await AssessmentSamples.NewLibraryAsync(app, "1280");
        await AssessmentSamples.AddResponsesAsync(app, skane.Id, "1280", a, 6, score: 5);
        await AssessmentSamples.AddResponsesAsync(app, skane.Id, "1280", b, 4, score: 2);
        await AssessmentSamples.AddResponsesAsync(app, skane.Id, "1280", null, 8, score: 4);
        await AssessmentSamples.AddResponsesAsync(app, skane.Id, "1280", null, 2, jobTitle: "Chef", score: 6);
        await AssessmentSamples.AddResponsesAsync(app, skane.Id, "1281", null, 3, years: "0-2", score: 1);
        await AssessmentSamples.AddResponsesAsync(app, skane.Id, "1283", null, 12, years: "0-2", score: 5);
        await AssessmentSamples.AddResponsesAsync(app, vastmanland.Id, "1980", null, 20, jobTitle: "Biblioteksassistent", score: 4);
        return (year, a, b);
    }

    [Fact]
    public async Task SubtractionAttack_AcrossLibraryMunicipalityRegionAndJobTitles_FindsNothing()
    {
        var (year, a, b) = await MixedYearAsync();
        var result = await AggregatesAsync(Nora, year);
        var groups = result.Groups.ToDictionary(g => g.Key);

        // The small groups and their complements are hidden, the large parents shown.
        Assert.False(groups[$"L:1280:{b}"].MeanShown); // 4
        Assert.False(groups[$"L:1280:{a}"].MeanShown); // 6, else Malmö − the rest reveals the 4
        Assert.True(groups["M:1280"].MeanShown, string.Join(", ", result.Groups.Where(g => !g.MeanShown).Select(g => $"{g.Key} ({g.Respondents})")));
        Assert.False(groups["M:1281"].MeanShown); // Lund 3
        Assert.False(groups["M:1283"].MeanShown); // Helsingborg 12, else Skåne − Malmö reveals Lund
        Assert.True(groups["C:12"].MeanShown);
        Assert.False(groups["N|T:Chef"].MeanShown);
        Assert.False(groups["C:12|T:Chef"].MeanShown);
        Assert.False(groups["M:1280|T:Chef"].MeanShown);

        var truth = await TrueCountsAsync(year);
        foreach (var threshold in new[] { (result.MinGroupForMean, false), (result.MinGroupForDistribution, true) })
            AssertNothingDerivable(result.Groups, truth, threshold.Item1, threshold.Item2);
    }

    /// <summary>The exact number of responses of every group of a year, counted here from the responses themselves.</summary>
    private Task<Dictionary<string, int>> TrueCountsAsync(int year) => app.WithDbAsync(async db =>
    {
        var responses = await db.AssessmentResponses.AsNoTracking().Where(r => r.Round!.OpensOn.Year == year)
            .Select(r => new { r.Round!.CountyCode, r.MunicipalityCode, r.LibraryId, r.JobTitle, r.YearsBand }).ToListAsync();
        var counts = new Dictionary<string, int>();
        foreach (var r in responses)
        {
            string?[] counties = [null, r.CountyCode, r.CountyCode], municipalities = [null, null, r.MunicipalityCode];
            var keys = new List<string> { Aggregates.Key(r.CountyCode, r.MunicipalityCode, r.LibraryId ?? 0, null, null) };
            for (var i = 0; i < 3; i++)
            {
                keys.Add(Aggregates.Key(counties[i], municipalities[i], null, null, null));
                keys.Add(Aggregates.Key(counties[i], municipalities[i], null, r.JobTitle, null));
                keys.Add(Aggregates.Key(counties[i], municipalities[i], null, null, r.YearsBand));
            }
            foreach (var k in keys) counts[k] = counts.GetValueOrDefault(k) + 1;
        }
        return counts;
    });

    /// <summary>
    /// The attack: for every published sum (parent = its children), parent total minus the shown children
    /// leaves the hidden children's total. It must be of none, or of at least two groups with at least
    /// the threshold together; and a hidden parent must not be recoverable from shown children.
    /// </summary>
    private static void AssertNothingDerivable(IReadOnlyList<AssessmentGroupDto> groups, IReadOnlyDictionary<string, int> truth, int threshold, bool distribution)
    {
        int N(AssessmentGroupDto g) => truth[g.Key];
        bool Shown(AssessmentGroupDto g) => distribution ? g.DistributionShown : g.MeanShown;
        var byKey = groups.ToDictionary(g => g.Key);
        var sums = new Dictionary<string, List<AssessmentGroupDto>>();
        void Add(string parent, AssessmentGroupDto child)
        {
            if (!sums.TryGetValue(parent, out var list)) sums[parent] = list = [];
            list.Add(child);
        }
        // A published sum is named "parent#dimension": geography, job title (T) or years band (Y).
        foreach (var g in groups)
        {
            var parts = g.Key.Split('|');
            if (parts.Length == 1 && g.ParentKey is { } p) Add($"{p}#geo", g);
            if (parts.Length == 2)
            {
                Add($"{parts[0]}#{parts[1][0]}", g);
                var geo = byKey.GetValueOrDefault(parts[0]);
                if (geo?.ParentKey is { } geoParent) Add($"{geoParent}|{parts[1]}#geo", g);
            }
        }
        var failures = new List<string>();
        foreach (var (sumKey, children) in sums)
        {
            var parentKey = sumKey.Split('#')[0];
            if (!byKey.TryGetValue(parentKey, out var parent)) continue;
            var hidden = children.Where(c => !Shown(c)).ToList();
            Assert.True(N(parent) == children.Sum(N), $"{sumKey}: children do not add up"); // the children partition the parent
            if (!distribution && parent.Respondents is int total)
            {
                // The same attack on the published counts: the total minus the shown children's counts.
                var residue = total - children.Sum(c => c.Respondents ?? 0);
                Assert.Equal(hidden.Sum(N), residue);
                if (residue > 0 && (hidden.Count < 2 || residue < threshold))
                    failures.Add($"{parentKey}: {total} minus shown children = {residue}, the count of {string.Join(", ", hidden.Select(h => h.Key))}");
            }
            if (!Shown(parent))
            {
                if (hidden.Count < children.Count) failures.Add($"{parentKey} hidden but {children.Count - hidden.Count} children shown");
            }
            else if (hidden.Count == 1 || (hidden.Count > 1 && hidden.Sum(N) < threshold))
                failures.Add($"{parentKey}: shown, hidden children {string.Join(", ", hidden.Select(h => $"{h.Key} ({N(h)})"))} derivable");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // A group without means carries no count: null and suppressed, never its exact size; a shown count is exact.
        Assert.All(groups, g => Assert.Equal(g.MeanShown ? N(g) : null, g.Respondents));
        Assert.All(groups, g => Assert.Equal(!g.MeanShown, g.Suppressed));
        Assert.All(groups.Where(g => g.Respondents is not null), g => Assert.True(g.Respondents >= threshold || distribution, $"{g.Key}: {g.Respondents}"));
        Assert.All(groups.Where(g => !Shown(g)), g => Assert.All(distribution ? g.Areas.Select(a => a.Distribution as object) : g.Areas.Select(a => a.Mean as object), Assert.Null));
    }

    /// <summary>
    /// Skåne: Malmö 19 librarians + 1 manager, Lund 1, Lomma 9, Helsingborg 12. Lund's single respondent is a
    /// colleague everyone in Lund can name: the API, the page, CSV and XLSX show no count for Lund, and
    /// Skåne's total minus the shown municipalities (or Malmö minus its shown job titles) is not 1.
    /// </summary>
    [Fact]
    public async Task SubtractionAttack_OnCounts_RegionMinusShownMunicipalitiesRevealsNoSuppressedCount()
    {
        var year = AssessmentSamples.NewYear();
        var skane = await AssessmentSamples.CreateYearRoundAsync(app, "12", year);
        await AssessmentSamples.AddResponsesAsync(app, skane.Id, "1280", null, 19, score: 4);
        await AssessmentSamples.AddResponsesAsync(app, skane.Id, "1280", null, 1, jobTitle: "Chef", score: 6);
        await AssessmentSamples.AddResponsesAsync(app, skane.Id, "1281", null, 1, score: 2);
        await AssessmentSamples.AddResponsesAsync(app, skane.Id, "1262", null, 9, score: 5);
        await AssessmentSamples.AddResponsesAsync(app, skane.Id, "1283", null, 12, score: 5);
        var threshold = new SelfAssessmentOptions().MinGroupForMean;

        var result = await AggregatesAsync(Sara, year);
        var groups = result.Groups.ToDictionary(g => g.Key);
        var json = await (await (await app.As(Sara)).GetAsync($"/api/v1/self-assessment/aggregates?year={year}")).Content.ReadAsStringAsync();

        Assert.Null(groups["M:1281"].Respondents);
        Assert.True(groups["M:1281"].Suppressed);
        Assert.Contains("\"key\":\"M:1281\",", json);
        Assert.Matches("\"key\":\"M:1281\",[^{}]*\"respondents\":null,\"suppressed\":true", json);
        var region = groups["C:12"].Respondents!.Value;
        var shownMunicipalities = result.Groups.Where(g => g.Level == "Municipality" && g.Respondents is not null).Sum(g => g.Respondents!.Value);
        Assert.True(region - shownMunicipalities >= threshold, $"Skåne {region} − shown {shownMunicipalities}");
        Assert.True(result.Groups.Count(g => g.Level == "Municipality" && g.Suppressed) >= 2); // Lund and a complement
        var malmo = groups["M:1280"].Respondents!.Value;
        var shownTitles = result.Groups.Where(g => g.Key.StartsWith("M:1280|T:") && g.Respondents is not null).Sum(g => g.Respondents!.Value);
        Assert.NotEqual(1, malmo - shownTitles); // the one manager
        Assert.All(result.Groups, g => Assert.True(g.Respondents is null || g.Respondents >= threshold, $"{g.Key}: {g.Respondents}"));
        AssertNothingDerivable(result.Groups, await TrueCountsAsync(year), threshold, distribution: false);

        var sara = await app.As(Sara);
        foreach (var (breakdown, key) in new[] { ("geografi", "M:1281"), ("yrkestitel", "M:1280|T:Chef"), ("yrkesar", "M:1281|Y:6-10") })
        {
            var doc = await sara.GetDocumentAsync($"/sjalvskattning/resultat?ar={year}&indelning={breakdown}");
            var row = doc.QuerySelector($"tr[data-key='{key}']")!;
            Assert.Equal(ResultsModel.HiddenCountText(5), row.QuerySelectorAll("td")[1].TextContent.Trim());
            Assert.Contains($"färre än {threshold} svar", doc.QuerySelector(".suppression-note")!.TextContent);
        }
        var detail = await sara.GetDocumentAsync($"/sjalvskattning/resultat?ar={year}&grupp=M:1281");
        Assert.DoesNotContain("(1 svar)", detail.QuerySelector("#detail-caption")!.TextContent);
        var csv = Encoding.UTF8.GetString(await (await sara.GetAsync($"/sjalvskattning/resultat?handler=Csv&ar={year}")).Content.ReadAsByteArrayAsync());
        Assert.StartsWith($"Lund;Kommun;{ResultsModel.HiddenCountText(5)};", csv.Split("\r\n").Single(l => l.StartsWith("Lund;", StringComparison.Ordinal)));
        var xlsx = Samverka.Tests.Infrastructure.ExportTests.ReadXlsx(await (await sara.GetAsync($"/sjalvskattning/resultat?handler=Xlsx&ar={year}")).Content.ReadAsByteArrayAsync(), out _);
        Assert.Equal(["Lund", "Kommun", ResultsModel.HiddenCountText(5)], xlsx.Single(r => r[0] == "Lund").Take(3));
    }

    /// <summary>The demo data's years, as the national coordinator sees them: no suppressed count, nothing derivable.</summary>
    [Theory]
    [InlineData(2018)]
    [InlineData(2020)]
    public async Task SubtractionAttack_DemoData_FindsNothing(int year)
    {
        var result = await AggregatesAsync(Nora, year);
        var truth = await TrueCountsAsync(year);
        Assert.Contains(result.Groups, g => g.Suppressed);
        foreach (var threshold in new[] { (result.MinGroupForMean, false), (result.MinGroupForDistribution, true) })
            AssertNothingDerivable(result.Groups, truth, threshold.Item1, threshold.Item2);
    }

    [Fact]
    public async Task Api_Scope_CoordinatorSeesOwnRegionOnly_StaffIsRefused()
    {
        var (year, _, _) = await MixedYearAsync();

        var viktor = await AggregatesAsync(Viktor, year);
        var maja = await AggregatesAsync(Maja, year);
        var hugo = await (await app.As(Hugo)).GetAsync($"/api/v1/self-assessment/aggregates?year={year}");
        var anonymous = await app.Anonymous().GetAsync($"/api/v1/self-assessment/aggregates?year={year}");

        Assert.All(viktor.Groups, g => Assert.Equal("19", g.CountyCode));
        Assert.Contains(viktor.Groups, g => g.Key == "M:1980");
        Assert.All(maja.Groups, g => Assert.Equal("1280", g.MunicipalityCode));
        Assert.Equal(HttpStatusCode.Forbidden, hugo.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Api_BadYear_Is400WithSwedishMessage()
    {
        var response = await (await app.As(Nora)).GetAsync("/api/v1/self-assessment/aggregates?year=12");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ange året", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(4, "–")]
    [InlineData(5, "3,0")]
    public async Task ResultsPage_Manager_SeesOwnMunicipalityMeanOnlyWhenLargeEnough(int n, string expected)
    {
        var year = AssessmentSamples.NewYear();
        var round = await AssessmentSamples.CreateYearRoundAsync(app, "12", year);
        await AssessmentSamples.AddResponsesAsync(app, round.Id, "1280", null, n, score: 3);
        await AssessmentSamples.AddResponsesAsync(app, round.Id, "1281", null, 9, score: 6);

        var doc = await (await app.As(Maja)).GetDocumentAsync($"/sjalvskattning/resultat?ar={year}");

        var keys = doc.QuerySelectorAll("tr[data-key]").Select(r => r.GetAttribute("data-key")).ToList();
        Assert.Contains("M:1280", keys);
        Assert.DoesNotContain("M:1281", keys);
        Assert.DoesNotContain("C:12", keys);
        var cells = doc.QuerySelector("tr[data-key='M:1280']")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(expected, cells[2]); // first area, after level and n
    }

    [Fact]
    public async Task ResultsPage_Coordinator_ComparesTwoYearsAndExportsMarkedCells()
    {
        var (before, after) = (AssessmentSamples.NewYear(), AssessmentSamples.NewYear());
        var r1 = await AssessmentSamples.CreateYearRoundAsync(app, "12", before);
        var r2 = await AssessmentSamples.CreateYearRoundAsync(app, "12", after);
        await AssessmentSamples.AddResponsesAsync(app, r1.Id, "1280", null, 10, score: 3);
        await AssessmentSamples.AddResponsesAsync(app, r2.Id, "1280", null, 10, score: 5);
        await AssessmentSamples.AddResponsesAsync(app, r2.Id, "1281", null, 2, score: 5); // hidden, and Helsingborg with it
        await AssessmentSamples.AddResponsesAsync(app, r2.Id, "1283", null, 6, score: 5);
        var sara = await app.As(Sara);

        var doc = await sara.GetDocumentAsync($"/sjalvskattning/resultat?ar={after}&jamfor={before}");
        var csv = await sara.GetAsync($"/sjalvskattning/resultat?handler=Csv&ar={after}");

        var compare = doc.QuerySelector("#compare-caption")!.ParentElement!;
        var malmo = compare.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("Malmö"));
        Assert.Contains("3,0", malmo.TextContent);
        Assert.Contains("5,0", malmo.TextContent);
        Assert.Contains("+2,0", malmo.TextContent);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        var lund = text.Split("\r\n").Single(l => l.StartsWith("Lund;", StringComparison.Ordinal));
        Assert.Contains($";{ResultsModel.HiddenCountText(5)};–;", lund); // Lund's 2 are not published, nor Helsingborg's 6 that would give them away
        Assert.DoesNotContain(";2;", lund);
        Assert.Contains($"färre än {new SelfAssessmentOptions().MinGroupForMean} svar", text);
        Assert.Contains("– = dolt", text);
        Assert.DoesNotContain("Västerås", text);
    }

    [Fact]
    public async Task ResultsPage_YearOutOfRange_Is400WithSwedishMessage()
    {
        var response = await (await app.As(Sara)).GetAsync("/sjalvskattning/resultat?ar=1850");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ange ett år mellan 2000 och 2100, till exempel 2020.", (await response.ToDocumentAsync()).ErrorMessages());
    }

    [Fact]
    public async Task ResultsPage_Staff_IsRefused()
    {
        var response = await (await app.As(Hugo)).GetAsync("/sjalvskattning/resultat");
        Assert.True(IsDenied(response));
    }
}
