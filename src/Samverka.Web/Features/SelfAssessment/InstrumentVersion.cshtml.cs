using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>
/// An administrator writes an instrument: a new version (copy of <c>id</c>, edited) or, for a
/// version no round uses yet, a change in place. An instrument in use is never changed (here and
/// by the trigger in 0007).
/// </summary>
[Authorize]
public class InstrumentVersionModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    [BindProperty] public InstrumentForm Input { get; set; } = new();
    public AssessmentInstrument Source { get; private set; } = null!;
    /// <summary>True on /redigera (InstrumentEdit.cshtml): change in place; false on /ny-version.</summary>
    public bool InPlace { get; private set; }
    public bool Refused { get; private set; }
    public string Title => InPlace ? $"Redigera version {Source.VersionNumber}" : $"Ny version utifrån version {Source.VersionNumber}";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var problem = await LoadAsync(id);
        if (problem is not null) return problem;
        Input = InstrumentForm.From(Source).WithBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var problem = await LoadAsync(id);
        if (problem is not null) return problem;
        var (items, errors) = Input.Validate();
        if (items is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
            Input.WithBlankRows();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var newItems = items.Select((x, i) => new AssessmentItem { SortOrder = i + 1, CompetenceCode = x.Code, Text = x.Text }).ToList();
        AssessmentInstrument target;
        if (InPlace)
        {
            target = await db.AssessmentInstruments.Include(i => i.Items).FirstAsync(i => i.Id == id);
            target.Name = Input.Name!.Trim();
            db.AssessmentItems.RemoveRange(target.Items);
            await db.SaveChangesAsync(); // sort orders are unique per instrument: the old rows go first
            target.Items.AddRange(newItems);
        }
        else
        {
            var next = await db.AssessmentInstruments.MaxAsync(i => i.VersionNumber) + 1;
            target = new AssessmentInstrument { Name = Input.Name!.Trim(), VersionNumber = next, BasedOnId = id, CreatedAt = time.GetUtcNow(), Items = newItems };
            db.AssessmentInstruments.Add(target);
        }
        await db.SaveChangesAsync();
        TempData["Notice"] = InPlace ? $"Version {target.VersionNumber} är ändrad." : $"Version {target.VersionNumber} är skapad.";
        return Redirect("/sjalvskattning/instrument");
    }

    public const string InUseMessage = "Instrumentet används i en mätomgång och kan inte ändras. Skapa en ny version i stället.";

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (!AssessmentRules.CanEditInstruments(user.Scope)) return Forbid();
        var source = await db.AssessmentInstruments.AsNoTracking().Include(i => i.Items).FirstOrDefaultAsync(i => i.Id == id);
        if (source is null) return NotFound();
        Source = source;
        InPlace = Request.Path.Value?.EndsWith("/redigera", StringComparison.Ordinal) == true;
        if (InPlace && await db.AssessmentRounds.AnyAsync(r => r.InstrumentId == id))
        {
            ModelState.AddModelError("", InUseMessage);
            Refused = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return null;
    }
}
