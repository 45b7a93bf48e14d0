using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>Adding (no member id) and editing a member of the regional team: the directory person, areas and employment periods with leave.</summary>
[Authorize]
public class MemberEditModel(AppDbContext db, CurrentUser user) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int? MemberId { get; set; }
    [BindProperty] public MemberForm Input { get; set; } = new();
    public ActivityPlan Plan { get; private set; } = null!;
    /// <summary>Whom the member may be linked to in the directory.</summary>
    public IReadOnlyList<Person> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var (member, refused) = await LoadAsync();
        if (refused is not null) return refused;
        Input = (member is null ? new MemberForm() : MemberForm.From(member)).WithBlankRows();
        People = await MemberForm.PeopleAsync(db, user.Scope, Plan.CountyCode, member?.PersonId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (member, refused) = await LoadAsync();
        if (refused is not null) return refused;
        People = await MemberForm.PeopleAsync(db, user.Scope, Plan.CountyCode, member?.PersonId);
        var (valid, errors) = Input.Validate(Plan, People);
        if (valid is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Input.WithBlankRows();
            return Page();
        }
        if (member is null)
        {
            member = new TeamMember { Name = valid.Name, PlanId = Plan.Id, SortOrder = Plan.Team.Count + 1 };
            db.TeamMembers.Add(member);
        }
        MemberForm.Apply(valid, member);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"{member.Name} har sparats i teamet.";
        return Redirect($"/verksamhetsplaner/{Plan.Id}#personal");
    }

    private async Task<(TeamMember? Member, IActionResult? Refused)> LoadAsync()
    {
        var plan = await db.ActivityPlans.AsNoTracking().Include(p => p.County).Include(p => p.Areas).Include(p => p.Team).FirstOrDefaultAsync(p => p.Id == Id);
        if (plan is null) return (null, NotFound());
        TeamMember? member = null;
        if (MemberId is int memberId)
        {
            member = await db.TeamMembers.Include(m => m.Areas).Include(m => m.Periods).FirstOrDefaultAsync(m => m.Id == memberId && m.PlanId == Id);
            if (member is null) return (null, NotFound());
        }
        if (!ActivityPlanAccess.CanEdit(user.Scope, plan.CountyCode)) return (null, Forbid());
        Plan = plan;
        return (member, null);
    }
}
