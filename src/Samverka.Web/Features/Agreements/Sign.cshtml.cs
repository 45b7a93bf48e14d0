using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory.People;

namespace Samverka.Web.Features.Agreements;

/// <summary>Records the signing: place and date (seed 000: Malmö 2018-12-06) and, per party, who signed and their title.</summary>
[Authorize]
public class SignModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel, IVersionedForm
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? SignedOn { get; set; }
    [BindProperty] public List<SignatureRow> Signatures { get; set; } = [];
    [BindProperty] public uint? Version { get; set; }
    public Agreement Agreement { get; private set; } = null!;

    public class SignatureRow
    {
        public string? Name { get; set; }
        public string? Title { get; set; }
        public string? SignedFor { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Check(tracked: false) is { } refused) return refused;
        Signatures = Agreement.Parties.OrderBy(p => p.SortOrder).Select(p => new SignatureRow { SignedFor = $"För {p.Name}" }).ToList();
        Version = Agreement.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Check(tracked: true) is { } refused) return refused;
        var parties = Agreement.Parties.OrderBy(p => p.SortOrder).ToList();
        while (Signatures.Count < parties.Count) Signatures.Add(new SignatureRow());
        var place = Place?.Trim() ?? "";
        if (place.Length == 0) ModelState.AddModelError(nameof(Place), "Ange orten där överenskommelsen undertecknades, till exempel Malmö.");
        else if (place.Length > 100) ModelState.AddModelError(nameof(Place), "Orten får vara högst 100 tecken.");
        var errors = new Dictionary<string, string>();
        var date = AgreementValidation.ParseDate(SignedOn, nameof(SignedOn), "datum för underskriften", errors);
        var today = SwedishTimeZone.Today(clock);
        if (date is { } d && d > today) errors[nameof(SignedOn)] = "Underskriftsdatumet kan inte ligga i framtiden.";
        else if (date is { } d2 && d2 > Agreement.ValidTo) errors[nameof(SignedOn)] = $"Underskriftsdatumet ligger efter periodens slut {Agreement.ValidTo:yyyy-MM-dd}.";
        foreach (var (k, v) in errors) ModelState.AddModelError(k, v);
        for (var i = 0; i < parties.Count; i++)
        {
            var row = Signatures[i];
            if (string.IsNullOrWhiteSpace(row.Name)) ModelState.AddModelError($"Signatures[{i}].Name", $"Ange vem som undertecknade för {parties[i].Name}.");
            else if (row.Name.Trim().Length > 200 || (row.Title?.Trim().Length ?? 0) > 200 || (row.SignedFor?.Trim().Length ?? 0) > 200)
                ModelState.AddModelError($"Signatures[{i}].Name", $"Uppgifterna för {parties[i].Name} får vara högst 200 tecken var.");
            else if (PersonValidation.ContainsPersonalIdentityNumber($"{row.Name} {row.Title} {row.SignedFor}"))
                ModelState.AddModelError($"Signatures[{i}].Name", PersonValidation.PersonalIdentityNumberMessage);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        OptimisticConcurrency.Expect(db, Agreement, Version);
        Agreement.SignedPlace = place;
        Agreement.SignedOn = date;
        Agreement.UpdatedAt = clock.GetUtcNow();
        for (var i = 0; i < parties.Count; i++)
        {
            parties[i].SignatoryName = Signatures[i].Name!.Trim();
            parties[i].SignatoryTitle = string.IsNullOrWhiteSpace(Signatures[i].Title) ? null : Signatures[i].Title!.Trim();
            parties[i].SignedFor = string.IsNullOrWhiteSpace(Signatures[i].SignedFor) ? $"För {parties[i].Name}" : Signatures[i].SignedFor!.Trim();
        }
        if (!await OptimisticConcurrency.TrySaveAsync(db))
        {
            this.RefuseStale("Någon annan har ändrat överenskommelsen medan du fyllde i underskrifterna, så ingenting sparades. Öppna sidan igen.", storedVersion: null);
            return Page();
        }
        TempData["Notice"] = "Underskrifterna är registrerade. Överenskommelsen kan inte längre redigeras, bara ändras genom en ny version.";
        return Redirect($"/overenskommelser/{Id}");
    }

    private async Task<IActionResult?> Check(bool tracked)
    {
        if (await AgreementLoader.LoadAsync(db, user.Scope, Id, tracked) is not { } a) return NotFound();
        Agreement = a;
        if (!AgreementRules.CanManage(user.Scope, a.CountyCode)) return Forbid();
        if (!AgreementRules.IsEditable(a))
        {
            TempData["Notice"] = "Överenskommelsen är redan undertecknad.";
            return Redirect($"/overenskommelser/{Id}");
        }
        return null;
    }
}
