using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes;

[Authorize]
public class OfferingCreateModel(AppDbContext db, CurrentUser user) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public OfferingForm Input { get; set; } = new();
    public OfferingFieldsModel Fields { get; private set; } = null!;
    public Programme Programme { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        Fields = await OfferingChoices.FieldsAsync(db, Programme, Input.WithBlankRows());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        var (valid, errors) = await Input.ValidateAsync(db, Programme, null);
        if (valid is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Fields = await OfferingChoices.FieldsAsync(db, Programme, Input.WithBlankRows());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var order = await db.Offerings.Where(o => o.ProgrammeId == Id).Select(o => (int?)o.SortOrder).MaxAsync() ?? 0;
        var offering = new Offering { ProgrammeId = Id, Name = valid.Name, SortOrder = order + 1 };
        Input.Apply(valid, offering);
        db.Offerings.Add(offering);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Paketet {offering.Name} är skapat.";
        return Redirect($"/program/{Id}/erbjudanden/{offering.Id}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var programme = await db.Programmes.AsNoTracking().Include(p => p.Regions).FirstOrDefaultAsync(p => p.Id == Id);
        if (programme is null) return NotFound();
        if (!ProgrammeRules.CanEditProgramme(user.Scope, programme.Regions.Select(r => r.CountyCode).ToList())) return Forbid();
        Programme = programme;
        return null;
    }
}
