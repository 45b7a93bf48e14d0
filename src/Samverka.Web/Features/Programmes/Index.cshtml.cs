using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes;

public class IndexModel(AppDbContext db, CurrentUser user) : PageModel
{
    public record Row(int Id, string Name, DateOnly StartDate, DateOnly EndDate, string Regions, int Offerings);
    public List<Row> Rows { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync()
    {
        CanCreate = ProgrammeRules.CanCreateProgramme(user.Scope);
        var rows = await db.Programmes.AsNoTracking().OrderByDescending(p => p.StartDate).ThenBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.StartDate, p.EndDate, Regions = p.Regions.OrderBy(r => r.County!.Name).Select(r => r.County!.Name).ToList(), Offerings = p.Offerings.Count })
            .ToListAsync();
        Rows = rows.Select(r => new Row(r.Id, r.Name, r.StartDate, r.EndDate, string.Join(", ", r.Regions), r.Offerings)).ToList();
    }
}
