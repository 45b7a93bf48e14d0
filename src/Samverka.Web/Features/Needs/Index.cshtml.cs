using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Engagement;

namespace Samverka.Web.Features.Needs;

/// <summary>
/// The needs the user may see (national and their regions'), most supported first, and the priority rounds. Filters the
/// start page links to: ?lan= (one region's needs and rounds), ?visa=utan-svar (needs nothing answers yet) and
/// ?omgangar=pagaende (rounds not closed).
/// </summary>
[Authorize]
public class IndexModel(AppDbContext db, CurrentUser user) : PageModel
{
    public record Row(int Id, string Title, string? Theme, NeedSource Source, string? County, int Supporters, int Answers);
    public record RoundRow(int Id, string Title, string? Period, string Regions, bool Closed);

    public List<Row> Needs { get; private set; } = [];
    public List<RoundRow> Rounds { get; private set; } = [];
    public bool MayCreateRound { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Lan { get; set; }
    [BindProperty(SupportsGet = true)] public string? Visa { get; set; }
    [BindProperty(SupportsGet = true)] public string? Omgangar { get; set; }
    public const string Unanswered = "utan-svar", OpenRounds = "pagaende";

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
        var needs = await NeedRules.ListedAsync(db, user.Scope, Lan, Visa == Unanswered);
        Needs = await needs.OrderByDescending(n => n.Supporters.Count).ThenBy(n => n.Title)
            .Select(n => new Row(n.Id, n.Title, n.Theme!.Name, n.Source, n.County!.Name, n.Supporters.Count,
                n.Activities.Count + n.Offerings.Count + n.Agreements.Count + n.PlanActions.Count))
            .ToListAsync();
        var rounds = await (await NeedRules.RoundsListedAsync(db, user.Scope, Lan, Omgangar == OpenRounds))
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new { r.Id, r.Title, r.Period, Regions = r.Regions.Select(x => x.County!.Name).ToList(), Closed = r.ClosedAt != null })
            .ToListAsync();
        Rounds = [.. rounds.Select(r => new RoundRow(r.Id, r.Title, r.Period, string.Join(", ", r.Regions.Order(SwedishText.OrderIgnoringCase)), r.Closed))];
        MayCreateRound = user.Scope.IsAdmin || user.Scope.Counties.Count > 0;
    }
}
