using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes;

/// <summary>An offering: the rule's outcome for every municipality, the enrolments per year, and (for editors) enrol and un-enrol.</summary>
public class OfferingModel(AppDbContext db, CurrentUser user) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int OfferingId { get; set; }
    [BindProperty] public EnrolForm Input { get; set; } = new();
    [BindProperty] public int? EnrolmentId { get; set; }

    public Programme Programme { get; private set; } = null!;
    public Offering Offering { get; private set; } = null!;
    public string Rule { get; private set; } = "";
    public IReadOnlyList<EligibilityOutcome> Outcomes { get; private set; } = [];
    public List<Enrolment> Enrolments { get; private set; } = [];
    public bool CanEnrol { get; private set; }
    public bool CanEditOffering { get; private set; }
    /// <summary>Municipalities the user may enrol: eligible ones within their counties.</summary>
    public List<EligibilityOutcome> Enrollable { get; private set; } = [];
    public List<int> Years { get; private set; } = [];
    public UserScope Scope => user.Scope;

    public class EnrolForm
    {
        public string? MunicipalityCode { get; set; }
        public string? Year { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostEnrolAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!user.Scope.IsSignedIn) return Challenge();
        if (!CanEnrol) return Forbid();
        var result = await ProgrammeRules.EnrolAsync(db, user.Scope, Programme, OfferingId, Input.MunicipalityCode, Input.Year);
        if (result.Enrolment is { } e)
        {
            var name = Outcomes.First(o => o.MunicipalityCode == e.MunicipalityCode).MunicipalityName;
            TempData["Notice"] = $"{name} är anslutet till {Offering.Name} för {e.Year}.";
            return Redirect($"/program/{Id}/erbjudanden/{OfferingId}");
        }
        if (result.Status == 404) return NotFound();
        ModelState.AddModelError(string.IsNullOrEmpty(result.Field) ? "" : $"Input.{result.Field}", result.Error!);
        Response.StatusCode = result.Status is 403 or 409 ? result.Status : StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostUnenrolAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!user.Scope.IsSignedIn) return Challenge();
        if (!CanEnrol) return Forbid();
        var error = EnrolmentId is int id ? await ProgrammeRules.UnenrolAsync(db, user.Scope, OfferingId, id) : "Välj en anslutning att ta bort.";
        if (error is not null)
        {
            ModelState.AddModelError("", error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Notice"] = "Anslutningen är borttagen.";
        return Redirect($"/program/{Id}/erbjudanden/{OfferingId}");
    }

    private async Task<bool> LoadAsync()
    {
        var programme = await db.Programmes.AsNoTracking().Include(p => p.Regions).FirstOrDefaultAsync(p => p.Id == Id);
        if (programme is null) return false;
        var found = await Eligibility.ForOfferingAsync(db, Id, OfferingId);
        if (found is not var (offering, outcomes)) return false;
        (Programme, Offering, Outcomes) = (programme, offering, outcomes);
        var countyName = offering.CountyCode is null ? null : await db.Counties.Where(c => c.Code == offering.CountyCode).Select(c => c.Name).FirstOrDefaultAsync();
        Rule = Eligibility.Describe(offering, countyName);
        Enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Municipality).Where(e => e.OfferingId == OfferingId)
            .OrderBy(e => e.Year).ThenBy(e => e.Municipality!.Name).ToListAsync();
        var regions = programme.Regions.Select(r => r.CountyCode).ToList();
        CanEnrol = user.Scope.IsSignedIn && ProgrammeRules.CanEnrolAny(user.Scope, regions);
        CanEditOffering = user.Scope.IsSignedIn && ProgrammeRules.CanEditProgramme(user.Scope, regions);
        Enrollable = outcomes.Where(o => o.MayEnrol && ProgrammeRules.CanEnrol(user.Scope, o.CountyCode)).ToList();
        Years = Enumerable.Range(programme.StartDate.Year, programme.EndDate.Year - programme.StartDate.Year + 1).ToList();
        return true;
    }
}
