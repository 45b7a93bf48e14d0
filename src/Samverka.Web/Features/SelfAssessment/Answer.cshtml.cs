using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>
/// The test itself, for anyone with a link (signed in or not). The response is stored without any
/// link to the person (see <see cref="AssessmentResponse"/>); the profile is rendered from the posted
/// answers in the same response and not kept anywhere else. Nothing here logs an answer.
/// </summary>
public class AnswerModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    [BindProperty] public AnswerForm Input { get; set; } = new();
    public AssessmentRound Round { get; private set; } = null!;
    public Library? FixedLibrary { get; private set; }
    public List<AssessmentItem> Items { get; private set; } = [];
    public Dictionary<string, string> Municipalities { get; private set; } = [];
    public List<(int Id, string Name, string MunicipalityName)> Libraries { get; private set; } = [];
    public bool IsOpen { get; private set; }
    public bool AlreadyDone { get; private set; }
    public Profile? Result { get; private set; }
    public List<ActivityMatch> Activities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([NotFreeText("random link token")] string token)
    {
        if (!await LoadAsync(token)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([NotFreeText("random link token")] string token)
    {
        if (!await LoadAsync(token)) return NotFound();
        if (!IsOpen)
        {
            ModelState.AddModelError("", ClosedMessage);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var (valid, errors) = Input.Validate(Items, FixedLibrary, Municipalities, Libraries.ToDictionary(l => l.Id, l => LibraryMunicipality[l.Id]));
        if (valid is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        db.AssessmentResponses.Add(new AssessmentResponse
        {
            Id = Guid.NewGuid(), // random (v4): the key says nothing about when the row was written
            RoundId = Round.Id,
            MunicipalityCode = valid.MunicipalityCode,
            LibraryId = valid.LibraryId,
            JobTitle = valid.JobTitle,
            YearsBand = valid.YearsBand,
            OrganisationSize = valid.OrganisationSize,
        }.WithScores(valid.Scores.Select(s => (s.Item.Id, s.Item.CompetenceCode, s.Score))));
        if (user.Scope.UserId is { } userId && !AlreadyDone)
            db.AssessmentDoneMarks.Add(new AssessmentDoneMark { RoundId = Round.Id, UserId = userId });
        await db.SaveChangesAsync();

        Result = Profile.From(valid.Scores.Select(s => (s.Item.CompetenceCode, s.Score)).ToList());
        Activities = await Matching.UpcomingActivitiesAsync(db, Result.Weakest.Select(a => a.Number), Round.CountyCode, Today);
        ModelState.Clear();
        return Page();
    }

    public const string ClosedMessage = "Mätomgången är stängd och tar inte emot fler svar.";

    private DateOnly Today => SwedishTimeZone.Today(time);
    private Dictionary<int, string> LibraryMunicipality { get; set; } = [];

    private async Task<bool> LoadAsync(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return false;
        var link = await db.AssessmentLinks.AsNoTracking().Include(l => l.Library).Include(l => l.Round)
            .FirstOrDefaultAsync(l => l.Token == token);
        var round = link?.Round ?? await db.AssessmentRounds.AsNoTracking().FirstOrDefaultAsync(r => r.RegionalToken == token);
        if (round is null) return false;
        Round = round;
        FixedLibrary = link?.Library;
        IsOpen = AssessmentRules.IsOpen(round, Today);
        Items = await db.AssessmentItems.AsNoTracking().Where(i => i.InstrumentId == round.InstrumentId).OrderBy(i => i.SortOrder).ToListAsync();
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => m.CountyCode == round.CountyCode)
            .OrderBy(m => m.Name).ToDictionaryAsync(m => m.Code, m => m.Name);
        var libraries = await db.Libraries.AsNoTracking().Where(l => l.Municipality!.CountyCode == round.CountyCode)
            .OrderBy(l => l.Municipality!.Name).ThenBy(l => l.Name)
            .Select(l => new { l.Id, l.Name, l.MunicipalityCode, Municipality = l.Municipality!.Name }).ToListAsync();
        Libraries = libraries.Select(l => (l.Id, l.Name, l.Municipality)).ToList();
        LibraryMunicipality = libraries.ToDictionary(l => l.Id, l => l.MunicipalityCode);
        if (user.Scope.UserId is { } userId)
            AlreadyDone = await db.AssessmentDoneMarks.AnyAsync(d => d.RoundId == round.Id && d.UserId == userId);
        return true;
    }
}
