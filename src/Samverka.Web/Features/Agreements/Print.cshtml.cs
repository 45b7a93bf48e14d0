using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Agreements;

/// <summary>The agreement alone, for printing (site.css hides the site's header and footer in print).</summary>
[Authorize]
public class PrintModel(AppDbContext db, CurrentUser user) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public Agreement Agreement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await AgreementLoader.LoadAsync(db, user.Scope, Id, tracked: false) is not { } a) return NotFound();
        Agreement = a;
        return Page();
    }
}
