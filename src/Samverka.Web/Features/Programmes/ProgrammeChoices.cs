using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes;

/// <summary>The counties and libraries the programme form offers: those the user works in, plus what the programme already has.</summary>
public static class ProgrammeChoices
{
    public static async Task<ProgrammeFieldsModel> FieldsAsync(AppDbContext db, UserScope scope, ProgrammeForm form, Programme? existing = null)
    {
        var ownRegions = existing?.Regions.Select(r => r.CountyCode).ToArray() ?? [];
        var ownPartners = existing?.Partners.Select(p => p.LibraryId).ToArray() ?? [];
        var all = scope.IsAdmin || scope.IsSystem;
        var counties = scope.Counties.ToArray();
        var countyList = await db.Counties.AsNoTracking().Where(c => all || counties.Contains(c.Code) || ownRegions.Contains(c.Code))
            .OrderBy(c => c.Name).ToListAsync();
        var libraries = await db.Libraries.AsNoTracking()
            .Where(l => (l.IsActive && (all || counties.Contains(l.Municipality!.CountyCode) || ownRegions.Contains(l.Municipality!.CountyCode))) || ownPartners.Contains(l.Id))
            .OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync();
        return new(form, countyList, libraries.Select(l => (l.Id, l.Name)).ToList());
    }
}
