using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Themes;
using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Activities;

/// <summary>The public calendar: upcoming activities with filters, paged.</summary>
public class IndexModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    public const int PageSize = 25;
    public record Row(int Id, string Title, ActivityKind Kind, ActivityStatus Status, string CountyName, DateOnly FirstDate, TimeOnly FirstStart,
        int SessionCount, string? Place, bool Online, int Capacity, int Confirmed, string? Organiser);

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Lan { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int? Tema { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Typ { get; set; }
    /// <summary>ÅÅÅÅ-MM.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Manad { get; set; }
    /// <summary>"plats" or "distans".</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Form { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Ledigt { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Tidigare { get; set; }
    /// <summary>Only activities with people on the waiting list.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Reservlista { get; set; }
    /// <summary>Only activities I (or, for a manager, my staff) am registered to.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Anmald { get; set; }
    /// <summary>Only activities with a session within this many days from today.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int? Dagar { get; set; }
    /// <summary>Only activities with a held session whose attendance is not marked for every participant.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Narvaro { get; set; }
    /// <summary>Only ended activities I attended and have not evaluated yet.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Utvardera { get; set; }
    /// <summary>Only activities I attended (each has my certificate).</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Intyg { get; set; }
    /// <summary>Only activities with a theme that a need recorded for their region names.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Behov { get; set; }
    /// <summary>Only activities I organise with evaluation answers I have not read.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public bool Olasta { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int Sida { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<County> Counties { get; private set; } = [];
    public List<Theme> Themes { get; private set; } = [];
    public string? MonthError { get; private set; }
    public bool CanCreate => ActivityRules.CanCreateAny(user.Scope);

    public async Task OnGetAsync()
    {
        Counties = await db.Counties.AsNoTracking().OrderBy(c => c.Name).ToListAsync();
        Themes = await db.Themes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync();
        var today = SwedishTimeZone.Today(time.GetUtcNow());
        if (Dagar is < 1 or > 3660) Dagar = null;
        var q = ActivityRules.Calendar(db, user.Scope, new CalendarFilter(Lan, Ledigt, Reservlista, Anmald, Dagar,
            Tidigare || Narvaro || Utvardera || Intyg || Olasta, Narvaro, Utvardera, Intyg, Behov, Olasta), today);
        if (Tema is int theme) q = q.Where(a => a.Themes.Any(t => t.ThemeId == theme));
        if (Enum.TryParse<ActivityKind>(Typ, out var kind)) q = q.Where(a => a.Kind == kind);
        if (!string.IsNullOrWhiteSpace(Manad))
        {
            if (DateOnly.TryParseExact(Manad.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                var next = first.AddMonths(1);
                q = q.Where(a => a.Sessions.Any(s => s.Date >= first && s.Date < next));
            }
            else MonthError = "Ange månaden som ÅÅÅÅ-MM, till exempel 2026-03.";
        }
        if (Form == "plats") q = q.Where(a => a.Place != null);
        if (Form == "distans") q = q.Where(a => a.OnlineUrl != null);
        Total = await q.CountAsync();
        Sida = Math.Clamp(Sida, 1, Pages);
        Rows = await q.OrderBy(a => a.Sessions.Min(s => s.Date)).ThenBy(a => a.Id)
            .Skip((Sida - 1) * PageSize).Take(PageSize)
            .Select(a => new Row(a.Id, a.Title, a.Kind, a.Status, a.County!.Name,
                a.Sessions.Min(s => s.Date), a.Sessions.OrderBy(s => s.Date).ThenBy(s => s.StartTime).Select(s => s.StartTime).First(),
                a.Sessions.Count, a.Place, a.OnlineUrl != null, a.Capacity,
                db.ActivityRegistrations.Count(r => r.ActivityId == a.Id && r.Status == RegistrationStatus.Confirmed),
                a.OrganiserLibrary != null ? a.OrganiserLibrary.Name : null))
            .ToListAsync();
    }

    public string Link(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["lan"] = Lan, ["tema"] = Tema?.ToString(CultureInfo.InvariantCulture), ["typ"] = Typ, ["manad"] = Manad, ["form"] = Form,
            ["ledigt"] = Ledigt ? "true" : null, ["tidigare"] = Tidigare ? "true" : null,
            ["reservlista"] = Reservlista ? "true" : null, ["anmald"] = Anmald ? "true" : null, ["dagar"] = Dagar?.ToString(CultureInfo.InvariantCulture),
            ["narvaro"] = Narvaro ? "true" : null, ["utvardera"] = Utvardera ? "true" : null, ["intyg"] = Intyg ? "true" : null, ["behov"] = Behov ? "true" : null, ["olasta"] = Olasta ? "true" : null, ["sida"] = page.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/aktiviteter", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
