using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Activities;
using Samverka.Web.Features.SelfAssessment;
using Samverka.Web.Features.Directory;

namespace Samverka.Tests.Features.SelfAssessment;

/// <summary>Rounds and responses written straight to the database, each test in a year of its own.</summary>
public static class AssessmentSamples
{
    private static int _year = 2039;

    /// <summary>A year no other test uses: aggregates are per year, so a test sees only its own responses.</summary>
    public static int NewYear() => Interlocked.Increment(ref _year);

    public sealed record Round(int Id, string Token, int Year, Dictionary<int, string> LibraryTokens);

    public static Task<Round> CreateRoundAsync(SamverkaFactory app, string county, int year, bool open = true) => app.WithDbAsync(async db =>
    {
        var instrument = await db.AssessmentInstruments.OrderBy(i => i.VersionNumber).Select(i => i.Id).FirstAsync();
        var libraries = await db.Libraries.Where(l => l.Municipality!.CountyCode == county).Select(l => l.Id).ToListAsync();
        var round = new AssessmentRound
        {
            Name = $"Testomgång {UniqueText.Letters(6)}", CountyCode = county, InstrumentId = instrument,
            // An open round spans today; a closed one ended last year. Its year decides the aggregates it counts in.
            OpensOn = open ? new DateOnly(2000, 1, 1) : new DateOnly(year, 1, 1),
            ClosesOn = open ? new DateOnly(2099, 12, 31) : new DateOnly(year, 2, 1),
            RegionalToken = AssessmentRules.NewToken(), CreatedAt = DateTimeOffset.UtcNow,
            Links = libraries.Select(id => new AssessmentLink { LibraryId = id, Token = AssessmentRules.NewToken() }).ToList(),
        };
        if (!open) round.OpensOn = new DateOnly(year, 1, 1);
        db.AssessmentRounds.Add(round);
        await db.SaveChangesAsync();
        return new Round(round.Id, round.RegionalToken, round.OpensOn.Year, round.Links.ToDictionary(l => l.LibraryId, l => l.Token));
    });

    /// <summary>A closed round in <paramref name="year"/> (for aggregates: its year is what counts).</summary>
    public static Task<Round> CreateYearRoundAsync(SamverkaFactory app, string county, int year) => CreateRoundAsync(app, county, year, open: false);

    public static Task AddResponsesAsync(SamverkaFactory app, int roundId, string municipality, int? library, int count,
        string jobTitle = "Bibliotekarie", string years = "6-10", int score = 4, Func<string, int>? scoreFor = null) => app.WithDbAsync(async db =>
    {
        var items = await db.AssessmentRounds.Where(r => r.Id == roundId).SelectMany(r => r.Instrument!.Items).Select(i => new { i.Id, i.CompetenceCode }).ToListAsync();
        for (var i = 0; i < count; i++)
            db.AssessmentResponses.Add(new AssessmentResponse
            {
                Id = Guid.NewGuid(), RoundId = roundId, MunicipalityCode = municipality, LibraryId = library,
                JobTitle = jobTitle, YearsBand = years, OrganisationSize = "5-19",
            }.WithScores(items.Select(x => (x.Id, x.CompetenceCode, scoreFor?.Invoke(x.CompetenceCode) ?? score))));
        await db.SaveChangesAsync();
        return 0;
    });

    public static Task<int> LibraryAsync(SamverkaFactory app, string name) =>
        app.WithDbAsync(db => db.Libraries.Where(l => l.Name == name).Select(l => l.Id).FirstAsync());

    /// <summary>A library of its own in a municipality, so a test's library groups are its own.</summary>
    public static Task<int> NewLibraryAsync(SamverkaFactory app, string municipality) => app.WithDbAsync(async db =>
    {
        var library = new Library { Name = $"Testbibliotek {UniqueText.Letters(8)}", Kind = LibraryKind.Filial, MunicipalityCode = municipality,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.Libraries.Add(library);
        await db.SaveChangesAsync();
        return library.Id;
    });

    private static readonly SemaphoreSlim RegistryLock = new(1, 1);
    private static (SamverkaFactory App, Round Round, int Instrument)? _registry;

    /// <summary>
    /// Sample values for the page registry: an open Skåne round ({assessment-round}, {assessment-token})
    /// and an instrument version no round uses ({assessment-instrument}), made once per app.
    /// </summary>
    public static async Task<string> ResolveAsync(string url, SamverkaFactory app)
    {
        await RegistryLock.WaitAsync();
        try
        {
            if (_registry?.App != app)
            {
                var round = await CreateRoundAsync(app, "12", 2000);
                var instrument = await app.WithDbAsync(async db =>
                {
                    var next = await db.AssessmentInstruments.MaxAsync(i => i.VersionNumber) + 1;
                    var i = new AssessmentInstrument
                    {
                        Name = "Registrets oanvända version", VersionNumber = next, CreatedAt = DateTimeOffset.UtcNow,
                        Items = DefaultInstrument.Statements.Select((s, n) => new AssessmentItem { SortOrder = n + 1, CompetenceCode = s.Code, Text = s.Text }).ToList(),
                    };
                    db.AssessmentInstruments.Add(i);
                    await db.SaveChangesAsync();
                    return i.Id;
                });
                _registry = (app, round, instrument);
            }
            var r = _registry.Value;
            return url.Replace("{assessment-round}", r.Round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("{assessment-token}", r.Round.Token)
                .Replace("{assessment-instrument}", r.Instrument.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        finally { RegistryLock.Release(); }
    }

    /// <summary>An activity in a county with one theme and one session: the candidates the profile and needs pages match.</summary>
    public static Task<int> AddActivityAsync(SamverkaFactory app, string county, int themeId, string title, DateOnly date,
        ActivityStatus status = ActivityStatus.Published, int? organiserLibraryId = null) => app.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var a = new Activity
        {
            Uid = Guid.NewGuid(), Title = title, Kind = ActivityKind.Workshop, CountyCode = county, OrganiserLibraryId = organiserLibraryId,
            Capacity = 20, CreatedAt = now, UpdatedAt = now, Status = status,
            Sessions = [new ActivitySession { Date = date, StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(12, 0) }],
            Themes = [new ActivityTheme { ThemeId = themeId }],
        };
        db.Activities.Add(a);
        await db.SaveChangesAsync();
        return a.Id;
    });
}
