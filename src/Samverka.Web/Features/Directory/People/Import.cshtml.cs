using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory.Libraries;

namespace Samverka.Web.Features.Directory.People;

[Authorize(Policy = Policies.DirectoryEditor)]
[RequestSizeLimit(CsvImportReader.MaxBytes + 64 * 1024)]
public class ImportModel(AppDbContext db, CurrentUser user) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public ImportResult? Result { get; private set; }

    public void OnGet() { }

    public IActionResult OnGetTemplate() => Export.Csv(new ExportTable([.. PersonImport.Columns.Keys],
        [["Exempel Exempelsson", "exempel@exempel.se", "1280", "Malmö stadsbibliotek", "Bibliotekarie"]]), "personer-mall");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var bytes = await UploadedBytes.ReadAsync(Upload, ModelState, ct);
        if (bytes is not null)
        {
            Result = await PersonImport.ImportAsync(db, bytes, user.Scope, ct);
            if (Result.Succeeded)
            {
                TempData["Notice"] = $"Importen är klar: {Result.Created:N0} nya, {Result.Updated:N0} uppdaterade och {Result.Unchanged:N0} oförändrade personer.";
                return Redirect("/personer/import");
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
