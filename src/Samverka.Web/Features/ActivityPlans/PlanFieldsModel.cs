using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>What _PlanFields needs: the form and the counties the user may keep plans for.</summary>
public record PlanFieldsModel(PlanForm Form, IReadOnlyList<County> Counties)
{
    public static async Task<List<County>> EditableCountiesAsync(AppDbContext db, UserScope s)
    {
        var mine = s.Counties.ToArray();
        var all = s.IsSystem || s.IsAdmin;
        return await db.Counties.AsNoTracking().Where(c => all || mine.Contains(c.Code)).OrderBy(c => c.Name).ToListAsync();
    }
}
