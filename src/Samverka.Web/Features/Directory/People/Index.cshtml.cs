using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.People;

/// <summary>Signed-in only and deliberately not output-cached: the list is personal data.</summary>
public class IndexModel(AppDbContext db, CurrentUser user) : PageModel
{
    public const int PageSize = 50;
    public record Row(int Id, string Name, string Email, int LibraryId, string LibraryName, string MunicipalityCode, string? RoleTitle, bool IsActive);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? Bibliotek { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kommun { get; set; }
    [BindProperty(SupportsGet = true)] public bool Inaktiva { get; set; }
    [BindProperty(SupportsGet = true)] public int Sida { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public List<LibraryOption> Libraries { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        var query = Filtered();
        Total = await query.CountAsync();
        Sida = Math.Clamp(Sida, 1, Pages);
        Rows = await Project(Ordered(query).Skip((Sida - 1) * PageSize).Take(PageSize)).ToListAsync();
        Libraries = await LibraryOption.LoadAsync(db, Bibliotek);
    }

    public async Task<IActionResult> OnGetCsvAsync() => Export.Csv(Table(await All()), "personer");
    public async Task<IActionResult> OnGetXlsxAsync() => Export.Xlsx(Table(await All()), "personer", "Personer");

    public string Link(string? handler, int? page)
    {
        var q = new Dictionary<string, string?>();
        if (handler is not null) q["handler"] = handler;
        if (!string.IsNullOrEmpty(Q)) q["q"] = Q;
        if (Bibliotek is not null) q["bibliotek"] = Bibliotek.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(Kommun)) q["kommun"] = Kommun;
        if (Inaktiva) q["inaktiva"] = "true";
        if (page is not null) q["sida"] = page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/personer", q);
    }

    private IQueryable<Person> Filtered()
    {
        ModelState.Clear(); // a malformed filter (e.g. bibliotek=xyz) just means "no filter"
        var query = DirectorySearch.People(DirectoryAccess.VisiblePeople(db.People.AsNoTracking(), user.Scope), Q);
        if (!Inaktiva) query = query.Where(p => p.IsActive);
        if (Bibliotek is not null) query = query.Where(p => p.LibraryId == Bibliotek);
        if (!string.IsNullOrWhiteSpace(Kommun)) query = query.Where(p => p.Library!.MunicipalityCode == Kommun.Trim());
        return query;
    }

    private static IOrderedQueryable<Person> Ordered(IQueryable<Person> q) => q.OrderBy(p => p.Name).ThenBy(p => p.Id);

    private static IQueryable<Row> Project(IQueryable<Person> q) => q.Select(p => new Row(p.Id, p.Name, p.Email, p.LibraryId,
        p.Library!.Name, p.Library.MunicipalityCode, p.RoleTitle, p.IsActive));

    private Task<List<Row>> All() => Project(Ordered(Filtered())).ToListAsync();

    /// <summary>Same columns as the import file, so an export can be edited and imported again.</summary>
    private static ExportTable Table(List<Row> rows) => new(PersonCsv.Columns,
        rows.Select(p => new object?[] { p.Name, p.Email, p.MunicipalityCode, p.LibraryName, p.RoleTitle, p.IsActive ? "aktiv" : "avaktiverad" }));
}
