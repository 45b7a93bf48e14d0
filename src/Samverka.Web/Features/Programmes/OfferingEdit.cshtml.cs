using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes;

[Authorize]
public class OfferingEditModel(AppDbContext db, CurrentUser user) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int OfferingId { get; set; }
    [BindProperty] public OfferingForm Input { get; set; } = new();
    public OfferingFieldsModel Fields { get; private set; } = null!;
    public Programme Programme { get; private set; } = null!;
    public string CurrentName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var offering = await LoadAsync();
        if (offering is null) return NotFound();
        if (!MayEdit()) return Forbid();
        Input = OfferingForm.From(offering);
        CurrentName = offering.Name;
        Fields = await OfferingChoices.FieldsAsync(db, Programme, Input.WithBlankRows());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var offering = await LoadAsync();
        if (offering is null) return NotFound();
        if (!MayEdit()) return Forbid();
        CurrentName = offering.Name;
        var (valid, errors) = await Input.ValidateAsync(db, Programme, OfferingId);
        if (valid is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Fields = await OfferingChoices.FieldsAsync(db, Programme, Input.WithBlankRows());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Input.Apply(valid, offering);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Ändringarna i {offering.Name} har sparats.";
        return Redirect($"/program/{Id}/erbjudanden/{OfferingId}");
    }

    private bool MayEdit() => ProgrammeRules.CanEditProgramme(user.Scope, Programme.Regions.Select(r => r.CountyCode).ToList());

    private async Task<Offering?> LoadAsync()
    {
        var programme = await db.Programmes.AsNoTracking().Include(p => p.Regions).FirstOrDefaultAsync(p => p.Id == Id);
        if (programme is null) return null;
        Programme = programme;
        return await db.Offerings.Include(o => o.Exceptions).FirstOrDefaultAsync(o => o.Id == OfferingId && o.ProgrammeId == Id);
    }
}
