using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory.People;

namespace Samverka.Web.Features.Agreements;

/// <summary>
/// A specific project agreement under an agreement (seeds: "särskilda avtal där insatsernas mål, syften,
/// finansiering och genomföranden tydligt formuleras") and the region's activities it funds.
/// </summary>
[Authorize]
public class ProjectCreateModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Goals { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? FundingAmount { get; set; }
    [BindProperty] public string? FundingSource { get; set; }
    [BindProperty] public string? FundingYear { get; set; }
    [BindProperty] public string? Implementation { get; set; }
    [BindProperty] public List<int> ActivityIds { get; set; } = [];
    public Agreement Agreement { get; private set; } = null!;
    public List<(int Id, string Title)> Activities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await Check() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Check() is { } refused) return refused;
        var title = Title?.Trim() ?? "";
        if (title.Length == 0) ModelState.AddModelError(nameof(Title), "Ange projektavtalets rubrik.");
        else if (title.Length > 300) ModelState.AddModelError(nameof(Title), "Rubriken får vara högst 300 tecken.");
        long? amount = null;
        var amountText = new string((FundingAmount ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace("kr", "", StringComparison.OrdinalIgnoreCase);
        if (amountText.Length > 0)
        {
            if (long.TryParse(amountText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var a) && a >= 0) amount = a;
            else ModelState.AddModelError(nameof(FundingAmount), "Ange beloppet i hela kronor, till exempel 50 000. Det kan inte vara negativt.");
        }
        int? year = null;
        if (!string.IsNullOrWhiteSpace(FundingYear))
        {
            if (int.TryParse(FundingYear.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= Agreement.ValidFrom.Year && y <= Agreement.ValidTo.Year) year = y;
            else ModelState.AddModelError(nameof(FundingYear), $"Ange finansieringsåret som ett år inom överenskommelsens period {Agreement.ValidFrom.Year}–{Agreement.ValidTo.Year}.");
        }
        if ((FundingSource?.Trim().Length ?? 0) > 200) ModelState.AddModelError(nameof(FundingSource), "Finansiären får vara högst 200 tecken.");
        if (ActivityIds.Except(Activities.Select(x => x.Id)).Any()) ModelState.AddModelError(nameof(ActivityIds), "Välj aktiviteter i regionens lista.");
        if (PersonValidation.ContainsPersonalIdentityNumber($"{title} {Goals} {Purpose} {FundingSource} {Implementation}"))
            ModelState.AddModelError(nameof(Goals), PersonValidation.PersonalIdentityNumberMessage);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        db.ProjectAgreements.Add(new ProjectAgreement
        {
            AgreementId = Agreement.Id, Title = title, Goals = Clean(Goals), Purpose = Clean(Purpose), FundingAmountSek = amount,
            FundingSource = Clean(FundingSource), FundingYear = year, Implementation = Clean(Implementation), CreatedAt = clock.GetUtcNow(),
            Activities = ActivityIds.Distinct().Select(x => new ProjectAgreementActivity { ActivityId = x }).ToList(),
        });
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Projektavtalet {title} har sparats.";
        return Redirect($"/overenskommelser/{Id}");
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task<IActionResult?> Check()
    {
        if (await AgreementLoader.LoadAsync(db, user.Scope, Id, tracked: false) is not { } a) return NotFound();
        Agreement = a;
        if (!AgreementRules.CanManage(user.Scope, a.CountyCode)) return Forbid();
        var list = await db.Activities.AsNoTracking().Where(x => x.CountyCode == a.CountyCode).OrderBy(x => x.Title).Select(x => new { x.Id, x.Title }).ToListAsync();
        Activities = list.Select(x => (x.Id, x.Title)).ToList();
        return null;
    }
}
