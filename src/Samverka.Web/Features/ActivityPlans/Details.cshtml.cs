using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

[Authorize]
public class DetailsModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public PlanReading Reading { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var reading = await PlanReading.ReadAsync(db, user.Scope, Id, clock.GetUtcNow());
        if (reading is null) return NotFound();
        Reading = reading;
        return Page();
    }

    public Task<IActionResult> OnGetActionsCsvAsync() => ExportAsync(r => Export.Csv(PlanExports.Actions(r), $"aktiviteter-plan-{Id}"));
    public Task<IActionResult> OnGetActionsXlsxAsync() => ExportAsync(r => Export.Xlsx(PlanExports.Actions(r), $"aktiviteter-plan-{Id}", "Aktiviteter"));
    public Task<IActionResult> OnGetOutcomesCsvAsync() => ExportAsync(r => Export.Csv(PlanExports.Outcomes(r), $"utfall-plan-{Id}"));
    public Task<IActionResult> OnGetOutcomesXlsxAsync() => ExportAsync(r => Export.Xlsx(PlanExports.Outcomes(r), $"utfall-plan-{Id}", "Utfall"));

    private async Task<IActionResult> ExportAsync(Func<PlanReading, IActionResult> file)
    {
        var reading = await PlanReading.ReadAsync(db, user.Scope, Id, clock.GetUtcNow());
        return reading is null ? NotFound() : file(reading);
    }
}
