using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Agreements;

/// <summary>
/// The coordinator's overview: every agreement the user may read with its next follow-up, overdue ones
/// first, and a renewal flag for those ending within 90 days; exported as CSV and XLSX.
/// </summary>
[Authorize]
public class IndexModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public record Row(int Id, string Title, string? RegistryNumber, string County, string Parties, AgreementStatus Status,
        DateOnly ValidFrom, DateOnly ValidTo, int Version, DateOnly? NextFollowUp, int Overdue, bool EndsSoon);

    public List<Row> Rows { get; private set; } = [];
    public bool CanCreate { get; private set; }
    /// <summary>"forsenade" (a follow-up overdue), "avstamning" (a follow-up within 30 days), "upphor" (ends within 90 days) or "utkast" (not signed).</summary>
    [BindProperty(SupportsGet = true)] public string? Visa { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lan { get; set; }

    public async Task OnGetAsync()
    {
        CanCreate = AgreementRules.CanCreate(user.Scope);
        Rows = await LoadAsync();
    }

    public async Task<IActionResult> OnGetCsvAsync() => Export.Csv(Table(await LoadAsync()), "overenskommelser");
    public async Task<IActionResult> OnGetXlsxAsync() => Export.Xlsx(Table(await LoadAsync()), "overenskommelser", "Överenskommelser");

    private async Task<List<Row>> LoadAsync()
    {
        var today = SwedishTimeZone.Today(clock);
        var list = await (await AgreementRules.ReadableAsync(db, user.Scope)).AsNoTracking().AsSplitQuery()
            .Include(a => a.County).Include(a => a.Parties).Include(a => a.FollowUps).ToListAsync();
        return list.Where(a => (string.IsNullOrWhiteSpace(Lan) || a.CountyCode == Lan) && AgreementRules.Shows(Visa, a, today)).Select(a => new Row(a.Id, a.Title, a.RegistryNumber, a.County!.Name,
                string.Join(", ", a.Parties.OrderBy(p => p.SortOrder).Select(p => p.Name)), AgreementRules.StatusOn(a, today),
                a.ValidFrom, a.ValidTo, a.VersionNumber, AgreementRules.NextFollowUp(a)?.DueOn,
                a.FollowUps.Count(f => AgreementRules.IsOverdue(a, f, today)), AgreementRules.EndsSoon(a, today)))
            // Overdue first (the most overdue on top), then by the next follow-up, then drafts and the rest by title.
            .OrderByDescending(r => r.Overdue > 0).ThenBy(r => r.NextFollowUp ?? DateOnly.MaxValue).ThenBy(r => r.Title, SwedishText.Order)
            .ThenBy(r => r.Version)
            .ToList();
    }

    private static ExportTable Table(List<Row> rows) => new(
        ["Id", "Rubrik", "Diarienummer", "Region", "Parter", "Status", "Gäller från", "Gäller till", "Version", "Nästa avstämning", "Försenade avstämningar", "Upphör inom 90 dagar"],
        rows.Select(r => new object?[]
        {
            r.Id, r.Title, r.RegistryNumber, r.County, r.Parties, AgreementRules.Label(r.Status), r.ValidFrom.ToString("yyyy-MM-dd"),
            r.ValidTo.ToString("yyyy-MM-dd"), r.Version, r.NextFollowUp?.ToString("yyyy-MM-dd"), r.Overdue, r.EndsSoon ? "Ja" : "Nej",
        }));
}
