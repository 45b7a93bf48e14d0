using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samverka.Web.Features.Accounts;

/// <summary>
/// Reached by the redirect after a Forbid, or re-executed in place by ScopeViolationHandler (then
/// possibly for a form post, whose antiforgery token belonged to the refused form).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
    public void OnPost() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
