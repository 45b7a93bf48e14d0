using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes;

[Authorize]
public class EditModel(AppDbContext db, CurrentUser user) : PageModel, IVersionedForm
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public ProgrammeForm Input { get; set; } = new();
    /// <summary>The programme's xmin when the form was loaded: a save from a stale form is refused.</summary>
    [BindProperty] public uint? Version { get; set; }
    public ProgrammeFieldsModel Fields { get; private set; } = null!;
    public string CurrentName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var programme = await LoadAsync(tracked: false);
        if (programme is null) return NotFound();
        if (!MayEdit(programme)) return Forbid();
        Input = ProgrammeForm.From(programme);
        Version = programme.Version;
        return await Show(programme);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var programme = await LoadAsync(tracked: true);
        if (programme is null) return NotFound();
        if (!MayEdit(programme)) return Forbid();
        var (valid, errors) = await Input.ValidateAsync(db, user.Scope);
        if (valid is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show(programme);
        }
        OptimisticConcurrency.Expect(db, programme, Version);
        Input.Apply(valid, programme);
        if (!await OptimisticConcurrency.TrySaveAsync(db))
        {
            // Someone saved first: nothing stored, the user's input kept.
            var theirs = await LoadAsync(tracked: false);
            if (theirs is null) return NotFound();
            this.RefuseStale($"Någon annan har ändrat {theirs.Name} medan du redigerade, så ingenting sparades. Kontrollera uppgifterna och spara igen.", theirs.Version);
            return await Show(theirs);
        }
        TempData["Notice"] = $"Ändringarna i {programme.Name} har sparats.";
        return Redirect($"/program/{programme.Id}");
    }

    private bool MayEdit(Programme p) => ProgrammeRules.CanEditProgramme(user.Scope, p.Regions.Select(r => r.CountyCode).ToList());

    private Task<Programme?> LoadAsync(bool tracked)
    {
        var query = db.Programmes.AsSplitQuery().Include(p => p.Regions).Include(p => p.Funding).Include(p => p.Partners).AsQueryable();
        if (!tracked) query = query.AsNoTracking();
        return query.FirstOrDefaultAsync(p => p.Id == Id);
    }

    private async Task<IActionResult> Show(Programme programme)
    {
        CurrentName = programme.Name;
        Fields = await ProgrammeChoices.FieldsAsync(db, user.Scope, Input.WithBlankRows(), programme);
        return Page();
    }
}
