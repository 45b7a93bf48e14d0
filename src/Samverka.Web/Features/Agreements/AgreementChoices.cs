using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Themes;
using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Agreements;

/// <summary>What _AgreementFields needs: the form and the choices within the regions the user manages.</summary>
public record AgreementFieldsModel(AgreementForm Form, IReadOnlyList<County> Counties, IReadOnlyList<(int Id, string Name)> Programmes,
    IReadOnlyList<(int Id, string Name)> Libraries, IReadOnlyList<(string Code, string Name)> Municipalities, IReadOnlyList<Theme> Themes);

public static class AgreementChoices
{
    public static async Task<AgreementFieldsModel> FieldsAsync(AppDbContext db, UserScope scope, AgreementForm form)
    {
        var all = scope.IsAdmin || scope.IsSystem;
        var counties = scope.Counties.ToArray();
        var countyList = await db.Counties.AsNoTracking().Where(c => all || counties.Contains(c.Code)).OrderBy(c => c.Name).ToListAsync();
        var codes = countyList.Select(c => c.Code).ToArray();
        var programmes = await db.Programmes.AsNoTracking().Where(p => all || p.Regions.Any(r => codes.Contains(r.CountyCode)))
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync();
        var libraries = await db.Libraries.AsNoTracking().Where(l => l.IsActive && codes.Contains(l.Municipality!.CountyCode))
            .OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => codes.Contains(m.CountyCode))
            .OrderBy(m => m.Name).Select(m => new { m.Code, m.Name }).ToListAsync();
        var themes = await db.Themes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync();
        return new(form, countyList, programmes.Select(p => (p.Id, p.Name)).ToList(), libraries.Select(l => (l.Id, l.Name)).ToList(),
            municipalities.Select(m => (m.Code, m.Name)).ToList(), themes);
    }
}
