using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Shared;
using Samverka.Web.Features.Directory.Libraries;

namespace Samverka.Web.Features.Directory.People;

public class EditModel(AppDbContext db, CurrentUser user) : PageModel, IVersionedForm
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public PersonForm Input { get; set; } = new();
    /// <summary>The row's xmin when the form was loaded; carried in a hidden field to detect a save from a stale form.</summary>
    [BindProperty] public uint? Version { get; set; }
    /// <summary>Set when a save was refused because someone else saved first.</summary>
    public ConflictView? Conflict { get; private set; }
    public PersonFieldsModel Fields { get; private set; } = null!;
    public string CurrentName { get; private set; } = "";
    public bool IsActive { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Denied() is { } denied) return denied;
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id);
        if (person is null) return NotFound();
        Input = PersonForm.From(person);
        Version = person.Version;
        await Prepare(person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Denied() is { } denied) return denied;
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == Id);
        if (person is null) return NotFound();
        var input = Input.ToInput();
        var errors = await PersonRules.ValidateAsync(db, input, Id);
        // Moving someone to another library is a write there too.
        if (!errors.ContainsKey(nameof(input.LibraryId)) && await DirectoryAccess.PeopleInLibraryDeniedAsync(db, user.Scope, input.LibraryId) is { } outside)
            errors[nameof(input.LibraryId)] = outside;
        if (errors.Count == 0)
        {
            OptimisticConcurrency.Expect(db, person, Version);
            PersonValidation.Apply(input, person);
            person.UpdatedAt = DateTimeOffset.UtcNow;
            var save = await OptimisticConcurrency.SaveAsync(db, () => PersonSaving.TrySaveAsync(db, input, errors));
            if (save.Stale) return await RefuseStale(input);
            if (save.Value) return Show(person, $"Ändringarna för {person.Name} har sparats.");
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
        if (await Denied() is { } denied) return denied;
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == Id);
        if (person is null) return NotFound();
        OptimisticConcurrency.Expect(db, person, Version);
        person.IsActive = active;
        person.UpdatedAt = DateTimeOffset.UtcNow;
        if (!await OptimisticConcurrency.TrySaveAsync(db)) return await RefuseStale(null);
        return Show(person, active ? $"{person.Name} är aktiverad igen." : $"{person.Name} är avaktiverad.");
    }

    /// <summary>
    /// Someone else saved since the form was loaded: store nothing, show both versions, and let the
    /// form carry the new version so that saving again is a deliberate choice. A refused (de)activation
    /// (<paramref name="yours"/> null) shows the stored values, since it had nothing of the user's to keep.
    /// </summary>
    private async Task<IActionResult> RefuseStale(PersonInput? yours)
    {
        var theirs = await db.People.AsNoTracking().Include(p => p.Library).FirstOrDefaultAsync(p => p.Id == Id);
        if (theirs is null) return NotFound();
        if (yours is not null)
        {
            var yourLibrary = await db.Libraries.AsNoTracking().Where(l => l.Id == yours.LibraryId).Select(l => l.Name).FirstOrDefaultAsync();
            Conflict = new("Personen: sparad version och din version",
            [
                new("Namn", theirs.Name, yours.Name?.Trim()),
                new("E-post", theirs.Email, PersonValidation.NormaliseEmail(yours.Email)),
                new("Organisation", theirs.Library!.Name, yourLibrary),
                new("Roll eller titel", theirs.RoleTitle, LibraryValidation.Clean(yours.RoleTitle)),
            ]);
            this.RefuseStale($"Någon annan har ändrat uppgifterna om {theirs.Name} medan du redigerade. Jämför och spara igen.", theirs.Version);
        }
        else
        {
            Input = PersonForm.From(theirs);
            this.RefuseStale($"Någon annan har ändrat uppgifterna om {theirs.Name} medan du hade sidan öppen, så ingenting sparades. Kontrollera uppgifterna och försök igen.", theirs.Version);
        }
        await Prepare(theirs);
        return Page();
    }

    /// <summary>
    /// 404 for someone the user may not read (a 403 would confirm the id exists), 403 for someone
    /// they may read but not change; null when they may edit.
    /// </summary>
    private async Task<IActionResult?> Denied()
    {
        var p = await DirectoryAccess.VisiblePeople(db.People.AsNoTracking(), user.Scope).Where(p => p.Id == Id)
            .Select(p => new { p.Library!.MunicipalityCode, p.Library.Municipality!.CountyCode }).FirstOrDefaultAsync();
        if (p is null) return NotFound();
        return DirectoryAccess.CanEditPerson(user.Scope, p.MunicipalityCode, p.CountyCode) ? null : Forbid();
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
        Fields = await PersonFieldsModel.LoadAsync(db, Input, user.Scope, person.LibraryId);
    }
}
