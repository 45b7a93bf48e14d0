using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes;

[Authorize]
public class CreateModel(AppDbContext db, CurrentUser user) : PageModel
{
    [BindProperty] public ProgrammeForm Input { get; set; } = new();
    public ProgrammeFieldsModel Fields { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ProgrammeRules.CanCreateProgramme(user.Scope)) return Forbid();
        // A coordinator's own region is the likely choice.
        if (user.Scope.Counties.Count == 1) Input.Regions = [.. user.Scope.Counties];
        Fields = await ProgrammeChoices.FieldsAsync(db, user.Scope, Input.WithBlankRows());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ProgrammeRules.CanCreateProgramme(user.Scope)) return Forbid();
        var (valid, errors) = await Input.ValidateAsync(db, user.Scope);
        if (valid is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Fields = await ProgrammeChoices.FieldsAsync(db, user.Scope, Input.WithBlankRows());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var programme = new Programme { Name = valid.Name, CreatedAt = DateTimeOffset.UtcNow };
        Input.Apply(valid, programme);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Programmet {programme.Name} är skapat.";
        return Redirect($"/program/{programme.Id}");
    }
}
