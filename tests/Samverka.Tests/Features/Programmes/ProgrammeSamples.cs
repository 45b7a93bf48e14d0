using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Programmes;

namespace Samverka.Tests.Features.Programmes;

/// <summary>Test programmes in Skåne (county 12), created straight in the database with unique names.</summary>
public static class ProgrammeSamples
{
    public const string Skane = "12";

    public record Created(int ProgrammeId, int OpenOfferingId, int LimitedOfferingId);

    /// <summary>
    /// A Skåne programme 2018–2020 with an open offering and one limited to ≤ 25 000 inhabitants (SCB 2019)
    /// with Kävlinge (1261) admitted as exception.
    /// </summary>
    public static Task<Created> CreateAsync(SamverkaFactory app, string? tag = null) => app.WithDbAsync(async db =>
    {
        tag ??= UniqueText.Letters(8);
        var now = DateTimeOffset.UtcNow;
        var p = new Programme
        {
            Name = $"Testprogram {tag}",
            StartDate = new DateOnly(2018, 1, 1),
            EndDate = new DateOnly(2020, 12, 31),
            CreatedAt = now,
            UpdatedAt = now,
            Regions = [new ProgrammeRegion { CountyCode = Skane }],
        };
        var open = new Offering { Name = "Startpaket", SortOrder = 1 };
        var limited = new Offering
        {
            Name = "Ledarpaket", SortOrder = 2, MaxPopulation = 25_000, PopulationYear = 2019,
            Exceptions = [new EligibilityException { MunicipalityCode = "1261", Reason = "beslut i styrgruppen" }],
        };
        p.Offerings.AddRange([open, limited]);
        db.Programmes.Add(p);
        await db.SaveChangesAsync();
        return new Created(p.Id, open.Id, limited.Id);
    });

    /// <summary>The registry's sample: the lowest programme (the seed's when demo data has it) and its first offering.</summary>
    public static async Task<(int Programme, int Offering)> RegistrySampleAsync(SamverkaFactory app)
    {
        var found = await app.WithDbAsync(db => db.Offerings.OrderBy(o => o.ProgrammeId).ThenBy(o => o.Id)
            .Select(o => new { o.ProgrammeId, o.Id }).FirstOrDefaultAsync());
        if (found is not null) return (found.ProgrammeId, found.Id);
        var created = await CreateAsync(app);
        return (created.ProgrammeId, created.OpenOfferingId);
    }
}
