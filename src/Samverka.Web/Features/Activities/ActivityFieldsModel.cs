using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Themes;

namespace Samverka.Web.Features.Activities;

/// <summary>The form's values and the choices it offers (regions and libraries the user may organise for).</summary>
public sealed record ActivityFieldsModel(ActivityForm Form, List<County> Counties, List<County> AllCounties,
    List<(int Id, string Name)> OrganiserLibraries, List<(int Id, string Name)> AllLibraries, List<Theme> Themes,
    List<(int Id, string Name)> Programmes)
{
    public static async Task<ActivityFieldsModel> LoadAsync(AppDbContext db, UserScope s, ActivityForm form)
    {
        var all = await db.Counties.AsNoTracking().OrderBy(c => c.Name).ToListAsync();
        var managed = s.Municipalities.ToArray();
        var managerCounties = await db.Municipalities.Where(m => managed.Contains(m.Code)).Select(m => m.CountyCode).ToListAsync();
        var counties = s.IsAdmin || s.IsSystem ? all : all.Where(c => s.Counties.Contains(c.Code) || managerCounties.Contains(c.Code)).ToList();
        var organisers = await DirectoryAccess.EditableLibraries(db.Libraries.AsNoTracking(), s).Where(l => l.IsActive)
            .OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync();
        var libraries = await db.Libraries.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).Take(2000).ToListAsync();
        var themes = await db.Themes.AsNoTracking().Where(t => t.IsActive || form.Themes.Contains(t.Id)).OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync();
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync();
        return new(form.WithBlankRows(), counties, all, organisers.Select(l => (l.Id, l.Name)).ToList(),
            libraries.Select(l => (l.Id, l.Name)).ToList(), themes, programmes.Select(p => (p.Id, p.Name)).ToList());
    }
}
