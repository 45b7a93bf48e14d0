using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory.People;

namespace Samverka.Web.Features.Agreements;

/// <summary>Records a follow-up: the date (inside the period, not in the future), participants, notes, decisions and each area's progress.</summary>
[Authorize]
public class FollowUpModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int FollowUpId { get; set; }
    [BindProperty] public string? HeldOn { get; set; }
    [BindProperty] public string? Participants { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public string? Decisions { get; set; }
    /// <summary>Area id → "Yes", "Partly" or "No".</summary>
    [BindProperty] public Dictionary<int, string> Progress { get; set; } = [];
    public Agreement Agreement { get; private set; } = null!;
    public AgreementFollowUp FollowUp { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Check(tracked: false) is { } refused) return refused;
        HeldOn = FollowUp.HeldOn?.ToString("yyyy-MM-dd");
        Participants = FollowUp.Participants;
        Notes = FollowUp.Notes;
        Decisions = FollowUp.Decisions;
        Progress = FollowUp.Progress.ToDictionary(p => p.CooperationAreaId, p => p.Progress.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Check(tracked: true) is { } refused) return refused;
        var errors = new Dictionary<string, string>();
        var held = AgreementValidation.ParseDate(HeldOn, nameof(HeldOn), "datum för avstämningen", errors);
        if (held is { } h && (h < Agreement.ValidFrom || h > Agreement.ValidTo))
            errors[nameof(HeldOn)] = $"Avstämningen måste ligga inom överenskommelsens period {Agreement.ValidFrom:yyyy-MM-dd} – {Agreement.ValidTo:yyyy-MM-dd}.";
        else if (held is { } h2 && h2 > SwedishTimeZone.Today(clock)) errors[nameof(HeldOn)] = "En avstämning kan inte antecknas i förväg. Ange dagen den hölls.";
        if (string.IsNullOrWhiteSpace(Participants)) errors[nameof(Participants)] = "Ange vilka som deltog.";
        if (PersonValidation.ContainsPersonalIdentityNumber($"{Participants} {Notes} {Decisions}")) errors[nameof(Notes)] = PersonValidation.PersonalIdentityNumberMessage;
        var progress = new List<FollowUpAreaProgress>();
        foreach (var area in Agreement.Areas.OrderBy(x => x.SortOrder))
        {
            if (Progress.TryGetValue(area.Id, out var value) && Enum.TryParse<AreaProgress>(value, out var p) && Enum.IsDefined(p))
                progress.Add(new FollowUpAreaProgress { CooperationAreaId = area.Id, Progress = p });
            else errors[$"Progress[{area.Id}]"] = $"Ange om samverkansområde {area.SortOrder + 1} har kommit framåt.";
        }
        if (errors.Count > 0)
        {
            foreach (var (k, v) in errors) ModelState.AddModelError(k, v);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        FollowUp.HeldOn = held;
        FollowUp.Participants = Participants!.Trim();
        FollowUp.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        FollowUp.Decisions = string.IsNullOrWhiteSpace(Decisions) ? null : Decisions.Trim();
        FollowUp.Progress.Clear();
        FollowUp.Progress.AddRange(progress);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Avstämningen {held:yyyy-MM-dd} är antecknad.";
        return Redirect($"/overenskommelser/{Id}#follow-ups");
    }

    private async Task<IActionResult?> Check(bool tracked)
    {
        if (await AgreementLoader.LoadAsync(db, user.Scope, Id, tracked) is not { } a) return NotFound();
        if (a.FollowUps.FirstOrDefault(f => f.Id == FollowUpId) is not { } f) return NotFound();
        Agreement = a;
        FollowUp = f;
        if (!AgreementRules.CanManage(user.Scope, a.CountyCode)) return Forbid();
        if (a.SignedOn is null || a.TerminatedOn is not null)
        {
            TempData["Notice"] = "Avstämningar antecknas bara för undertecknade överenskommelser som inte är uppsagda.";
            return Redirect($"/overenskommelser/{Id}");
        }
        return null;
    }
}
