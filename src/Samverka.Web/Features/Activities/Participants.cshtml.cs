using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Activities;

/// <summary>The organiser's list: confirmed and waiting registrations, and a printable check-in list per session.</summary>
[Authorize]
public class ParticipantsModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    public record Row(int Id, string Name, string Email, string Library, string Municipality, RegistrationStatus Status, DateTimeOffset CreatedAt, bool? Attended);

    [FromRoute] public int Id { get; set; }
    /// <summary>The session whose check-in list is shown and marked.</summary>
    [BindProperty(SupportsGet = true)] public int? Tillfalle { get; set; }
    /// <summary>Posted: registration id → "1" attended, "0" absent.</summary>
    [BindProperty] public Dictionary<int, string> Marks { get; set; } = [];
    public Activity Activity { get; private set; } = null!;
    public ActivitySession Session { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        var confirmed = Rows.Where(r => r.Status == RegistrationStatus.Confirmed).Select(r => r.Id).ToHashSet();
        if (Marks.Keys.Any(k => !confirmed.Contains(k)) || Marks.Values.Any(v => v is not ("1" or "0")))
        {
            ModelState.AddModelError("", "Närvaron kunde inte sparas: listan innehöll en okänd deltagare eller ett ogiltigt val. Ladda om sidan och försök igen.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = time.GetUtcNow();
        var existing = await db.SessionAttendance.Where(x => x.SessionId == Session.Id).ToDictionaryAsync(x => x.RegistrationId);
        var newlyAttended = new List<int>();
        foreach (var (registrationId, mark) in Marks)
        {
            if (!existing.TryGetValue(registrationId, out var row))
                db.SessionAttendance.Add(row = new SessionAttendance { RegistrationId = registrationId, SessionId = Session.Id });
            if (mark == "1" && !row.Attended) newlyAttended.Add(registrationId);
            row.Attended = mark == "1";
            row.MarkedAt = now;
        }
        // Marking the last session is when the activity is over for its attendees: invite them, in this
        // transaction, to the anonymous evaluation and to their certificate (no scheduled job needed).
        if (Session.Id == LastSessionId) await InviteToEvaluationAsync(newlyAttended, now);
        await db.SaveChangesAsync();
        await ActivityStatistics.ChangedAsync(HttpContext);
        TempData["Notice"] = $"Närvaron för {Registrations.SessionText(Session)} är sparad.";
        return Redirect($"/aktiviteter/{Id}/deltagare?tillfalle={Session.Id}");
    }

    private int LastSessionId => Activity.Sessions.OrderBy(s => s.Date).ThenBy(s => s.StartTime).Last().Id;

    private async Task InviteToEvaluationAsync(List<int> registrationIds, DateTimeOffset now)
    {
        if (registrationIds.Count == 0) return;
        var people = await db.ActivityRegistrations.IgnoreQueryFilters()
            .Where(r => registrationIds.Contains(r.Id) && !r.Evaluated)
            .Select(r => new { r.Person!.Name, r.Person.Email }).ToListAsync();
        var site = PublicUrl.Base(Request).TrimEnd('/');
        foreach (var p in people)
            Outbox.Enqueue(db, p.Email, $"Tack för att du deltog: {Activity.Title}",
                $"Hej {p.Name}!\n\nTack för att du deltog i {Activity.Title}.\n\n" +
                $"Berätta gärna vad du tyckte. Utvärderingen tar ett par minuter och sparas utan ditt namn:\n{site}/aktiviteter/{Id}/utvardering\n\n" +
                $"Ditt intyg om deltagande kan du skriva ut här:\n{site}/aktiviteter/{Id}/intyg\n\n" +
                "Du behöver logga in i Samverka för att öppna länkarna.\n", now);
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var a = await ActivityRules.LoadAsync(db, user.Scope, Id);
        if (a is null) return NotFound();
        if (!ActivityRules.CanManage(user.Scope, a)) return Forbid();
        Activity = a;
        var sessions = a.Sessions.OrderBy(s => s.Date).ThenBy(s => s.StartTime).ToList();
        Session = sessions.FirstOrDefault(s => s.Id == Tillfalle) ?? sessions.First();
        var sessionId = Session.Id;
        // The organiser sees the people registered for their activity, whatever their library (IgnoreQueryFilters: the
        // people filter would hide staff of other organisations, whose registration the organiser must still see).
        Rows = await db.ActivityRegistrations.AsNoTracking().IgnoreQueryFilters()
            .Where(r => r.ActivityId == Id && r.Status != RegistrationStatus.Cancelled)
            .OrderBy(r => r.Status).ThenBy(r => r.Id)
            .Select(r => new Row(r.Id, r.Person!.Name, r.Person.Email, r.Person.Library!.Name, r.Person.Library.Municipality!.Name, r.Status, r.CreatedAt,
                r.Attendance.Where(x => x.SessionId == sessionId).Select(x => (bool?)x.Attended).FirstOrDefault()))
            .ToListAsync();
        return null;
    }
}
