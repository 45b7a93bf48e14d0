using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.MyWork;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Home;

/// <summary>
/// The start page: for a visitor the search and the directory in figures; signed in, "Mitt arbete" (what needs
/// doing now for each of the person's roles, see <see cref="WorkItems"/>). Output caching skips signed-in requests.
/// </summary>
[OutputCache(PolicyName = CachePolicies.Directory)]
public class IndexModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public int Counties { get; private set; }
    public int Municipalities { get; private set; }
    public int Libraries { get; private set; }
    public long Population { get; private set; }
    public int PopulationYear { get; private set; }

    public bool SignedIn { get; private set; }
    public List<WorkGroup> Groups { get; private set; } = [];
    public bool IsNational { get; private set; }
    public List<RegionTable.Column> Columns { get; private set; } = [];
    public List<RegionTable.Row> Regions { get; private set; } = [];
    /// <summary>Column key to sort the national table by ("region" or an item key).</summary>
    [BindProperty(SupportsGet = true)] public string? Sortera { get; set; }
    /// <summary>"fallande" for descending.</summary>
    [BindProperty(SupportsGet = true)] public string? Ordning { get; set; }

    public async Task OnGetAsync()
    {
        var scope = user.Scope;
        SignedIn = scope.IsSignedIn;
        if (SignedIn)
        {
            var now = clock.GetUtcNow();
            Groups = await WorkItems.ForAsync(db, scope, now, HttpContext.RequestAborted);
            IsNational = scope.IsNational;
            if (IsNational)
                (Columns, Regions) = await RegionTable.LoadAsync(db, scope, now, Sortera, Ordning == "fallande", HttpContext.RequestAborted);
            return;
        }
        Counties = await db.Counties.CountAsync();
        Municipalities = await db.Municipalities.CountAsync();
        Libraries = await db.Libraries.CountAsync(l => l.IsActive);
        Population = await db.Municipalities.SumAsync(m => (long)m.Population);
        PopulationYear = await db.Municipalities.Select(m => m.PopulationYear).DefaultIfEmpty().MaxAsync();
    }

    /// <summary>The link that sorts by a column: ascending first, then toggles.</summary>
    public string SortLink(string key) =>
        $"/?sortera={Uri.EscapeDataString(key)}{(Sortera == key && Ordning != "fallande" ? "&ordning=fallande" : "")}#regioner";

    public string? AriaSort(string key) =>
        (Sortera ?? "region") == key ? (Ordning == "fallande" ? "descending" : "ascending") : null;
}
