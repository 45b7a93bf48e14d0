using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>A plan's head. Dates as ÅÅÅÅ-MM-DD. PUT replaces the whole head: a text left out is emptied.</summary>
/// <param name="CountyCode">The region (two digits) you coordinate. Required when creating; left out on PUT, the plan stays in its region.</param>
/// <param name="AreasIntro">Section 5's introduction before the development areas. In every text a blank line starts a paragraph, a line
/// starting "## " is a sub-heading and lines starting "- " are a list.</param>
public record ActivityPlanInput(string? CountyCode = null, string? Title = null, string? StartDate = null, string? EndDate = null, string? Vision = null,
    string? ValuesText = null, string? Premises = null, string? Assignment = null, string? StaffNote = null, string? AreasIntro = null);
/// <param name="Kind">Municipality, NationalLibrary, Region, University, Supplier or Other.</param>
/// <param name="MunicipalityCode">Only for Kind Municipality (four digits).</param>
/// <param name="CountyCode">Only for Kind Region (two digits).</param>
public record AreaPartnerInput(string? Kind = null, string? Name = null, string? MunicipalityCode = null, string? CountyCode = null);
/// <summary>A development area; PUT replaces partners, sub-goals and sharing with what is sent.</summary>
/// <param name="SubGoals">One line each, as in the form: a line break starts a new sub-goal.</param>
/// <param name="SharedWithCountyCodes">Cooperating regions that may read this area (not the plan's own).</param>
public record DevelopmentAreaInput(string? Name = null, string? Description = null, IReadOnlyList<AreaPartnerInput?>? Partners = null,
    IReadOnlyList<string?>? SubGoals = null, IReadOnlyList<string?>? SharedWithCountyCodes = null);
/// <summary>A planned action. Months as ÅÅÅÅ-MM within the plan's period; PUT replaces the links with what is sent.</summary>
/// <param name="ResponsibleId">A member of the plan's team, or null for none.</param>
/// <param name="Status">Planned, Ongoing, Done, Postponed or Cancelled; Postponed and Cancelled need a statusReason.</param>
/// <param name="ProgrammeIds">Programmes covering the region in the plan's period.</param>
/// <param name="ActivityIds">Activities in the region's calendar in the plan's period.</param>
/// <param name="AgreementIds">The region's agreements valid in the plan's period.</param>
/// <param name="RoundIds">The region's self-assessment rounds opened before the plan ends.</param>
public record PlannedActionInput(string? Text = null, int? ResponsibleId = null, string? Status = null, string? StatusReason = null,
    string? PlannedFrom = null, string? PlannedTo = null, IReadOnlyList<int>? ProgrammeIds = null, IReadOnlyList<int>? ActivityIds = null,
    IReadOnlyList<int>? AgreementIds = null, IReadOnlyList<int>? RoundIds = null);
/// <param name="Text">The outcome with {{token}} placeholders from the year's figures (GET /{id} lists them); an unknown token is refused.</param>
public record AreaOutcomeInput(string? Text = null);

/// <summary>
/// Writes to activity plans for the region's coordinators (<see cref="ActivityPlanAccess.CanEdit"/>), checked by the
/// same form classes as the pages so the two never disagree. A plan the user may not see is 404 (as the GET); one
/// they read but may not change is 403. Every refusal changes nothing; the AuditInterceptor records every change.
/// </summary>
public static class ActivityPlanWrites
{
    internal static void Map(RouteGroupBuilder api)
    {
        // 403 comes from Forbid() (audited as a denial, answered in Swedish by the status-code pages): said here for the document.
        var writes = api.MapGroup("").DisableAntiforgery()
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ApiError), ["application/json"]));
        writes.MapPost("", CreatePlanAsync).WithSummary("Skapa en verksamhetsplan för en region du samordnar");
        writes.MapPut("/{id:int}", UpdatePlanAsync).WithSummary("Ändra planens namn, period, vision, värdegrund, förutsättningar, uppdrag och personalnotering");
        writes.MapPost("/{id:int}/areas", CreateAreaAsync).WithSummary("Lägg till ett utvecklingsområde med samverkansparter, delmål och delning");
        writes.MapPut("/{id:int}/areas/{areaId:int}", UpdateAreaAsync).WithSummary("Ändra ett utvecklingsområde");
        writes.MapDelete("/{id:int}/areas/{areaId:int}", DeleteAreaAsync).WithSummary("Ta bort ett utvecklingsområde med dess aktiviteter och utfall");
        writes.MapPost("/{id:int}/areas/{areaId:int}/actions", CreateActionAsync).WithSummary("Lägg till en aktivitet i ett utvecklingsområde");
        writes.MapPut("/{id:int}/actions/{actionId:int}", UpdateActionAsync).WithSummary("Ändra en aktivitet: text, status med skäl, månader, ansvarig och kopplingar");
        writes.MapDelete("/{id:int}/actions/{actionId:int}", DeleteActionAsync).WithSummary("Ta bort en aktivitet");
        writes.MapPut("/{id:int}/areas/{areaId:int}/outcomes/{year:int}", PutOutcomeAsync).WithSummary("Skriv ett utvecklingsområdes utfall för ett år, med platshållare för uppgifterna");
        writes.MapDelete("/{id:int}/areas/{areaId:int}/outcomes/{year:int}", DeleteOutcomeAsync).WithSummary("Ta bort ett utvecklingsområdes utfall för ett år");
    }

    private static async Task<Results<Created<ActivityPlanDto>, BadRequest<ApiError>, ForbidHttpResult>> CreatePlanAsync(
        ActivityPlanInput input, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (!ActivityPlanAccess.CanCreate(user.Scope)) return TypedResults.Forbid();
        var form = Form(input, null);
        var (valid, errors) = form.Validate(user.Scope, await EditableCountiesAsync(db, user.Scope), null);
        if (valid is null) return Invalid(errors);
        var now = clock.GetUtcNow();
        var plan = new ActivityPlan { CountyCode = valid.CountyCode, Title = valid.Title, CreatedAt = now };
        form.Apply(valid, plan, now);
        db.ActivityPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/activity-plans/{plan.Id}", ActivityPlansApi.Plan(await ReadAsync(db, user, plan.Id, clock, ct)));
    }

    private static Task<Results<Ok<ActivityPlanDto>, NotFound<ApiError>, BadRequest<ApiError>, ForbidHttpResult>> UpdatePlanAsync(
        int id, ActivityPlanInput input, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        EditAsync<Ok<ActivityPlanDto>>(db, user, id, ct, async plan =>
        {
            var form = Form(input, plan.CountyCode);
            var (valid, errors) = form.Validate(user.Scope, await EditableCountiesAsync(db, user.Scope), plan);
            if (valid is null) return Invalid(errors);
            form.Apply(valid, plan, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(ActivityPlansApi.Plan(await ReadAsync(db, user, id, clock, ct)));
        });

    private static Task<Results<Created<DevelopmentAreaDto>, NotFound<ApiError>, BadRequest<ApiError>, ForbidHttpResult>> CreateAreaAsync(
        int id, DevelopmentAreaInput input, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        EditAsync<Created<DevelopmentAreaDto>>(db, user, id, ct, async plan =>
        {
            var (form, valid, invalid) = await ValidateAsync(db, plan, input);
            if (valid is null) return invalid!;
            var area = new DevelopmentArea { Name = valid.Name, SortOrder = plan.Areas.Count + 1 };
            plan.Areas.Add(area);
            form.Apply(valid, area);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/activity-plans/{id}/areas/{area.Id}", AreaDto(await ReadAsync(db, user, id, clock, ct), area.Id));
        });

    private static Task<Results<Ok<DevelopmentAreaDto>, NotFound<ApiError>, BadRequest<ApiError>, ForbidHttpResult>> UpdateAreaAsync(
        int id, int areaId, DevelopmentAreaInput input, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        EditAsync<Ok<DevelopmentAreaDto>>(db, user, id, ct, async plan =>
        {
            if (Area(plan, areaId) is not { } area) return NotFoundArea(id, areaId);
            var (form, valid, invalid) = await ValidateAsync(db, plan, input);
            if (valid is null) return invalid!;
            form.Apply(valid, area);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(AreaDto(await ReadAsync(db, user, id, clock, ct), areaId));
        });

    /// <summary>The area's actions (with their links), outcomes, partners, sub-goals, sharing and team ties are loaded, so EF deletes them itself and each gets an audit row.</summary>
    private static Task<Results<NoContent, NotFound<ApiError>, ForbidHttpResult>> DeleteAreaAsync(
        int id, int areaId, AppDbContext db, CurrentUser user, CancellationToken ct) =>
        DeleteAsync(db, user, id, ct, plan =>
        {
            if (Area(plan, areaId) is not { } area) return NotFoundArea(id, areaId);
            db.DevelopmentAreas.Remove(area);
            return null;
        });

    private static Task<Results<Created<PlannedActionDto>, NotFound<ApiError>, BadRequest<ApiError>, ForbidHttpResult>> CreateActionAsync(
        int id, int areaId, PlannedActionInput input, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        EditAsync<Created<PlannedActionDto>>(db, user, id, ct, async plan =>
        {
            if (Area(plan, areaId) is not { } area) return NotFoundArea(id, areaId);
            var (valid, invalid) = await ValidateAsync(db, plan, input);
            if (valid is null) return invalid!;
            var action = new PlannedAction { Text = valid.Text, SortOrder = area.Actions.Count };
            ActionForm.Apply(valid, action, clock.GetUtcNow());
            area.Actions.Add(action);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/activity-plans/{id}/actions/{action.Id}", ActionDto(await ReadAsync(db, user, id, clock, ct), action.Id));
        });

    private static Task<Results<Ok<PlannedActionDto>, NotFound<ApiError>, BadRequest<ApiError>, ForbidHttpResult>> UpdateActionAsync(
        int id, int actionId, PlannedActionInput input, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        EditAsync<Ok<PlannedActionDto>>(db, user, id, ct, async plan =>
        {
            if (Action(plan, actionId) is not { } action) return NotFoundAction(id, actionId);
            var (valid, invalid) = await ValidateAsync(db, plan, input);
            if (valid is null) return invalid!;
            ActionForm.Apply(valid, action, clock.GetUtcNow()); // a status change is audited like any change
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(ActionDto(await ReadAsync(db, user, id, clock, ct), actionId));
        });

    private static Task<Results<NoContent, NotFound<ApiError>, ForbidHttpResult>> DeleteActionAsync(
        int id, int actionId, AppDbContext db, CurrentUser user, CancellationToken ct) =>
        DeleteAsync(db, user, id, ct, plan =>
        {
            if (Action(plan, actionId) is not { } action) return NotFoundAction(id, actionId);
            db.PlannedActions.Remove(action);
            return null;
        });

    private static Task<Results<Ok<AreaOutcomeDto>, NotFound<ApiError>, BadRequest<ApiError>, ForbidHttpResult>> PutOutcomeAsync(
        int id, int areaId, int year, AreaOutcomeInput input, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        EditAsync<Ok<AreaOutcomeDto>>(db, user, id, ct, async plan =>
        {
            if (Area(plan, areaId) is not { } area) return NotFoundArea(id, areaId);
            if (!OutcomeForm.InPeriod(plan, year)) return NotFoundYear(id, year);
            var now = clock.GetUtcNow();
            var figures = await PlanFigures.ForYearAsync(db, plan, year, now, ct);
            var (text, error) = OutcomeForm.Validate(input.Text, figures);
            if (text is null) return Invalid(new() { [nameof(AreaOutcomeInput.Text)] = error! });
            OutcomeForm.Apply(area, year, text, now);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new AreaOutcomeDto(areaId, year, text, figures.Render(text)));
        });

    private static Task<Results<NoContent, NotFound<ApiError>, ForbidHttpResult>> DeleteOutcomeAsync(
        int id, int areaId, int year, AppDbContext db, CurrentUser user, CancellationToken ct) =>
        DeleteAsync(db, user, id, ct, plan =>
        {
            if (Area(plan, areaId) is not { } area) return NotFoundArea(id, areaId);
            if (area.Outcomes.FirstOrDefault(o => o.Year == year) is not { } outcome)
                return TypedResults.NotFound(new ApiError($"Utvecklingsområdet {areaId} har inget utfall för {year}."));
            db.AreaOutcomes.Remove(outcome);
            return null;
        });

    /// <summary>
    /// Every write to an existing plan starts the same way: load it with what writes touch, 404 when the user sees none
    /// of it, 403 when they read it but may not change it; then <paramref name="write"/> runs on the tracked plan.
    /// </summary>
    private static async Task<Results<TDone, NotFound<ApiError>, BadRequest<ApiError>, ForbidHttpResult>> EditAsync<TDone>(
        AppDbContext db, CurrentUser user, int id, CancellationToken ct,
        Func<ActivityPlan, Task<Results<TDone, NotFound<ApiError>, BadRequest<ApiError>, ForbidHttpResult>>> write) where TDone : IResult
    {
        var (plan, mayEdit) = await LoadAsync(db, user.Scope, id, ct);
        if (plan is null) return ActivityPlansApi.NotFoundPlan(id);
        if (!mayEdit) return TypedResults.Forbid();
        return await write(plan);
    }

    /// <summary>As <see cref="EditAsync"/> for a deletion: <paramref name="remove"/> marks what goes, or answers what was not found; then it is saved.</summary>
    private static async Task<Results<NoContent, NotFound<ApiError>, ForbidHttpResult>> DeleteAsync(
        AppDbContext db, CurrentUser user, int id, CancellationToken ct, Func<ActivityPlan, NotFound<ApiError>?> remove)
    {
        var (plan, mayEdit) = await LoadAsync(db, user.Scope, id, ct);
        if (plan is null) return ActivityPlansApi.NotFoundPlan(id);
        if (!mayEdit) return TypedResults.Forbid();
        if (remove(plan) is NotFound<ApiError> missing) return missing;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>An area as the page's form checks it; the 400 names the fields as the API's input does.</summary>
    private static async Task<(AreaForm Form, AreaForm.Valid? Valid, BadRequest<ApiError>? Invalid)> ValidateAsync(
        AppDbContext db, ActivityPlan plan, DevelopmentAreaInput input)
    {
        var form = Form(input);
        var (valid, errors) = await form.ValidateAsync(db, plan.CountyCode);
        return (form, valid, valid is null ? Invalid(errors, (nameof(AreaForm.SharedWith), nameof(DevelopmentAreaInput.SharedWithCountyCodes))) : null);
    }

    /// <summary>An action as the page's form checks it, against the links the plan's region may choose.</summary>
    private static async Task<(ActionForm.Valid? Valid, BadRequest<ApiError>? Invalid)> ValidateAsync(
        AppDbContext db, ActivityPlan plan, PlannedActionInput input)
    {
        var form = Form(input);
        var (valid, errors) = form.Validate(plan, await ActionChoices.LoadAsync(db, plan, form));
        return (valid, valid is null ? Invalid(errors, ActionFields) : null);
    }

    private static DevelopmentArea? Area(ActivityPlan plan, int areaId) => plan.Areas.FirstOrDefault(a => a.Id == areaId);

    private static PlannedAction? Action(ActivityPlan plan, int actionId) => plan.Areas.SelectMany(a => a.Actions).FirstOrDefault(a => a.Id == actionId);

    /// <summary>
    /// The plan with everything a write checks or touches, tracked. Null when it does not exist or the user sees none of
    /// it (404, as the GET); otherwise whether they may change it (a reader of the region or of a shared area gets 403).
    /// </summary>
    private static async Task<(ActivityPlan? Plan, bool MayEdit)> LoadAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var plan = await db.ActivityPlans.AsSplitQuery()
            .Include(p => p.Areas).ThenInclude(a => a.SharedWith)
            .Include(p => p.Areas).ThenInclude(a => a.Partners)
            .Include(p => p.Areas).ThenInclude(a => a.SubGoals)
            .Include(p => p.Areas).ThenInclude(a => a.Actions).ThenInclude(x => x.Links)
            .Include(p => p.Areas).ThenInclude(a => a.Outcomes)
            .Include(p => p.Areas).ThenInclude(a => a.Responsible)
            .Include(p => p.Team)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null || ActivityPlanAccess.ViewOf(scope, await ActivityPlanAccess.HomeCountiesAsync(db, scope, ct), plan) == PlanView.None) return (null, false);
        return (plan, ActivityPlanAccess.CanEdit(scope, plan.CountyCode));
    }

    /// <summary>The answer is read back the way GET reads it, so a write returns exactly what a later read shows.</summary>
    private static async Task<PlanReading> ReadAsync(AppDbContext db, CurrentUser user, int id, TimeProvider clock, CancellationToken ct) =>
        await PlanReading.ReadAsync(db, user.Scope, id, clock.GetUtcNow(), ct) ?? throw new InvalidOperationException($"Plan {id} vanished after a write.");

    private static DevelopmentAreaDto AreaDto(PlanReading r, int areaId) => ActivityPlansApi.Areas(r).Single(a => a.Id == areaId);

    private static PlannedActionDto ActionDto(PlanReading r, int actionId) => ActivityPlansApi.Actions(r).Single(a => a.Id == actionId);

    private static async Task<List<string>> EditableCountiesAsync(AppDbContext db, UserScope scope) =>
        (await PlanFieldsModel.EditableCountiesAsync(db, scope)).Select(c => c.Code).ToList();

    private static PlanForm Form(ActivityPlanInput i, string? currentCounty) => new()
    {
        CountyCode = i.CountyCode ?? currentCounty, Title = i.Title, StartDate = i.StartDate, EndDate = i.EndDate, Vision = i.Vision,
        ValuesText = i.ValuesText, Premises = i.Premises, Assignment = i.Assignment, StaffNote = i.StaffNote, AreasIntro = i.AreasIntro,
    };

    private static AreaForm Form(DevelopmentAreaInput i) => new()
    {
        Name = i.Name, Description = i.Description, SubGoals = string.Join("\n", i.SubGoals ?? []),
        Partners = (i.Partners ?? []).Select(p => new AreaForm.PartnerRow { Kind = p?.Kind, Name = p?.Name, MunicipalityCode = p?.MunicipalityCode, CountyCode = p?.CountyCode }).ToList(),
        SharedWith = (i.SharedWithCountyCodes ?? []).Select(c => c ?? "").ToList(),
    };

    private static ActionForm Form(PlannedActionInput i) => new()
    {
        Text = i.Text, ResponsibleId = i.ResponsibleId?.ToString(CultureInfo.InvariantCulture), Status = i.Status, StatusReason = i.StatusReason,
        PlannedFrom = i.PlannedFrom, PlannedTo = i.PlannedTo, Programmes = [.. i.ProgrammeIds ?? []], Activities = [.. i.ActivityIds ?? []],
        Agreements = [.. i.AgreementIds ?? []], Rounds = [.. i.RoundIds ?? []],
    };

    /// <summary>The action form's field names as the API's input calls them.</summary>
    private static readonly (string Form, string Api)[] ActionFields =
    [
        (nameof(ActionForm.Programmes), nameof(PlannedActionInput.ProgrammeIds)), (nameof(ActionForm.Activities), nameof(PlannedActionInput.ActivityIds)),
        (nameof(ActionForm.Agreements), nameof(PlannedActionInput.AgreementIds)), (nameof(ActionForm.Rounds), nameof(PlannedActionInput.RoundIds)),
    ];

    /// <summary>400 in the shape of the other write APIs: the Swedish messages, and per field (camelCase, as in the input) its message.</summary>
    private static BadRequest<ApiError> Invalid(Dictionary<string, string> errors, params (string Form, string Api)[] renames)
    {
        string Field(string key)
        {
            foreach (var (form, api) in renames)
                if (key == form || key.StartsWith(form + "[", StringComparison.Ordinal)) key = api + key[form.Length..];
            return string.Join('.', key.Split('.').Select(part => char.ToLowerInvariant(part[0]) + part[1..]));
        }
        return TypedResults.BadRequest(new ApiError(string.Join(" ", errors.Values), errors.ToDictionary(e => Field(e.Key), e => new[] { e.Value })));
    }

    private static NotFound<ApiError> NotFoundArea(int id, int areaId) =>
        TypedResults.NotFound(new ApiError($"Utvecklingsområdet {areaId} finns inte i verksamhetsplanen {id}."));

    private static NotFound<ApiError> NotFoundAction(int id, int actionId) =>
        TypedResults.NotFound(new ApiError($"Aktiviteten {actionId} finns inte i verksamhetsplanen {id}."));

    private static NotFound<ApiError> NotFoundYear(int id, int year) =>
        TypedResults.NotFound(new ApiError($"Verksamhetsplanen {id} gäller inte år {year}."));
}
