using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.Libraries;

[RequestSizeLimit(CsvImportReader.MaxBytes + 64 * 1024)]
public class ImportModel(AppDbContext db, IOutputCacheStore cache, CurrentUser user) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public ImportResult? Result { get; private set; }

    public void OnGet() { }

    public IActionResult OnGetTemplate() => Export.Csv(new ExportTable([.. LibraryImport.Columns.Keys],
        [["Exempelbibliotek", "Folkbibliotek", "1280", "Exempelgatan 1", "211 46", "Malmö", "bibliotek@exempel.se", "https://exempel.se"]]), "bibliotek-mall");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var bytes = await UploadedBytes.ReadAsync(Upload, ModelState, ct);
        if (bytes is null) return BadRequestPage();
        Result = await LibraryImport.ImportAsync(db, bytes, user.Scope, ct);
        if (!Result.Succeeded) return BadRequestPage();
        await cache.EvictByTagAsync(CachePolicies.Directory, ct);
        TempData["Notice"] = $"Importen är klar: {Result.Created:N0} nya, {Result.Updated:N0} uppdaterade och {Result.Unchanged:N0} oförändrade bibliotek.";
        return Redirect("/bibliotek/import");
    }

    private PageResult BadRequestPage()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
