using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Activities;

[Authorize]
public class CreateModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    [BindProperty] public ActivityForm Input { get; set; } = new();
    public ActivityFieldsModel Fields { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ActivityRules.CanCreateAny(user.Scope)) return Forbid();
        if (user.Scope.Counties.Count == 1) Input.CountyCode = user.Scope.Counties.First();
        Input.Capacity = "30";
        Fields = await ActivityFieldsModel.LoadAsync(db, user.Scope, Input);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ActivityRules.CanCreateAny(user.Scope)) return Forbid();
        var (valid, errors) = await Input.ValidateAsync(db, user.Scope);
        if (valid is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Fields = await ActivityFieldsModel.LoadAsync(db, user.Scope, Input);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = time.GetUtcNow();
        var activity = new Activity { Title = valid.Title, CountyCode = valid.CountyCode, Uid = Guid.NewGuid(), CreatedAt = now };
        Input.Apply(valid, activity, now);
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Aktiviteten {activity.Title} är skapad.";
        return Redirect($"/aktiviteter/{activity.Id}");
    }
}
