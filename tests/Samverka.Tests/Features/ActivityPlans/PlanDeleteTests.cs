using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.ActivityPlans;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>
/// Removing areas, actions, team members and outcomes: a confirmation page that says what else goes, a POST that
/// deletes (audited row by row), and refusals for everyone but the plan's editors.
/// </summary>
[Collection(AppCollection.Name)]
public class PlanDeleteTests(SamverkaFactory app)
{
    private static string AreaUrl(PlanSamples.Created c) => $"/verksamhetsplaner/{c.PlanId}/omraden/{c.AreaId}/ta-bort";
    private static string ActionUrl(PlanSamples.Created c) => $"/verksamhetsplaner/{c.PlanId}/aktiviteter/{c.AutumnActionId}/ta-bort";
    private static string MemberUrl(PlanSamples.Created c) => $"/verksamhetsplaner/{c.PlanId}/personal/{c.MemberOnLeaveId}/ta-bort";
    private static string OutcomeUrl(PlanSamples.Created c) => $"/verksamhetsplaner/{c.PlanId}/omraden/{c.AreaId}/utfall/2019/ta-bort";
    private static string[] AllUrls(PlanSamples.Created c) => [AreaUrl(c), ActionUrl(c), MemberUrl(c), OutcomeUrl(c)];

    private Task<long> LastAuditIdAsync() => app.WithDbAsync(async db => await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0);

    /// <summary>(entity type, id) of the delete events after <paramref name="after"/>.</summary>
    private Task<List<(string? Type, string? Id)>> DeletesAsync(long after) => app.WithDbAsync(async db =>
        (await db.AuditEvents.AsNoTracking().Where(e => e.Id > after && e.Action == "delete").Select(e => new { e.EntityType, e.EntityId, e.UserEmail }).ToListAsync())
            .Where(e => e.UserEmail == Viktor).Select(e => (e.EntityType, e.EntityId)).ToList());

    /// <summary>What the sample plan holds, to show that a refused or confirming request changed nothing.</summary>
    private Task<string> SnapshotAsync(PlanSamples.Created c) => app.WithDbAsync(async db =>
    {
        var areas = await db.DevelopmentAreas.CountAsync(a => a.PlanId == c.PlanId);
        var actions = await db.PlannedActions.Where(a => a.Area!.PlanId == c.PlanId).Select(a => a.ResponsibleId).ToListAsync();
        var outcomes = await db.AreaOutcomes.CountAsync(o => o.Area!.PlanId == c.PlanId);
        var members = await db.TeamMembers.CountAsync(m => m.PlanId == c.PlanId);
        return $"{areas} {string.Join(",", actions)} {outcomes} {members}";
    });

    [Fact]
    public async Task Get_DeleteArea_SaysWhatElseGoes()
    {
        var created = await PlanSamples.CreateAsync(app);
        var doc = await (await app.As(Viktor)).GetDocumentAsync(AreaUrl(created));
        Assert.Equal($"Ta bort utvecklingsområdet Område {created.Tag}", doc.QuerySelector("h1")!.TextContent.Trim());
        var items = doc.QuerySelectorAll("main li, ul li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Området har 2 aktiviteter, 1 utfall, 1 delmål och 1 samverkanspart som också tas bort.", items);
        Assert.Contains("1 person i teamet står inte längre som ansvarig för området men finns kvar i teamet.", items);
        Assert.NotNull(doc.QuerySelector("form[method=post] button.danger"));
    }

    [Fact]
    public async Task Post_DeleteArea_RemovesActionsAndOutcomes()
    {
        var created = await PlanSamples.CreateAsync(app);
        var activity = await PlanSamples.ActivityAsync(app, PlanSamples.Vastmanland, new(2019, 10, 3));
        var linkId = await app.WithDbAsync(async db =>
        {
            var link = new PlannedActionLink { ActionId = created.AutumnActionId, ActivityId = activity };
            db.PlannedActionLinks.Add(link);
            await db.SaveChangesAsync();
            return link.Id;
        });
        var after = await LastAuditIdAsync();
        var viktor = await app.As(Viktor);

        var response = await viktor.PostFormAsync(AreaUrl(created), new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/verksamhetsplaner/{created.PlanId}", response.Headers.Location!.OriginalString);
        var left = await app.WithDbAsync(async db => new
        {
            Area = await db.DevelopmentAreas.AnyAsync(a => a.Id == created.AreaId),
            Actions = await db.PlannedActions.CountAsync(a => a.AreaId == created.AreaId),
            Links = await db.PlannedActionLinks.CountAsync(l => l.Id == linkId),
            Outcomes = await db.AreaOutcomes.CountAsync(o => o.AreaId == created.AreaId),
            SubGoals = await db.SubGoals.CountAsync(g => g.AreaId == created.AreaId),
            Responsible = await db.TeamMemberAreas.CountAsync(x => x.AreaId == created.AreaId),
            Member = await db.TeamMembers.AnyAsync(m => m.Id == created.MemberOnLeaveId),
            Other = await db.DevelopmentAreas.AnyAsync(a => a.Id == created.SharedAreaId),
            Activity = await db.Activities.AnyAsync(a => a.Id == activity),
        });
        Assert.Equal(new { Area = false, Actions = 0, Links = 0, Outcomes = 0, SubGoals = 0, Responsible = 0, Member = true, Other = true, Activity = true }, left);
        // Each row that went is in the audit log, not only the area.
        var deletes = await DeletesAsync(after);
        Assert.Contains((nameof(DevelopmentArea), created.AreaId.ToString()), deletes);
        Assert.Contains((nameof(PlannedAction), created.ActionId.ToString()), deletes);
        Assert.Contains((nameof(PlannedAction), created.AutumnActionId.ToString()), deletes);
        Assert.Contains((nameof(PlannedActionLink), linkId.ToString()), deletes);
        Assert.Contains(deletes, d => d.Type == nameof(AreaOutcome));
        Assert.Contains(deletes, d => d.Type == nameof(SubGoal));
        Assert.Contains(deletes, d => d.Type == nameof(AreaPartner));
        Assert.Contains(deletes, d => d.Type == nameof(TeamMemberArea));
        var plan = await viktor.GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}");
        Assert.Equal($"Utvecklingsområdet Område {created.Tag} har tagits bort.", plan.QuerySelector(".notice[role=status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_DeleteAction_RemovesItAndIsAudited()
    {
        var created = await PlanSamples.CreateAsync(app);
        var viktor = await app.As(Viktor);
        var confirmation = await viktor.GetDocumentAsync(ActionUrl(created));
        Assert.Contains($"Ta bort aktiviteten ”Höstens aktivitet {created.Tag}”", confirmation.QuerySelector("h1")!.TextContent);
        var after = await LastAuditIdAsync();

        var response = await viktor.PostFormAsync(ActionUrl(created), new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/verksamhetsplaner/{created.PlanId}#area-{created.AreaId}", response.Headers.Location!.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.PlannedActions.AnyAsync(a => a.Id == created.AutumnActionId)));
        Assert.True(await app.WithDbAsync(db => db.PlannedActions.AnyAsync(a => a.Id == created.ActionId)));
        Assert.Equal(new List<(string?, string?)> { (nameof(PlannedAction), created.AutumnActionId.ToString()) }, await DeletesAsync(after));
    }

    [Fact]
    public async Task Post_DeleteMember_LeavesActionsWithoutResponsible()
    {
        var created = await PlanSamples.CreateAsync(app);
        var viktor = await app.As(Viktor);
        var confirmation = await viktor.GetDocumentAsync(MemberUrl(created));
        Assert.Contains(confirmation.QuerySelectorAll("li"), li => li.TextContent.StartsWith("2 aktiviteter står utan ansvarig", StringComparison.Ordinal));
        var after = await LastAuditIdAsync();

        var response = await viktor.PostFormAsync(MemberUrl(created), new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/verksamhetsplaner/{created.PlanId}#personal", response.Headers.Location!.OriginalString);
        var state = await app.WithDbAsync(async db => new
        {
            Member = await db.TeamMembers.AnyAsync(m => m.Id == created.MemberOnLeaveId),
            Periods = await db.EmploymentPeriods.CountAsync(p => p.MemberId == created.MemberOnLeaveId),
            Responsible = await db.PlannedActions.Where(a => a.Id == created.ActionId || a.Id == created.AutumnActionId).Select(a => a.ResponsibleId).ToListAsync(),
        });
        Assert.False(state.Member);
        Assert.Equal(0, state.Periods);
        Assert.Equal(new int?[] { null, null }, state.Responsible);
        Assert.Contains((nameof(TeamMember), created.MemberOnLeaveId.ToString()), await DeletesAsync(after));
        Assert.Equal(2, (await DeletesAsync(after)).Count(d => d.Type == nameof(EmploymentPeriod)));
        // The actions that lost their responsible person are audited as updates.
        var updates = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Id > after && e.Action == "update" && e.EntityType == nameof(PlannedAction)).Select(e => new { e.EntityId, e.Changes }).ToListAsync());
        foreach (var id in new[] { created.ActionId, created.AutumnActionId })
            Assert.Contains(updates, u => u.EntityId == id.ToString() && u.Changes!.Contains("\"ResponsibleId\""));
        var plan = await viktor.GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}");
        Assert.Contains(plan.QuerySelectorAll($"tr[data-action='{created.AutumnActionId}'] td"), td => td.TextContent.Trim() == "Ingen angiven");
    }

    [Fact]
    public async Task Post_DeleteOutcome_RemovesThatYearsText()
    {
        var created = await PlanSamples.CreateAsync(app);
        var viktor = await app.As(Viktor);
        var after = await LastAuditIdAsync();

        var response = await viktor.PostFormAsync(OutcomeUrl(created), new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.AreaOutcomes.AnyAsync(o => o.AreaId == created.AreaId)));
        Assert.True(await app.WithDbAsync(db => db.AreaOutcomes.AnyAsync(o => o.AreaId == created.SharedAreaId)));
        Assert.Contains(await DeletesAsync(after), d => d.Type == nameof(AreaOutcome));
        // Nothing left to remove: the confirmation is gone, and the edit page no longer offers it.
        Assert.Equal(HttpStatusCode.NotFound, (await viktor.GetAsync(OutcomeUrl(created))).StatusCode);
        var edit = await viktor.GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}/omraden/{created.AreaId}/utfall/2019");
        Assert.Null(edit.QuerySelector($"form[action='{OutcomeUrl(created)}']"));
    }

    [Fact]
    public async Task Get_DeleteConfirmations_ChangeNothing()
    {
        var created = await PlanSamples.CreateAsync(app);
        var before = await SnapshotAsync(created);
        var viktor = await app.As(Viktor);
        foreach (var url in AllUrls(created))
        {
            var response = await viktor.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal(before, await SnapshotAsync(created));
    }

    [Fact]
    public async Task EditPages_OfferTheDeleteStep()
    {
        var created = await PlanSamples.CreateAsync(app);
        var viktor = await app.As(Viktor);
        var pages = new Dictionary<string, string>
        {
            [$"/verksamhetsplaner/{created.PlanId}/omraden/{created.AreaId}"] = AreaUrl(created),
            [$"/verksamhetsplaner/{created.PlanId}/aktiviteter/{created.AutumnActionId}"] = ActionUrl(created),
            [$"/verksamhetsplaner/{created.PlanId}/personal/{created.MemberOnLeaveId}"] = MemberUrl(created),
            [$"/verksamhetsplaner/{created.PlanId}/omraden/{created.AreaId}/utfall/2019"] = OutcomeUrl(created),
        };
        foreach (var (page, delete) in pages)
        {
            var form = (await viktor.GetDocumentAsync(page)).QuerySelector($"form[action='{delete}']");
            Assert.True(form is not null, page);
            Assert.Equal("get", form!.GetAttribute("method"));
            Assert.NotNull(form.QuerySelector("button.danger"));
        }
        // A new area or member has nothing to remove yet.
        Assert.Null((await viktor.GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}/omraden")).QuerySelector("form[method=get] button.danger"));
        Assert.Null((await viktor.GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}/personal")).QuerySelector("form[method=get] button.danger"));
    }

    [Fact]
    public async Task Delete_AsOtherRegionOrLibraryManager_IsRefused_AndChangesNothing()
    {
        var created = await PlanSamples.CreateAsync(app);
        var before = await SnapshotAsync(created);
        // Sara coordinates Skåne; Åke manages Västerås, inside Västmanland, and reads the plan but does not edit it.
        foreach (var who in new[] { Sara, Ake, Nora })
        {
            var client = await app.As(who);
            var token = await client.AntiforgeryTokenAsync("/konto/losenord");
            foreach (var url in AllUrls(created))
            {
                Assert.True(IsDenied(await client.GetAsync(url)), $"GET {url} as {who}");
                var post = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
                Assert.True(IsDenied(post), $"POST {url} as {who}: {post.StatusCode}");
            }
        }
        Assert.Equal(before, await SnapshotAsync(created));
    }

    [Fact]
    public async Task Delete_WithoutAntiforgeryToken_IsRejected()
    {
        var created = await PlanSamples.CreateAsync(app);
        var before = await SnapshotAsync(created);
        var response = await (await app.As(Viktor)).PostAsync(AreaUrl(created), new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync(created));
    }

    [Fact]
    public async Task Delete_RowOfAnotherPlan_IsNotFound()
    {
        var created = await PlanSamples.CreateAsync(app);
        var other = await PlanSamples.CreateAsync(app);
        var viktor = await app.As(Viktor);
        foreach (var url in new[]
        {
            $"/verksamhetsplaner/{created.PlanId}/omraden/{other.AreaId}/ta-bort",
            $"/verksamhetsplaner/{created.PlanId}/aktiviteter/{other.ActionId}/ta-bort",
            $"/verksamhetsplaner/{created.PlanId}/personal/{other.MemberOnLeaveId}/ta-bort",
            $"/verksamhetsplaner/{created.PlanId}/omraden/{other.AreaId}/utfall/2019/ta-bort",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await viktor.GetAsync(url)).StatusCode);
            var token = await viktor.AntiforgeryTokenAsync(AreaUrl(created));
            var post = await viktor.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        Assert.True(await app.WithDbAsync(db => db.DevelopmentAreas.AnyAsync(a => a.Id == other.AreaId)));
    }
}
