using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Catalog;
using Samverka.Web.Data;

namespace Samverka.Web.Pages.People;

public class EditModel(AppDbContext db) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public PersonForm Input { get; set; } = new();
    public PersonFieldsModel Fields { get; private set; } = null!;
    public string CurrentName { get; private set; } = "";
    public bool IsActive { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id);
        if (person is null) return NotFound();
        Input = PersonForm.From(person);
        await Prepare(person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == Id);
        if (person is null) return NotFound();
        var input = Input.ToInput();
        var errors = await PersonRules.ValidateAsync(db, input, Id);
        if (errors.Count == 0)
        {
            PersonValidation.Apply(input, person);
            person.UpdatedAt = DateTimeOffset.UtcNow;
            if (await PersonSaving.TrySaveAsync(db, input, errors))
                return Show(person, $"Ändringarna för {person.Name} har sparats.");
            person = await db.People.AsNoTracking().FirstAsync(p => p.Id == Id);
        }
        foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
        await Prepare(person);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync() => SetActive(false);
    public Task<IActionResult> OnPostActivateAsync() => SetActive(true);

    /// <summary>Deactivates rather than deletes: the person stays in history.</summary>
    private async Task<IActionResult> SetActive(bool active)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == Id);
        if (person is null) return NotFound();
        person.IsActive = active;
        person.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
        return Show(person, active ? $"{person.Name} är aktiverad igen." : $"{person.Name} är avaktiverad.");
    }

    private RedirectResult Show(Person person, string notice)
    {
        TempData["Notice"] = notice;
        return Redirect($"/personer/{person.Id}");
    }

    /// <param name="person">As stored: the heading keeps the saved name while the form shows what was typed.</param>
    private async Task Prepare(Person person)
    {
        CurrentName = person.Name;
        IsActive = person.IsActive;
        Fields = await PersonFieldsModel.LoadAsync(db, Input, person.LibraryId);
    }
}
