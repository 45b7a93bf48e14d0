using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Activities;

/// <summary>An activity: sessions, seats, "add to calendar", and registration for oneself or (managers) one's staff.</summary>
public class DetailsModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    public record RegistrationRow(int Id, string PersonName, string LibraryName, RegistrationStatus Status, int? Position, bool Mine);

    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? PersonId { get; set; }
    [BindProperty] public int RegistrationId { get; set; }
    public Activity Activity { get; private set; } = null!;
    public int Confirmed { get; private set; }
    public int Waiting { get; private set; }
    public bool CanManage { get; private set; }
    public string? WindowClosed { get; private set; }
    public Person? Self { get; private set; }
    /// <summary>Registrations the user may see and cancel: their own and (managers) their staff's.</summary>
    public List<RegistrationRow> Visible { get; private set; } = [];
    public List<Person> Staff { get; private set; } = [];
    public bool Ended { get; private set; }
    public bool AttendedSelf { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>"Lägg till i kalender": this activity's sessions as an .ics file.</summary>
    public async Task<IActionResult> OnGetIcsAsync()
    {
        var a = await ActivityRules.LoadAsync(db, user.Scope, Id);
        if (a is null) return NotFound();
        return File(ICalendar.Write([a], a.Title, PublicUrl.Base(Request), time.GetUtcNow()), ICalendar.ContentType, $"aktivitet-{a.Id}.ics");
    }

    public async Task<IActionResult> OnPostRegisterAsync()
    {
        if (!user.Scope.IsSignedIn) return Challenge();
        if (!await LoadAsync()) return NotFound();
        Person? person;
        if (string.IsNullOrWhiteSpace(PersonId)) person = Self;
        else person = int.TryParse(PersonId, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? await db.People.AsNoTracking().Include(p => p.Library).FirstOrDefaultAsync(p => p.Id == pid) : null;
        // A person the user may not read is answered like one that does not exist (404), as everywhere in Samverka.
        if (person is null && !string.IsNullOrWhiteSpace(PersonId)) return NotFound();
        if (person is null)
            return await RefuseAsync("Ditt konto är inte kopplat till en person i katalogen, så det går inte att anmäla dig. Kontakta din bibliotekschef.", 400);
        // A manager registers only their own staff; staff only themselves.
        if (!ActivityRules.CanRegister(user.Scope, person)) return Forbid();
        var result = await Registrations.RegisterAsync(db, Id, person, user.Scope.Email, time.GetUtcNow(), PublicUrl.Base(Request));
        if (!result.Ok) return await RefuseAsync(result.Error!, result.Status);
        await ActivityStatistics.ChangedAsync(HttpContext);
        TempData["Notice"] = result.Registration!.Status == RegistrationStatus.Confirmed
            ? $"{person.Name} är anmäld. En bekräftelse med kalenderfil skickas med e-post."
            : $"Aktiviteten är fullbokad. {person.Name} står på reservlistan som nummer {result.WaitingPosition}.";
        return Redirect($"/aktiviteter/{Id}");
    }

    public async Task<IActionResult> OnPostCancelRegistrationAsync()
    {
        if (!user.Scope.IsSignedIn) return Challenge();
        if (!await LoadAsync()) return NotFound();
        var r = await db.ActivityRegistrations.AsNoTracking().Include(x => x.Person).ThenInclude(p => p!.Library)
            .FirstOrDefaultAsync(x => x.Id == RegistrationId && x.ActivityId == Id);
        if (r?.Person is null) return NotFound(); // someone the user may not see in the directory
        if (!CanManage && !ActivityRules.CanRegister(user.Scope, r.Person!)) return Forbid();
        var result = await Registrations.CancelAsync(db, r.Id, time.GetUtcNow(), PublicUrl.Base(Request));
        if (!result.Ok) return await RefuseAsync(result.Error!, result.Status);
        await ActivityStatistics.ChangedAsync(HttpContext);
        TempData["Notice"] = $"Anmälan för {r.Person!.Name} är avbokad."
            + (result.Promoted is { Count: > 0 } p ? $" Platsen gick till {string.Join(", ", p.Select(x => x.Person!.Name))} från reservlistan." : "");
        return Redirect($"/aktiviteter/{Id}");
    }

    private async Task<IActionResult> RefuseAsync(string message, int status)
    {
        ModelState.AddModelError("", message);
        await LoadAsync();
        Response.StatusCode = status;
        return Page();
    }


    private async Task<bool> LoadAsync()
    {
        var a = await ActivityRules.LoadAsync(db, user.Scope, Id);
        if (a is null) return false;
        Activity = a;
        var now = time.GetUtcNow();
        (Confirmed, Waiting) = await Seats.CountAsync(db, Id);
        CanManage = user.Scope.IsSignedIn && ActivityRules.CanManage(user.Scope, a);
        WindowClosed = Registrations.WindowError(a, now);
        Ended = a.Sessions.Count > 0 && Registrations.End(a) <= now;
        if (!user.Scope.IsSignedIn) return true;
        Self = await ActivityRules.SelfAsync(db, user.Scope);
        var municipalities = user.Scope.Municipalities.ToArray();
        var selfId = Self?.Id ?? 0;
        var rows = await db.ActivityRegistrations.AsNoTracking()
            .Where(r => r.ActivityId == Id && r.Status != RegistrationStatus.Cancelled
                && (r.PersonId == selfId || municipalities.Contains(r.Person!.Library!.MunicipalityCode)))
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.PersonId, r.Person!.Name, Library = r.Person.Library!.Name, r.Status, r.CreatedAt,
                Attended = r.Attendance.Any(x => x.Attended) })
            .ToListAsync();
        var waitingOrder = await Seats.WaitingOrderAsync(db, Id);
        Visible = rows.Select(r => new RegistrationRow(r.Id, r.Name, r.Library, r.Status,
            Seats.Position(waitingOrder, r.Id, r.Status), r.PersonId == selfId)).ToList();
        AttendedSelf = rows.Any(r => r.PersonId == selfId && r.Attended);
        Staff = user.Scope.Municipalities.Count > 0 || user.Scope.IsAdmin ? await ActivityRules.RegistrableStaffAsync(db, user.Scope) : [];
        return true;
    }
}
