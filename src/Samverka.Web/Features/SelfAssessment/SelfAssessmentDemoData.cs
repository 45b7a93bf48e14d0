using Microsoft.EntityFrameworkCore;

using Samverka.Web.Data;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>
/// The default instrument (always) and, with demo data on, three rounds with clearly synthetic
/// responses: Skåne 2018 and 2020 (for comparing rounds) and Västmanland autumn 2018 (seed 004: the staff took
/// the test in the autumn of 2018 and the 2019 workshops built on its answers; see ActivityDemoData).
/// Generated from a fixed seed, with group sizes chosen so that suppression shows: some
/// municipalities and libraries are below 5 or 8. Loaded once: skipped when any round exists.
/// </summary>
public static class SelfAssessmentDemoData
{
    public const string Marker = "(syntetiska demosvar)";

    private sealed record DemoRound(string Name, string County, DateOnly Opens, DateOnly Closes, double Lift, (string Municipality, string? Library, int Count)[] Groups);

    private static readonly DemoRound[] Rounds =
    [
        new($"Skåne våren 2018 {Marker}", "12", new(2018, 3, 1), new(2018, 4, 30), 0.0,
            [("Malmö", "Malmö stadsbibliotek", 22), ("Malmö", null, 6), ("Helsingborg", "Helsingborgs stadsbibliotek", 9), ("Lund", "Lunds stadsbibliotek", 6),
             ("Kristianstad", "Kristianstads stadsbibliotek", 4), ("Kävlinge", "Kävlinge bibliotek", 5), ("Ystad", null, 7), ("Sjöbo", null, 3)]),
        new($"Västmanland hösten 2018 {Marker}", "19", new(2018, 9, 3), new(2018, 10, 31), 0.2,
            [("Västerås", "Västerås stadsbibliotek", 18), ("Västerås", null, 4), ("Köping", "Köpings bibliotek", 7), ("Sala", null, 5),
             ("Fagersta", null, 4), ("Arboga", null, 3), ("Norberg", null, 2), ("Surahammar", null, 6)]),
        new($"Skåne hösten 2020 {Marker}", "12", new(2020, 10, 1), new(2020, 11, 30), 0.6,
            [("Malmö", "Malmö stadsbibliotek", 30), ("Malmö", null, 9), ("Helsingborg", "Helsingborgs stadsbibliotek", 12), ("Lund", "Lunds stadsbibliotek", 8),
             ("Staffanstorp", "Hjärups bibliotek", 4), ("Kristianstad", "Kristianstads stadsbibliotek", 6), ("Kävlinge", "Kävlinge bibliotek", 4), ("Ystad", null, 8),
             ("Sjöbo", null, 5), ("Eslöv", null, 2)]),
    ];

    // Synthetic base levels per area: security and content creation lowest, as a plausible pattern, not data.
    private static readonly double[] AreaBase = [4.8, 4.6, 3.6, 3.4, 4.0];

    public static async Task LoadAsync(AppDbContext db, bool demo, ILogger logger)
    {
        await DefaultInstrument.EnsureAsync(db);
        if (!demo || await db.AssessmentRounds.AnyAsync()) return;
        var instrument = await db.AssessmentInstruments.Include(i => i.Items).OrderBy(i => i.VersionNumber).FirstAsync();
        var random = new Random(20180301);
        var total = 0;
        foreach (var r in Rounds)
        {
            var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.CountyCode == r.County).ToDictionaryAsync(m => m.Name, m => m.Code);
            if (municipalities.Count == 0) continue; // no reference data
            var libraries = await db.Libraries.AsNoTracking().Where(l => l.Municipality!.CountyCode == r.County).ToListAsync();
            var round = new AssessmentRound
            {
                Name = r.Name, CountyCode = r.County, InstrumentId = instrument.Id, OpensOn = r.Opens, ClosesOn = r.Closes,
                RegionalToken = AssessmentRules.NewToken(), CreatedAt = DateTimeOffset.UtcNow,
                Links = libraries.Select(l => new AssessmentLink { LibraryId = l.Id, Token = AssessmentRules.NewToken() }).ToList(),
            };
            db.AssessmentRounds.Add(round);
            await db.SaveChangesAsync();
            foreach (var (municipality, library, count) in r.Groups)
            {
                if (!municipalities.TryGetValue(municipality, out var code)) continue;
                var libraryId = libraries.FirstOrDefault(l => l.Name == library && l.MunicipalityCode == code)?.Id;
                for (var i = 0; i < count; i++)
                {
                    var personal = random.NextDouble() * 1.6 - 0.8;
                    db.AssessmentResponses.Add(new AssessmentResponse
                    {
                        Id = Guid.NewGuid(), RoundId = round.Id, MunicipalityCode = code, LibraryId = libraryId,
                        JobTitle = Pick(random, Background.JobTitles, [40, 30, 10, 8, 4, 8]),
                        YearsBand = Pick(random, Background.YearsBands, [15, 20, 25, 25, 15]),
                        OrganisationSize = code is "1280" or "1980" ? "50+" : Pick(random, Background.OrganisationSizes, [10, 50, 30, 10]),
                    }.WithScores(instrument.Items.Select(item => (item.Id, item.CompetenceCode,
                        (int)Math.Clamp(Math.Round(AreaBase[item.CompetenceCode[0] - '1'] + r.Lift + personal + (random.NextDouble() * 3 - 1.5)), 1, 7)))));
                    total++;
                }
            }
            await db.SaveChangesAsync();
        }
        logger.LogInformation("Self-assessment demo data loaded: {Rounds} rounds, {Responses} synthetic responses", Rounds.Length, total);
    }

    private static string Pick(Random random, IReadOnlyList<(string Value, string Label)> options, int[] weights)
    {
        var x = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (x < weights[i]) return options[i].Value;
            x -= weights[i];
        }
        return options[^1].Value;
    }
}
