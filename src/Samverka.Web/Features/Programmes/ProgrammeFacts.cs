using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Programmes;

/// <summary>A municipality of a programme's region with both population figures the reference data holds.</summary>
public sealed record RegionMunicipality(string Code, string Name, int Population, int Population2019)
{
    /// <summary>2019 gives SCB's 2019 figure; any other year the current (2024) one.</summary>
    public int PopulationIn(int year) => year == 2019 ? Population2019 : Population;
}

/// <summary>
/// A programme read once for the reference-group, composer and coverage pages and the API: its
/// region's municipalities, its groups with members and its offerings with enrolments.
/// </summary>
public sealed record ProgrammeFacts(Programme Programme, IReadOnlyList<RegionMunicipality> Region)
{
    public int FirstYear => Programme.StartDate.Year;
    public int LastYear => Programme.EndDate.Year;
    public bool InPeriod(int year) => year >= FirstYear && year <= LastYear;
    public string Period => $"{FirstYear}–{LastYear}";
    public IReadOnlyList<string> RegionCodes => Programme.Regions.Select(r => r.CountyCode).ToList();

    /// <summary>Municipalities of the partner libraries: kept in every group (seed 003: "representanter med under alla tre år").</summary>
    public IReadOnlySet<string> PartnerMunicipalities =>
        Programme.Partners.Where(p => p.Library is not null).Select(p => p.Library!.MunicipalityCode).ToHashSet();

    public ReferenceGroup? Group(int year) => Programme.ReferenceGroups.FirstOrDefault(g => g.Year == year);

    /// <summary>Municipal members per year, for the spread and the composer's history.</summary>
    public IReadOnlyDictionary<int, IReadOnlyCollection<string>> MunicipalMembersByYear =>
        Programme.ReferenceGroups.OrderBy(g => g.Year).ToDictionary(g => g.Year,
            g => (IReadOnlyCollection<string>)g.Members.Where(m => m.MunicipalityCode is not null).Select(m => m.MunicipalityCode!).ToList());

    public static async Task<ProgrammeFacts?> LoadAsync(AppDbContext db, int id, CancellationToken ct = default)
    {
        var programme = await db.Programmes.AsNoTracking().AsSplitQuery()
            .Include(p => p.Regions)
            .Include(p => p.Partners).ThenInclude(p => p.Library)
            .Include(p => p.Offerings).ThenInclude(o => o.Enrolments)
            .Include(p => p.ReferenceGroups).ThenInclude(g => g.Members).ThenInclude(m => m.Library)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null) return null;
        var counties = programme.Regions.Select(r => r.CountyCode).ToArray();
        var region = await db.Municipalities.AsNoTracking().Where(m => counties.Contains(m.CountyCode))
            .OrderBy(m => m.Code).Select(m => new RegionMunicipality(m.Code, m.Name, m.Population, m.Population2019)).ToListAsync(ct);
        return new ProgrammeFacts(programme, region);
    }
}
