using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Agreements;

/// <summary>
/// The agreement alone, for printing (site.css hides the site's header and footer in print); the same as a PDF to
/// file is the agreement page's ?handler=Pdf.
/// </summary>
[Authorize]
public class PrintModel(AppDbContext db, CurrentUser user) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public Agreement Agreement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    private async Task<bool> LoadAsync()
    {
        if (await AgreementLoader.LoadAsync(db, user.Scope, Id, tracked: false) is not { } a) return false;
        Agreement = a;
        return true;
    }
}
