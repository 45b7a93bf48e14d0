using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.ActivityPlans;

public record ActivityPlanSummaryDto(int Id, string Title, string CountyCode, string RegionName, DateOnly StartDate, DateOnly EndDate);
/// <param name="Kind">Municipality, NationalLibrary, Region, University, Supplier or Other.</param>
public record AreaPartnerDto(string Kind, string Name, string? MunicipalityCode, string? CountyCode);
/// <param name="Value">Null when the figure is withheld (a response count below the self-assessment's threshold).</param>
public record PlanFigureDto(string Token, string Label, long? Value, string Formatted);
/// <param name="From">First day the figures cover.</param>
/// <param name="To">Last day the figures cover.</param>
public record PlanFiguresDto(int Year, DateOnly From, DateOnly To, DateTimeOffset ComputedAt, IReadOnlyList<PlanFigureDto> Figures);
/// <param name="Status">Planned, Ongoing, Done, Postponed or Cancelled.</param>
/// <param name="Responsible">Only for those who see the team (the region's coordinators, national readers).</param>
/// <param name="AtRisk">The responsible person is away (0 %) in a planned month.</param>
public record PlannedActionDto(int Id, int AreaId, string Text, string Status, string? StatusReason, string? Responsible,
    DateOnly PlannedFrom, DateOnly PlannedTo, bool AtRisk, IReadOnlyList<int> ProgrammeIds, IReadOnlyList<int> ActivityIds,
    IReadOnlyList<int> AgreementIds, IReadOnlyList<int> RoundIds);
/// <param name="Text">As written, with {{token}} placeholders.</param>
/// <param name="RenderedText">With the placeholders replaced by the year's figures.</param>
public record AreaOutcomeDto(int AreaId, int Year, string Text, string RenderedText);
public record DevelopmentAreaDto(int Id, string Name, string? Description, IReadOnlyList<AreaPartnerDto> Partners,
    IReadOnlyList<string> SubGoals, IReadOnlyList<string> SharedWithCountyCodes);
/// <param name="View">Full, or SharedAreas for a cooperating region that sees only the areas shared with it.</param>
/// <param name="StaffNote">Section 4's note beside the team (vacancies, substitutes): only for those who see the team.</param>
public record ActivityPlanDto(int Id, string Title, string CountyCode, string RegionName, DateOnly StartDate, DateOnly EndDate, string View,
    string? Vision, string? ValuesText, string? Premises, string? Assignment, IReadOnlyList<DevelopmentAreaDto> Areas, IReadOnlyList<PlanFiguresDto> Figures,
    string? StaffNote = null, string? AreasIntro = null);

/// <summary>
/// Activity plans as JSON within the same scope as the pages (<see cref="ActivityPlanAccess"/>): not public. The writes
/// are in <see cref="ActivityPlanWrites"/>; every answer, read or write, is mapped here from one <see cref="PlanReading"/>.
/// </summary>
public static class ActivityPlansApi
{
    public static void MapActivityPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/activity-plans").WithTags("Verksamhetsplaner").RequireAuthorization();

        api.MapGet("", async (AppDbContext db, CurrentUser user) =>
        {
            var home = await ActivityPlanAccess.HomeCountiesAsync(db, user.Scope);
            return TypedResults.Ok(await ActivityPlanAccess.Visible(db.ActivityPlans.AsNoTracking(), user.Scope, home)
                .OrderByDescending(p => p.StartDate).ThenBy(p => p.CountyCode)
                .Select(p => new ActivityPlanSummaryDto(p.Id, p.Title, p.CountyCode, p.County!.RegionalBody, p.StartDate, p.EndDate)).ToListAsync());
        }).WithSummary("Lista de verksamhetsplaner du får läsa");

        api.MapGet("/{id:int}", async Task<Results<Ok<ActivityPlanDto>, NotFound<ApiError>>> (int id, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            await PlanReading.ReadAsync(db, user.Scope, id, clock.GetUtcNow()) is { } r ? TypedResults.Ok(Plan(r)) : NotFoundPlan(id))
            .WithSummary("Läs en verksamhetsplan med utvecklingsområden och årets uppgifter");

        api.MapGet("/{id:int}/areas", async Task<Results<Ok<List<DevelopmentAreaDto>>, NotFound<ApiError>>> (int id, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            await PlanReading.ReadAsync(db, user.Scope, id, clock.GetUtcNow()) is { } r ? TypedResults.Ok(Areas(r)) : NotFoundPlan(id))
            .WithSummary("Läs planens utvecklingsområden med samverkansparter, delmål och delning");

        api.MapGet("/{id:int}/actions", async Task<Results<Ok<List<PlannedActionDto>>, NotFound<ApiError>>> (int id, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            await PlanReading.ReadAsync(db, user.Scope, id, clock.GetUtcNow()) is { } r ? TypedResults.Ok(Actions(r)) : NotFoundPlan(id))
            .WithSummary("Läs planens aktiviteter med status, månader och kopplingar");

        api.MapGet("/{id:int}/outcomes", async Task<Results<Ok<List<AreaOutcomeDto>>, NotFound<ApiError>>> (int id, AppDbContext db, CurrentUser user, TimeProvider clock) =>
            await PlanReading.ReadAsync(db, user.Scope, id, clock.GetUtcNow()) is { } r ? TypedResults.Ok(Outcomes(r)) : NotFoundPlan(id))
            .WithSummary("Läs utvecklingsområdenas utfall per år, med platshållarna ersatta av uppgifterna");

        ActivityPlanWrites.Map(api);
    }

    internal static ActivityPlanDto Plan(PlanReading r)
    {
        var p = r.Plan;
        var full = r.View == PlanView.Full;
        return new ActivityPlanDto(p.Id, p.Title, p.CountyCode, p.County!.RegionalBody, p.StartDate, p.EndDate, r.View.ToString(),
            full ? p.Vision : null, full ? p.ValuesText : null, full ? p.Premises : null, full ? p.Assignment : null,
            Areas(r), r.Figures.OrderBy(f => f.Key).Select(f => new PlanFiguresDto(f.Key, f.Value.From, f.Value.To, f.Value.ComputedAt,
                f.Value.Figures.Select(x => new PlanFigureDto(x.Token, x.Label, x.Withheld is null ? x.Value : null, x.Formatted)).ToList())).ToList(),
            r.CanSeeTeam ? p.StaffNote : null, full ? p.AreasIntro : null);
    }

    internal static List<PlannedActionDto> Actions(PlanReading r) =>
        r.Areas.SelectMany(a => a.Actions.OrderBy(x => x.SortOrder).ThenBy(x => x.Id)).Select(x => new PlannedActionDto(
            x.Id, x.AreaId, x.Text, x.Status.ToString(), x.StatusReason, r.CanSeeTeam ? r.ResponsibleName(x) : null, x.PlannedFrom, x.PlannedTo,
            r.RiskOf(x) is not null,
            x.Links.Where(l => l.ProgrammeId != null).Select(l => l.ProgrammeId!.Value).ToList(),
            x.Links.Where(l => l.ActivityId != null).Select(l => l.ActivityId!.Value).ToList(),
            x.Links.Where(l => l.AgreementId != null).Select(l => l.AgreementId!.Value).ToList(),
            x.Links.Where(l => l.RoundId != null).Select(l => l.RoundId!.Value).ToList())).ToList();

    internal static List<AreaOutcomeDto> Outcomes(PlanReading r) =>
        r.Areas.SelectMany(a => a.Outcomes.OrderBy(o => o.Year)).Select(o => new AreaOutcomeDto(o.AreaId, o.Year, o.Text,
            r.Figures.TryGetValue(o.Year, out var f) ? f.Render(o.Text) : o.Text)).ToList();

    internal static List<DevelopmentAreaDto> Areas(PlanReading r) => r.Areas.Select(a => new DevelopmentAreaDto(a.Id, a.Name, a.Description,
        a.Partners.OrderBy(p => p.SortOrder).Select(p => new AreaPartnerDto(p.Kind.ToString(), p.Name, p.MunicipalityCode, p.CountyCode)).ToList(),
        a.SubGoals.OrderBy(g => g.SortOrder).Select(g => g.Text).ToList(),
        a.SharedWith.Select(s => s.CountyCode).Order().ToList())).ToList();

    internal static NotFound<ApiError> NotFoundPlan(int id) => TypedResults.NotFound(new ApiError($"Verksamhetsplanen {id} finns inte, eller så får du inte se den."));
}
