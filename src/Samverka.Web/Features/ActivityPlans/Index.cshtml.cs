using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

[Authorize]
public class IndexModel(AppDbContext db, CurrentUser user) : PageModel
{
    public sealed record Row(int Id, string Title, string Region, DateOnly Start, DateOnly End, bool Own);
    public IReadOnlyList<Row> Plans { get; private set; } = [];
    public IReadOnlyList<NationalArea> National { get; private set; } = [];
    public bool ShowNational { get; private set; }
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync()
    {
        var home = await ActivityPlanAccess.HomeCountiesAsync(db, user.Scope);
        Plans = await ActivityPlanAccess.Visible(db.ActivityPlans.AsNoTracking(), user.Scope, home)
            .OrderByDescending(p => p.StartDate).ThenBy(p => p.County!.Name)
            .Select(p => new Row(p.Id, p.Title, p.County!.RegionalBody, p.StartDate, p.EndDate, home.Contains(p.CountyCode)))
            .ToListAsync();
        CanCreate = ActivityPlanAccess.CanCreate(user.Scope);
        ShowNational = user.Scope.ReadsEverything;
        if (ShowNational) National = await NationalSummary.ComputeAsync(db);
    }
}
