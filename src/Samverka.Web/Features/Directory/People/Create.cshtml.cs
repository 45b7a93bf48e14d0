using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.People;

public class CreateModel(AppDbContext db, CurrentUser user) : PageModel
{
    [BindProperty] public PersonForm Input { get; set; } = new();
    public PersonFieldsModel Fields { get; private set; } = null!;

    /// <param name="bibliotek">Preselects a library, e.g. when coming from a library's page.</param>
    public async Task OnGetAsync(string? bibliotek)
    {
        ModelState.Clear(); // a malformed ?bibliotek= just means "nothing preselected"
        Input.LibraryId = bibliotek;
        Fields = await PersonFieldsModel.LoadAsync(db, Input, user.Scope);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input.ToInput();
        var errors = await PersonRules.ValidateAsync(db, input, null);
        if (!errors.ContainsKey(nameof(input.LibraryId)) && await DirectoryAccess.PeopleInLibraryDeniedAsync(db, user.Scope, input.LibraryId) is { } outside)
            errors[nameof(input.LibraryId)] = outside;
        if (errors.Count == 0)
        {
            var now = DateTimeOffset.UtcNow;
            var person = new Person { Name = "", Email = "", CreatedAt = now, UpdatedAt = now };
            PersonValidation.Apply(input, person);
            db.People.Add(person);
            if (await PersonSaving.TrySaveAsync(db, input, errors))
            {
                TempData["Notice"] = $"{person.Name} har sparats.";
                return Redirect($"/personer/{person.Id}");
            }
        }
        foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
        Fields = await PersonFieldsModel.LoadAsync(db, Input, user.Scope);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
