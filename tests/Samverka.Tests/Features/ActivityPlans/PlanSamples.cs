using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.ActivityPlans;
using Samverka.Web.Features.Activities;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>Test plans created straight in the database with unique names; the demo plan is Västmanland 2019.</summary>
public static class PlanSamples
{
    public const string Vastmanland = "19";
    public const string Kalmar = "08";
    public const string Skane = "12";

    /// <summary>Text as a test compares it: sv-SE's no-break and narrow no-break spaces made plain.</summary>
    public static string Plain(string s) => s.Replace('\u00A0', ' ').Replace('\u202F', ' ').Trim();

    /// <summary>The figures table of a plan page or report (token → value as shown).</summary>
    public static Dictionary<string, string> Figures(AngleSharp.Dom.IDocument doc) =>
        doc.QuerySelectorAll("table.plan-figures tr[data-figure]").ToDictionary(tr => tr.GetAttribute("data-figure")!, tr => Plain(tr.QuerySelector("td.num")!.TextContent));

    public record Created(int PlanId, int AreaId, int SharedAreaId, int ActionId, int AutumnActionId, int MemberOnLeaveId, string Tag);

    /// <summary>
    /// A 2019 plan with two areas (the second shared with <paramref name="shareWith"/> when given), a member on
    /// parental leave September–November, one spring action and one autumn action, both theirs.
    /// </summary>
    public static Task<Created> CreateAsync(SamverkaFactory app, string county = Vastmanland, string? shareWith = null) => app.WithDbAsync(async db =>
    {
        var tag = UniqueText.Letters(8);
        var now = DateTimeOffset.UtcNow;
        var plan = new ActivityPlan
        {
            CountyCode = county, Title = $"Testplan {tag}", StartDate = new(2019, 1, 1), EndDate = new(2019, 12, 31), CreatedAt = now, UpdatedAt = now,
            Vision = $"Vision {tag}", ValuesText = "Värdegrund", Premises = "Förutsättningar", Assignment = "Uppdrag",
        };
        var area = new DevelopmentArea { Name = $"Område {tag}", SortOrder = 1, SubGoals = [new SubGoal { Text = "Delmål ett" }],
            Partners = [new AreaPartner { Kind = PartnerKind.University, Name = "Bibliotekshögskolan i Borås" }] };
        var shared = new DevelopmentArea { Name = $"Delat {tag}", SortOrder = 2 };
        if (shareWith is not null) shared.SharedWith.Add(new AreaShare { CountyCode = shareWith });
        plan.Areas.AddRange([area, shared]);
        var member = new TeamMember
        {
            Name = $"Ansvarig {tag}", Areas = [new TeamMemberArea { Area = area }],
            Periods =
            [
                new EmploymentPeriod { FromMonth = new(2019, 1, 1), Percent = 100 },
                new EmploymentPeriod { FromMonth = new(2019, 9, 1), ToMonth = new(2019, 11, 1), Percent = 0, Note = "Föräldraledig" },
            ],
        };
        plan.Team.Add(member);
        var spring = new PlannedAction { Text = $"Vårens aktivitet {tag}", Responsible = member, PlannedFrom = new(2019, 3, 1), PlannedTo = new(2019, 5, 1), UpdatedAt = now };
        var autumn = new PlannedAction { Text = $"Höstens aktivitet {tag}", Responsible = member, PlannedFrom = new(2019, 10, 1), PlannedTo = new(2019, 12, 1), UpdatedAt = now };
        area.Actions.AddRange([spring, autumn]);
        area.Outcomes.Add(new AreaOutcome { Year = 2019, Text = $"Utfall {tag}: {{{{aktiviteter.antal}}}} aktiviteter i {{{{kommuner.nadda}}}} av {{{{kommuner.totalt}}}} kommuner.", UpdatedAt = now });
        shared.Outcomes.Add(new AreaOutcome { Year = 2019, Text = $"Delat utfall {tag}", UpdatedAt = now });
        db.ActivityPlans.Add(plan);
        await db.SaveChangesAsync();
        return new Created(plan.Id, area.Id, shared.Id, spring.Id, autumn.Id, member.Id, tag);
    });

    /// <summary>The demo plan (Västmanland 2019, seed 004).</summary>
    public static Task<int> DemoPlanIdAsync(SamverkaFactory app) =>
        app.WithDbAsync(db => db.ActivityPlans.Where(p => p.CountyCode == Vastmanland && p.Title == ActivityPlanDemoData.Title).Select(p => p.Id).SingleAsync());

    /// <summary>A published activity of the county with one session on <paramref name="date"/>, organised by the library.</summary>
    public static Task<int> ActivityAsync(SamverkaFactory app, string county, DateOnly date, int? organiserLibraryId = null, int? themeId = null) => app.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var a = new Activity
        {
            Uid = Guid.NewGuid(), Title = $"Utbildningsdag {UniqueText.Letters(6)}", CountyCode = county, OrganiserLibraryId = organiserLibraryId,
            Kind = ActivityKind.Kompetensdag, Capacity = 30, CreatedAt = now, UpdatedAt = now,
            Sessions = [new ActivitySession { Date = date, StartTime = new(9, 0), EndTime = new(16, 0) }],
        };
        if (themeId is int t) a.Themes.Add(new ActivityTheme { ThemeId = t });
        db.Activities.Add(a);
        await db.SaveChangesAsync();
        return a.Id;
    });
}
