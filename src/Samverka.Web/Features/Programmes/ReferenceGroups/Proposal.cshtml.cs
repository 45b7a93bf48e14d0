using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes.ReferenceGroups;

/// <summary>The composer's proposal for a year's reference group, for the programme's editors; creates the group from it.</summary>
[Authorize]
public class ProposalModel(AppDbContext db, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ar")] public string? YearText { get; set; }
    [BindProperty(SupportsGet = true, Name = "storlek")] public string? SizeText { get; set; }
    public ProgrammeFacts Facts { get; private set; } = null!;
    public int Year { get; private set; }
    public int Size { get; private set; }
    public IReadOnlyList<ProposedMember> Proposal { get; private set; } = [];
    public IReadOnlyList<SpreadRow> Spread { get; private set; } = [];
    public bool MayCreate => Facts.InPeriod(Year) && Facts.Group(Year) is null;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } stop) return stop;
        if (!Parse()) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } stop) return stop;
        if (!Parse())
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (await ReferenceGroupRules.CreateGroupAsync(db, Facts, Year, Proposal.Select(p => p.Placement.Municipality.Code)) is { } error)
        {
            ModelState.AddModelError("", error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Notice"] = $"Referensgruppen {Year} har skapats med {Proposal.Count} kommuner enligt förslaget.";
        return Redirect($"/program/{id}/referensgrupper/{Year}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (await ProgrammeFacts.LoadAsync(db, id) is not { } facts) return NotFound();
        if (!ReferenceGroupRules.CanEdit(user.Scope, facts.RegionCodes)) return Forbid();
        Facts = facts;
        // Defaults: the year after the latest group, the size of that group's municipal members.
        var latest = facts.Programme.ReferenceGroups.OrderByDescending(g => g.Year).FirstOrDefault();
        Year = latest is null ? facts.FirstYear : latest.Year + 1;
        Size = latest?.Members.Count(m => m.MunicipalityCode is not null) ?? Math.Min(15, facts.Region.Count);
        return null;
    }

    /// <summary>Reads ?ar and ?storlek (defaults when absent); adds Swedish errors and proposes nothing when they are wrong.</summary>
    private bool Parse()
    {
        var partners = Facts.PartnerMunicipalities.Count(c => Facts.Region.Any(m => m.Code == c));
        if (!string.IsNullOrWhiteSpace(YearText))
        {
            if (!int.TryParse(YearText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < Facts.FirstYear || y > Facts.LastYear + 10)
                ModelState.AddModelError("ar", $"Ange ett år från {Facts.FirstYear} till {Facts.LastYear + 10}, till exempel {Year}.");
            else Year = y;
        }
        if (!string.IsNullOrWhiteSpace(SizeText))
        {
            if (!int.TryParse(SizeText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s < Math.Max(1, partners) || s > Facts.Region.Count)
                ModelState.AddModelError("storlek", $"Ange en storlek från {Math.Max(1, partners)} (samarbetsbiblioteken står kvar) till {Facts.Region.Count} (alla kommuner i regionen).");
            else Size = s;
        }
        if (!ModelState.IsValid) return false;
        var placed = ReferenceGroupSpread.Place(Facts.Region, ReferenceGroupSpread.DefaultPopulationYear);
        Proposal = ReferenceGroupComposer.Propose(placed, Facts.PartnerMunicipalities, Facts.MunicipalMembersByYear, Year, Size);
        Spread = ReferenceGroupSpread.Table(placed, new Dictionary<int, IReadOnlyCollection<string>>
        {
            [Year] = Proposal.Select(p => p.Placement.Municipality.Code).ToList(),
        });
        return true;
    }
}
