using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Agreements;

/// <summary>
/// The agreement alone, for printing (site.css hides the site's header and footer in print), and as a PDF to file
/// (?handler=Pdf here: the agreement page's ?handler=Pdf is the signed copy someone uploaded).
/// </summary>
[Authorize]
public class PrintModel(AppDbContext db, CurrentUser user) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public Agreement Agreement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>The agreement as a tagged PDF in the seeds' layout, from the same content as the Word file.</summary>
    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (!await LoadAsync()) return NotFound();
        return File(Pdf.Build(Agreement.Title, AgreementContent.Outline(Agreement), PublicUrl.Base(Request), "Överenskommelse"),
            Pdf.ContentType, AgreementContent.FileName(Agreement, "pdf"));
    }

    private async Task<bool> LoadAsync()
    {
        if (await AgreementLoader.LoadAsync(db, user.Scope, Id, tracked: false) is not { } a) return false;
        Agreement = a;
        return true;
    }
}
