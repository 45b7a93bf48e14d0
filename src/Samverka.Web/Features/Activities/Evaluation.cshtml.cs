using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory.People;

namespace Samverka.Web.Features.Activities;

/// <summary>
/// The anonymous evaluation: attendees answer once after the activity; the organiser sees the answers
/// aggregated, and with fewer than <see cref="MinAnswers"/> only their number (so no answer can be traced).
/// </summary>
[Authorize]
public class EvaluationModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    public const int MinAnswers = 5;

    [FromRoute] public int Id { get; set; }
    [BindProperty] public string? Rating { get; set; }
    [BindProperty] public string? Useful { get; set; }
    [BindProperty] public string? Comment { get; set; }
    public Activity Activity { get; private set; } = null!;
    public bool CanManage { get; private set; }
    /// <summary>The user's own registration when they may answer now.</summary>
    public ActivityRegistration? Answerable { get; private set; }
    public bool AlreadyAnswered { get; private set; }
    public int Count { get; private set; }
    public double Average { get; private set; }
    public int[] Distribution { get; private set; } = new int[5];
    public List<string> UsefulAnswers { get; private set; } = [];
    public List<string> Comments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        // The answers shown are now read by this organiser: the start page stops counting the activity until more arrive.
        // One statement, so two tabs or instances never fail on the key; the number only grows.
        if (CanManage && Count >= MinAnswers && user.Scope.UserId is string uid)
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO evaluation_reads (user_id, activity_id, answers_read, read_at) VALUES ({uid}, {Id}, {Count}, {time.GetUtcNow()})
                ON CONFLICT (user_id, activity_id) DO UPDATE
                SET answers_read = GREATEST(evaluation_reads.answers_read, excluded.answers_read), read_at = excluded.read_at
                """);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        if (Answerable is null) return Forbid();
        if (!int.TryParse(Rating, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) || rating is < 1 or > 5)
            ModelState.AddModelError(nameof(Rating), "Välj ett betyg från 1 till 5.");
        foreach (var (field, value) in new[] { (nameof(Useful), Useful), (nameof(Comment), Comment) })
        {
            if (value?.Length > 2000) ModelState.AddModelError(field, "Svaret får vara högst 2 000 tecken.");
            if (PersonValidation.ContainsPersonalIdentityNumber(value)) ModelState.AddModelError(field, "Texten ser ut att innehålla ett personnummer. Ta bort det.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = time.GetUtcNow();
        db.ActivityEvaluations.Add(new ActivityEvaluation
        {
            ActivityId = Id, Rating = rating, Useful = Clean(Useful), Comment = Clean(Comment), SubmittedOn = SwedishTimeZone.Today(now),
        });
        Answerable.Evaluated = true;
        await db.SaveChangesAsync();
        TempData["Notice"] = "Tack för ditt svar! Det sparas utan ditt namn.";
        return Redirect($"/aktiviteter/{Id}");
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task<IActionResult?> LoadAsync()
    {
        var a = await ActivityRules.LoadAsync(db, user.Scope, Id);
        if (a is null) return NotFound();
        Activity = a;
        CanManage = ActivityRules.CanManage(user.Scope, a);
        var self = await ActivityRules.SelfAsync(db, user.Scope);
        var ended = a.Sessions.Count > 0 && Registrations.End(a) <= time.GetUtcNow();
        if (self is not null)
        {
            var own = await db.ActivityRegistrations.FirstOrDefaultAsync(r => r.ActivityId == Id && r.PersonId == self.Id
                && r.Status == RegistrationStatus.Confirmed && r.Attendance.Any(x => x.Attended));
            AlreadyAnswered = own?.Evaluated == true;
            if (own is { Evaluated: false } && ended) Answerable = own;
        }
        if (!CanManage && Answerable is null && !AlreadyAnswered) return Forbid();
        if (CanManage)
        {
            var answers = await db.ActivityEvaluations.AsNoTracking().Where(e => e.ActivityId == Id).ToListAsync();
            Count = answers.Count;
            if (Count >= MinAnswers)
            {
                Average = answers.Average(e => e.Rating);
                foreach (var e in answers) Distribution[e.Rating - 1]++;
                // Shuffled by content, not in the order given, so the list does not reveal who answered when.
                UsefulAnswers = answers.Select(e => e.Useful).OfType<string>().Order(StringComparer.Ordinal).ToList();
                Comments = answers.Select(e => e.Comment).OfType<string>().Order(StringComparer.Ordinal).ToList();
            }
        }
        return null;
    }
}
