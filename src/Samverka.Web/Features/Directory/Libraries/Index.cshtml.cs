using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.Libraries;

[OutputCache(PolicyName = CachePolicies.Directory)]
public class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;
    public record Row(int Id, string Name, LibraryKind Kind, string MunicipalityCode, string MunicipalityName, string CountyName,
        string? StreetAddress, string? PostalCode, string? City, string? Email, string? Website, bool IsActive, string? Sigel);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public LibraryKind? Typ { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kommun { get; set; }
    [BindProperty(SupportsGet = true)] public bool Inaktiva { get; set; }
    [BindProperty(SupportsGet = true)] public int Sida { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        var query = Filtered();
        Total = await query.CountAsync();
        Sida = Math.Clamp(Sida, 1, Pages);
        Rows = await Project(query.OrderBy(l => l.Name).ThenBy(l => l.Id).Skip((Sida - 1) * PageSize).Take(PageSize)).ToListAsync();
    }

    public async Task<IActionResult> OnGetCsvAsync() => Export.Csv(Table(await All()), "bibliotek");
    public async Task<IActionResult> OnGetXlsxAsync() => Export.Xlsx(Table(await All()), "bibliotek", "Bibliotek");

    public string Link(string? handler, int? page)
    {
        var q = new Dictionary<string, string?>();
        if (handler is not null) q["handler"] = handler;
        if (!string.IsNullOrEmpty(Q)) q["q"] = Q;
        if (Typ is not null) q["typ"] = Typ.ToString();
        if (!string.IsNullOrEmpty(Kommun)) q["kommun"] = Kommun;
        if (Inaktiva) q["inaktiva"] = "true";
        if (page is not null) q["sida"] = page.ToString();
        return QueryHelpers.AddQueryString("/bibliotek", q);
    }

    private IQueryable<Library> Filtered()
    {
        ModelState.Clear(); // a malformed filter (e.g. typ=xyz) just means "no filter"
        var query = DirectorySearch.Libraries(db.Libraries.AsNoTracking(), Q);
        if (!Inaktiva) query = query.Where(l => l.IsActive);
        if (Typ is not null) query = query.Where(l => l.Kind == Typ);
        if (!string.IsNullOrWhiteSpace(Kommun)) query = query.Where(l => l.MunicipalityCode == Kommun.Trim());
        return query;
    }

    private static IQueryable<Row> Project(IQueryable<Library> q) => q.Select(l => new Row(l.Id, l.Name, l.Kind, l.MunicipalityCode,
        l.Municipality!.Name, l.Municipality.County!.Name, l.StreetAddress, l.PostalCode, l.City, l.Email, l.Website, l.IsActive, l.Sigel));

    private Task<List<Row>> All() => Project(Filtered().OrderBy(l => l.Name).ThenBy(l => l.Id)).ToListAsync();

    /// <summary>Same columns as the import file, so an export can be edited and imported again.</summary>
    private static ExportTable Table(List<Row> rows) => new(LibraryCsv.Columns,
        rows.Select(l => new object?[] { l.Name, l.Kind.Label(), l.MunicipalityCode, l.StreetAddress, l.PostalCode, l.City, l.Email, l.Website, l.Sigel,
            l.MunicipalityName, l.CountyName, l.IsActive ? "aktivt" : "avaktiverat" }));
}
