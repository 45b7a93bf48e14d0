using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// The yearly report (verksamhetsberättelse) in seed 004's structure, as a print page, a DOCX and a PDF. Only for those who
/// see the whole plan: a cooperating region sees the shared areas on the plan page, not the region's report.
/// </summary>
[Authorize]
public class ReportModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int Year { get; set; }
    public PlanReading Reading { get; private set; } = null!;
    public PlanFigureSet Figures => Reading.Figures[Year];
    public ReachMap.Map Map => ReachMap.For(Figures, Reading.Plan.County!.Name, Year);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync()
    {
        if (!await LoadAsync()) return NotFound();
        return File(PlanReportDocx.Build(Reading, Year, PublicUrl.Base(Request)), PlanReportDocx.ContentType, PlanReportContent.FileName(Reading, Year, "docx"));
    }

    /// <summary>The same report as a tagged PDF, from the same content as the DOCX.</summary>
    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (!await LoadAsync()) return NotFound();
        return File(Pdf.Build(PlanReportContent.Title(Reading, Year), PlanReportContent.Outline(Reading, Year), PublicUrl.Base(Request)),
            Pdf.ContentType, PlanReportContent.FileName(Reading, Year, "pdf"));
    }

    private async Task<bool> LoadAsync()
    {
        var reading = await PlanReading.ReadAsync(db, user.Scope, Id, clock.GetUtcNow(), HttpContext.RequestAborted, year: Year);
        if (reading is null || reading.View != PlanView.Full || !reading.Figures.ContainsKey(Year)) return false;
        Reading = reading;
        return true;
    }
}
