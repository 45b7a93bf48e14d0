using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Activities;

/// <summary>Certificate of attendance (intyg): a printable page and a PDF for an attendee, from the sessions marked attended.</summary>
[Authorize]
public class CertificateModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    [FromRoute] public int Id { get; set; }
    /// <summary>The organiser may print the certificate of one of their participants.</summary>
    [BindProperty(SupportsGet = true)] public int? Anmalan { get; set; }
    public Activity Activity { get; private set; } = null!;
    public string PersonName { get; private set; } = "";
    public string LibraryName { get; private set; } = "";
    public List<ActivitySession> Attended { get; private set; } = [];
    public double Hours { get; private set; }
    public DateOnly Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    /// <summary>The same certificate as a tagged PDF, refused as the page is.</summary>
    public async Task<IActionResult> OnGetPdfAsync() => await LoadAsync()
        ?? File(Pdf.Build(CertificateContent.Title(this), CertificateContent.Outline(this), PublicUrl.Base(Request), PersonName), Pdf.ContentType, CertificateContent.FileName(this));

    /// <summary>Loads the certificate; null when it may be shown, else the refusal (404, or 403 for someone else's).</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        var a = await ActivityRules.LoadAsync(db, user.Scope, Id);
        if (a is null) return NotFound();
        Activity = a;
        var query = db.ActivityRegistrations.AsNoTracking().IgnoreQueryFilters()
            .Where(r => r.ActivityId == Id && r.Status == RegistrationStatus.Confirmed);
        if (Anmalan is int rid)
        {
            if (!ActivityRules.CanManage(user.Scope, a)) return Forbid();
            query = query.Where(r => r.Id == rid);
        }
        else
        {
            var self = await ActivityRules.SelfAsync(db, user.Scope);
            if (self is null) return NotFound();
            query = query.Where(r => r.PersonId == self.Id);
        }
        var reg = await query.Select(r => new { r.Person!.Name, Library = r.Person.Library!.Name, Sessions = r.Attendance.Where(x => x.Attended).Select(x => x.SessionId).ToList() })
            .FirstOrDefaultAsync();
        if (reg is null || reg.Sessions.Count == 0) return NotFound();
        PersonName = reg.Name;
        LibraryName = reg.Library;
        Attended = a.Sessions.Where(s => reg.Sessions.Contains(s.Id)).OrderBy(s => s.Date).ThenBy(s => s.StartTime).ToList();
        Hours = Attended.Sum(s => (s.EndTime - s.StartTime).TotalHours);
        Issued = SwedishTimeZone.Today(time.GetUtcNow());
        return null;
    }

    public string HoursText => Hours.ToString("0.#", CultureInfo.GetCultureInfo("sv-SE"));
}
