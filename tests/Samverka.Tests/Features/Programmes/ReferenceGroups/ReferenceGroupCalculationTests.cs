using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Programmes.ReferenceGroups;
using Samverka.Web.Features.Programmes;

namespace Samverka.Tests.Features.Programmes.ReferenceGroups;

/// <summary>Spread, composer and coverage on the seed scenario with Skåne's real SCB populations and boundaries.</summary>
[Collection(AppCollection.Name)]
public class ReferenceGroupCalculationTests(SamverkaFactory app)
{
    private static readonly Dictionary<int, string> Seed = new()
    {
        [2018] = SkaneSeed.Group2018, [2019] = SkaneSeed.Group2019, [2020] = SkaneSeed.Group2020,
    };

    [Fact]
    public async Task DemoData_ReferenceGroups_AreExactlySeed003sLists_WithDigiteketFrom2019()
    {
        var facts = await SkaneSeed.FactsAsync(app);
        var names = facts.Region.ToDictionary(m => m.Code, m => m.Name);
        foreach (var (year, sentence) in Seed)
        {
            var group = facts.Group(year)!;
            Assert.Equal(SkaneSeed.Names(sentence).Order(), group.Members.Where(m => m.MunicipalityCode is not null).Select(m => names[m.MunicipalityCode!]).Order());
            Assert.Equal(year >= 2019 ? [ProgrammeDemoData.DigiteketMember] : Array.Empty<string>(),
                group.Members.Where(m => m.ExternalName is not null).Select(m => m.ExternalName!));
        }
        Assert.Equal([2018, 2019, 2020], facts.Programme.ReferenceGroups.Select(g => g.Year).Order());
    }

    [Fact]
    public async Task DemoData_HoldsOnlyWhatTheSeedsState()
    {
        var facts = await SkaneSeed.FactsAsync(app);
        var p = facts.Programme;
        Assert.Equal((new DateOnly(2018, 12, 1), new DateOnly(2020, 12, 31)), (p.StartDate, p.EndDate));
        Assert.Equal(["12"], facts.RegionCodes);
        Assert.True(p.GoalAllMunicipalitiesReached);
        Assert.Empty(p.Funding); // seed 004's 440 000 kr is Västmanland's
        Assert.Contains("Västmanland", p.DataNote);
        Assert.Contains("Andra kommuners anmälningar finns inte i källorna", p.DataNote);
        Assert.Equal(["1280", "1281", "1283", "1290"], facts.PartnerMunicipalities.Order());
        Assert.Equal(["Startpaket", "Folkpaket", "Ledarpaket"], p.Offerings.OrderBy(o => o.SortOrder).Select(o => o.Name));
        var leader = p.Offerings.Single(o => o.Name == "Ledarpaket");
        Assert.Equal((25_000, 2019), (leader.MaxPopulation, leader.PopulationYear));
        var enrolments = p.Offerings.SelectMany(o => o.Enrolments).ToList();
        Assert.Equal(9, enrolments.Count); // Sjöbo, Klippan, Bjuv × three packages, nothing else
        Assert.Equal(["1260", "1265", "1276"], enrolments.Select(e => e.MunicipalityCode).Distinct().Order());
        Assert.All(enrolments, e => Assert.Equal((2020, ProgrammeDemoData.EnrolmentNote), (e.Year, e.Note)));

        // Loading again (every start) adds nothing.
        await app.WithDbAsync(async db => { await ProgrammeDemoData.LoadAsync(db, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance); return 0; });
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.Programmes.Count(x => x.Name == ProgrammeDemoData.Name))));
    }

    [Fact]
    public async Task Coverage_IsTheUnionOfTheSeedLists_NotTheProsesAll33()
    {
        var facts = await SkaneSeed.FactsAsync(app);
        var union = Seed.Values.SelectMany(SkaneSeed.Names).ToHashSet();
        union.UnionWith(["Sjöbo", "Klippan", "Bjuv"]); // the stated enrolments (all three already sat in a group)
        var expectedNotReached = facts.Region.Select(m => m.Name).Where(n => !union.Contains(n)).Order().ToList();

        var report = Coverage.Compute(facts);

        Assert.Equal(33, report.Programme.Total);
        Assert.Equal(union.Count, report.Programme.Reached.Count);
        Assert.Equal(expectedNotReached, report.Programme.NotReached.Select(m => m.Name).Order());
        // What that union is, for the record: 32 of 33, Staffanstorp never listed.
        Assert.Equal("32 av 33 kommuner nådda", report.Programme.Text);
        Assert.Equal(["Staffanstorp"], report.Programme.NotReached.Select(m => m.Name));
        Assert.False(report.GoalMet);
        Assert.Equal(32, report.ReferenceGroups.Reached.Count);
        Assert.All(report.Offerings, o => Assert.Equal(["Bjuv", "Klippan", "Sjöbo"], o.Reached.Select(m => m.Name)));
    }

    [Fact]
    public async Task SizeClasses_UseTheChosenPopulationYear()
    {
        var facts = await SkaneSeed.FactsAsync(app);
        var by2024 = ReferenceGroupSpread.Place(facts.Region, 2024);
        var by2019 = ReferenceGroupSpread.Place(facts.Region, 2019);
        // SCB 2024: 7 / 14 / 9 / 3 of Skåne's 33.
        Assert.Equal([7, 14, 9, 3], Enum.GetValues<SizeClass>().Select(c => by2024.Count(p => p.Size == c)));
        // Östra Göinge had 15 007 inhabitants in 2019 and 13 978 in 2024.
        Assert.Equal(SizeClass.Under15000, by2024.Single(p => p.Municipality.Name == "Östra Göinge").Size);
        Assert.Equal(SizeClass.From15000To30000, by2019.Single(p => p.Municipality.Name == "Östra Göinge").Size);
        Assert.Equal(SizeClass.From30000To100000, ReferenceGroupSpread.ClassOf(30_000));
        Assert.Equal(SizeClass.From30000To100000, ReferenceGroupSpread.ClassOf(100_000));
        Assert.Equal(SizeClass.Over100000, ReferenceGroupSpread.ClassOf(100_001));
    }

    [Fact]
    public async Task Quadrants_FollowTheBoundaries_AndSpreadTableCountsEachYear()
    {
        var facts = await SkaneSeed.FactsAsync(app);
        var placed = ReferenceGroupSpread.Place(facts.Region, 2024).ToDictionary(p => p.Municipality.Name);
        Assert.Equal(33, placed.Count);
        Assert.Equal(Quadrant.NV, placed["Helsingborg"].Quadrant);
        Assert.Equal(Quadrant.NO, placed["Kristianstad"].Quadrant);
        Assert.Equal(Quadrant.SV, placed["Malmö"].Quadrant);
        Assert.Equal(Quadrant.SO, placed["Simrishamn"].Quadrant);
        Assert.Equal([10, 6, 11, 6], Enum.GetValues<Quadrant>().Select(q => placed.Values.Count(p => p.Quadrant == q)));

        var table = ReferenceGroupSpread.Table(placed.Values.ToList(), facts.MunicipalMembersByYear);
        // 2018 (Bjuv, Eslöv, Helsingborg, Hörby, Kristianstad, Lund, Malmö, Perstorp, Svedala, Trelleborg, Ystad):
        // Perstorp < 15 000; Bjuv, Hörby, Svedala 15–30 000; Eslöv, Kristianstad, Trelleborg, Ystad 30–100 000; three > 100 000.
        Assert.Equal([1, 3, 4, 3], table.Take(4).Select(r => r.PerYear[2018]));
        Assert.Equal([7, 14, 9, 3], table.Take(4).Select(r => r.RegionCount));
        Assert.Equal(17, table.Skip(4).Sum(r => r.PerYear[2020]));
    }

    [Fact]
    public async Task Composer_KeepsPartners_PutsTheNeverIncludedFirst_SpreadsAndIsDeterministic()
    {
        var facts = await SkaneSeed.FactsAsync(app);
        var placed = ReferenceGroupSpread.Place(facts.Region, 2024);
        var proposal = ReferenceGroupComposer.Propose(placed, facts.PartnerMunicipalities, facts.MunicipalMembersByYear, 2021, 15);

        Assert.Equal(15, proposal.Count);
        Assert.Equal(15, proposal.Select(p => p.Placement.Municipality.Code).Distinct().Count());
        Assert.Equal(["Helsingborg", "Kristianstad", "Lund", "Malmö"], proposal.Take(4).Select(p => p.Placement.Municipality.Name));
        Assert.All(proposal.Take(4), p => Assert.StartsWith("Samarbetsbibliotek", p.Reason));
        // Staffanstorp is the only Skåne municipality in none of the seed's groups.
        Assert.Equal("Staffanstorp", proposal[4].Placement.Municipality.Name);
        Assert.Equal("Aldrig deltagit; mellanstor kommun i sydväst", proposal[4].Reason);
        Assert.All(proposal.Skip(5), p => Assert.StartsWith("Deltog senast", p.Reason));
        Assert.All(Enum.GetValues<Quadrant>(), q => Assert.Contains(proposal, p => p.Placement.Quadrant == q));
        Assert.All(Enum.GetValues<SizeClass>(), c => Assert.Contains(proposal, p => p.Placement.Size == c));
        Assert.Equal(proposal.Select(p => p.Reason), ReferenceGroupComposer.Propose(placed, facts.PartnerMunicipalities, facts.MunicipalMembersByYear, 2021, 15).Select(p => p.Reason));
    }

    [Fact]
    public async Task Composer_For2019_PicksOnlyMunicipalitiesOutsideThe2018Group()
    {
        var facts = await SkaneSeed.FactsAsync(app);
        var placed = ReferenceGroupSpread.Place(facts.Region, 2024);
        var in2018 = SkaneSeed.Names(SkaneSeed.Group2018).ToHashSet();
        var proposal = ReferenceGroupComposer.Propose(placed, facts.PartnerMunicipalities, facts.MunicipalMembersByYear, 2019, 14);
        Assert.All(proposal.Skip(4), p =>
        {
            Assert.DoesNotContain(p.Placement.Municipality.Name, in2018);
            Assert.StartsWith("Aldrig deltagit", p.Reason);
        });
        Assert.All(Enum.GetValues<Quadrant>(), q => Assert.Contains(proposal.Skip(4), p => p.Placement.Quadrant == q));
        Assert.All(Enum.GetValues<SizeClass>().Take(3), c => Assert.Contains(proposal.Skip(4), p => p.Placement.Size == c));
    }
}
