using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Engagement;

namespace Samverka.Web.Features.Needs;

/// <summary>The needs the user may see (national and their regions'), most supported first, and the priority rounds.</summary>
[Authorize]
public class IndexModel(AppDbContext db, CurrentUser user) : PageModel
{
    public record Row(int Id, string Title, string? Theme, NeedSource Source, string? County, int Supporters, int Answers);
    public record RoundRow(int Id, string Title, string? Period, string Regions, bool Closed);

    public List<Row> Needs { get; private set; } = [];
    public List<RoundRow> Rounds { get; private set; } = [];
    public bool MayCreateRound { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync();
        return Export.Csv(Table(), "behov");
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        await LoadAsync();
        return Export.Xlsx(Table(), "behov", "Behov");
    }

    private ExportTable Table() => new(["Id", "Rubrik", "Tema", "Källa", "Region", "Stöds av", "Kopplade svar"],
        Needs.Select(n => new object?[] { n.Id, n.Title, n.Theme, NeedRules.SourceLabel(n.Source), n.County ?? "Nationellt", n.Supporters, n.Answers }));

    private async Task LoadAsync()
    {
        var visible = await NeedRules.VisibleNeedsAsync(db, user.Scope);
        Needs = await visible.AsNoTracking().Where(n => n.MergedIntoId == null)
            .OrderByDescending(n => n.Supporters.Count).ThenBy(n => n.Title)
            .Select(n => new Row(n.Id, n.Title, n.Theme!.Name, n.Source, n.County!.Name, n.Supporters.Count, n.Activities.Count + n.Offerings.Count))
            .ToListAsync();
        var regions = (await NeedRules.RegionsOfAsync(db, user.Scope)).ToArray();
        var rounds = await db.PriorityRounds.AsNoTracking()
            .Where(r => user.Scope.ReadsEverything || r.Regions.Any(x => regions.Contains(x.CountyCode)))
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new { r.Id, r.Title, r.Period, Regions = r.Regions.Select(x => x.County!.Name).ToList(), Closed = r.ClosedAt != null })
            .ToListAsync();
        Rounds = [.. rounds.Select(r => new RoundRow(r.Id, r.Title, r.Period, string.Join(", ", r.Regions.Order(SwedishText.OrderIgnoringCase)), r.Closed))];
        MayCreateRound = user.Scope.IsAdmin || user.Scope.Counties.Count > 0;
    }
}
