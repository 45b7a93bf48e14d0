using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Programmes.ReferenceGroups;

/// <summary>A programme's reference group for one year: public members and spread; editors add and remove members.</summary>
public class YearModel(AppDbContext db, CurrentUser user) : PageModel
{
    public sealed class MemberForm
    {
        public string? MunicipalityCode { get; set; }
        public int? LibraryId { get; set; }
        public string? RepresentativeName { get; set; }
        public string? ExternalName { get; set; }
    }

    [BindProperty] public MemberForm Input { get; set; } = new();
    public ProgrammeFacts Facts { get; private set; } = null!;
    public int Year { get; private set; }
    public int PopulationYear { get; private set; } = ReferenceGroupSpread.DefaultPopulationYear;
    public IReadOnlyDictionary<string, Placement> Placements { get; private set; } = new Dictionary<string, Placement>();
    public IReadOnlyList<SpreadRow> Spread { get; private set; } = [];
    public IReadOnlyList<ReferenceGroupMember> Members { get; private set; } = [];
    public List<Library> Libraries { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int year, int? befolkningsar)
    {
        if (befolkningsar is 2019 or 2024) PopulationYear = befolkningsar.Value;
        if (!await LoadAsync(id, year)) return NotFound();
        // Nothing can exist outside the period (adding there is refused), so such a year is not a page.
        return Facts.InPeriod(year) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, int year)
    {
        if (!await LoadAsync(id, year)) return NotFound();
        if (!CanEdit) return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        var errors = await ReferenceGroupRules.AddMemberAsync(db, Facts,
            year, new MemberInput(Input.MunicipalityCode, Input.LibraryId, Input.RepresentativeName, Input.ExternalName));
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Notice"] = "Medlemmen har lagts till.";
        return Redirect($"/program/{id}/referensgrupper/{year}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int year, int memberId)
    {
        if (!await LoadAsync(id, year)) return NotFound();
        if (!CanEdit) return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        if (!await ReferenceGroupRules.RemoveMemberAsync(db, id, year, memberId)) return NotFound();
        TempData["Notice"] = "Medlemmen har tagits bort.";
        return Redirect($"/program/{id}/referensgrupper/{year}");
    }

    private async Task<bool> LoadAsync(int id, int year)
    {
        if (await ProgrammeFacts.LoadAsync(db, id) is not { } facts) return false;
        (Facts, Year) = (facts, year);
        CanEdit = ReferenceGroupRules.CanEdit(user.Scope, facts.RegionCodes);
        var placed = ReferenceGroupSpread.Place(facts.Region, PopulationYear);
        Placements = placed.ToDictionary(p => p.Municipality.Code);
        Spread = ReferenceGroupSpread.Table(placed, facts.MunicipalMembersByYear);
        Members = (facts.Group(year)?.Members ?? [])
            .OrderBy(m => m.MunicipalityCode is null)
            .ThenBy(m => m.MunicipalityCode is { } c && Placements.TryGetValue(c, out var p) ? p.Municipality.Name : m.ExternalName,
                SwedishText.Order)
            .ToList();
        if (CanEdit)
        {
            var counties = facts.RegionCodes.ToArray();
            Libraries = await db.Libraries.AsNoTracking().Include(l => l.Municipality)
                .Where(l => l.IsActive && counties.Contains(l.Municipality!.CountyCode)).OrderBy(l => l.Name).ToListAsync();
        }
        return true;
    }

    public string MunicipalityName(string code) => Placements.TryGetValue(code, out var p) ? p.Municipality.Name : code;
}
