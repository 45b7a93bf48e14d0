using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>A regional coordinator opens a round for their region: a regional link and one link per library.</summary>
[Authorize]
public class RoundCreateModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    public class Form
    {
        public string? Name { get; set; }
        public string? CountyCode { get; set; }
        public string? InstrumentId { get; set; }
        public string? OpensOn { get; set; }
        public string? ClosesOn { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public List<(string Code, string Name)> Counties { get; private set; } = [];
    public List<(int Id, string Label)> Instruments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!AssessmentRules.CanOpenAnyRound(user.Scope)) return Forbid();
        await LoadChoicesAsync();
        if (Counties.Count == 1) Input.CountyCode = Counties[0].Code;
        Input.InstrumentId = Instruments.FirstOrDefault().Id.ToString(CultureInfo.InvariantCulture);
        var today = SwedishTimeZone.Today(time);
        Input.OpensOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Input.ClosesOn = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!AssessmentRules.CanOpenAnyRound(user.Scope)) return Forbid();
        await LoadChoicesAsync();
        var name = Input.Name?.Trim() ?? "";
        if (name.Length == 0) ModelState.AddModelError("Input.Name", "Ange ett namn på mätomgången, till exempel Skåne hösten 2026.");
        else if (name.Length > 200) ModelState.AddModelError("Input.Name", "Namnet får vara högst 200 tecken.");
        var county = Input.CountyCode?.Trim() ?? "";
        if (!Counties.Any(c => c.Code == county)) ModelState.AddModelError("Input.CountyCode", "Välj en region som du samordnar.");
        int.TryParse(Input.InstrumentId, NumberStyles.None, CultureInfo.InvariantCulture, out var instrumentId);
        if (!Instruments.Any(i => i.Id == instrumentId)) ModelState.AddModelError("Input.InstrumentId", "Välj en version av instrumentet.");
        var opens = ParseDate(Input.OpensOn, "Input.OpensOn", "startdatum");
        var closes = ParseDate(Input.ClosesOn, "Input.ClosesOn", "slutdatum");
        if (opens is { } o && closes is { } c && c < o) ModelState.AddModelError("Input.ClosesOn", "Slutdatum kan inte vara före startdatum.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var libraries = await db.Libraries.Where(l => l.Municipality!.CountyCode == county).Select(l => l.Id).ToListAsync();
        var round = new AssessmentRound
        {
            Name = name, CountyCode = county, InstrumentId = instrumentId, OpensOn = opens!.Value, ClosesOn = closes!.Value,
            RegionalToken = AssessmentRules.NewToken(), CreatedAt = time.GetUtcNow(),
            Links = libraries.Select(id => new AssessmentLink { LibraryId = id, Token = AssessmentRules.NewToken() }).ToList(),
        };
        db.AssessmentRounds.Add(round);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Mätomgången {round.Name} är öppnad med {round.Links.Count} bibliotekslänkar och en regional länk.";
        return Redirect($"/sjalvskattning/omgangar/{round.Id}");
    }

    private DateOnly? ParseDate(string? text, string key, string label)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        ModelState.AddModelError(key, string.IsNullOrWhiteSpace(text) ? $"Ange {label}." : $"Ange {label} som ÅÅÅÅ-MM-DD, till exempel 2026-09-01.");
        return null;
    }

    private async Task LoadChoicesAsync()
    {
        var s = user.Scope;
        var counties = s.Counties.ToArray();
        var all = s.IsAdmin || s.IsSystem;
        Counties = (await db.Counties.AsNoTracking().Where(c => all || counties.Contains(c.Code)).OrderBy(c => c.Name)
            .Select(c => new { c.Code, c.Name }).ToListAsync()).Select(c => (c.Code, c.Name)).ToList();
        Instruments = (await db.AssessmentInstruments.AsNoTracking().OrderByDescending(i => i.VersionNumber)
            .Select(i => new { i.Id, i.Name, i.VersionNumber, Items = i.Items.Count }).ToListAsync())
            .Select(i => (i.Id, $"{i.Name}, version {i.VersionNumber} ({i.Items} påståenden)")).ToList();
    }
}
