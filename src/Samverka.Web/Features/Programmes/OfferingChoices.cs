using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Programmes;

/// <summary>The counties and municipalities the offering form offers: those of the programme's regions.</summary>
public static class OfferingChoices
{
    public static async Task<OfferingFieldsModel> FieldsAsync(AppDbContext db, Programme programme, OfferingForm form)
    {
        var regions = programme.Regions.Select(r => r.CountyCode).ToArray();
        var counties = await db.Counties.AsNoTracking().Where(c => regions.Contains(c.Code)).OrderBy(c => c.Name).ToListAsync();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => regions.Contains(m.CountyCode)).OrderBy(m => m.Name).ToListAsync();
        return new(form, counties, municipalities);
    }
}
