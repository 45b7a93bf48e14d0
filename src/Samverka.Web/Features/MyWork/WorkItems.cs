using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Activities;
using Samverka.Web.Features.Administration.Accounts;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Needs;
using Samverka.Web.Features.SelfAssessment;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.MyWork;

/// <summary>
/// One thing to do on the start page: a count, one line saying what it is and the list where it is handled; optionally a
/// detail after the link (an open round's responses so far and days left). The detail is not part of what the national
/// table shows or what the weekly digest compares.
/// </summary>
public sealed record WorkItem(string Key, int Count, string Text, string Href, string? Detail = null);

/// <summary>The items of one of the person's roles, under a heading (e.g. "Regional samordnare, Region Skåne").</summary>
public sealed record WorkGroup(string Heading, IReadOnlyList<WorkItem> Items);

/// <summary>
/// "Mitt arbete": what needs doing now, per role and within the person's scope. Every count is made by the rule the
/// feature's own list filters by (AgreementRules.Shows, ActivityRules.Calendar, AccountQueries.Filter, …) with the
/// same arguments as the linked list, so the count and the list cannot disagree. No status is computed here.
/// </summary>
public static class WorkItems
{
    public const int ActivityDays = 30;
    /// <summary>How far ahead staff see activities matching their region's needs: long enough to register in time.</summary>
    public const int MatchingDays = 90;

    public static async Task<List<WorkGroup>> ForAsync(AppDbContext db, UserScope s, DateTimeOffset now, CancellationToken ct = default)
    {
        var today = SwedishTimeZone.Today(now);
        var groups = new List<WorkGroup>();
        if (s.IsAdmin) groups.Add(new("Administratör", await AdminAsync(db, s, now, today, ct)));
        foreach (var code in s.Counties.Order())
        {
            var name = await db.Counties.Where(c => c.Code == code).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? code;
            groups.Add(new($"Regional samordnare, {name}", await RegionalAsync(db, s, code, today, ct)));
        }
        if (s.Municipalities.Count > 0) groups.Add(new("Bibliotekschef", await ManagerAsync(db, s, today, ct)));
        if (s.Libraries.Count > 0) groups.Add(new("Bibliotekspersonal", await StaffAsync(db, s, today, ct)));
        return groups.Select(g => g with { Items = g.Items.Where(i => i.Count > 0).ToList() }).ToList();
    }

    /// <summary>A region's items as the person sees them; every link filters its list by the region.</summary>
    public static async Task<List<WorkItem>> RegionalAsync(AppDbContext db, UserScope s, string county, DateOnly today, CancellationToken ct = default)
    {
        var agreements = await (await AgreementRules.ReadableAsync(db, s, ct)).AsNoTracking().Where(a => a.CountyCode == county)
            .Include(a => a.FollowUps).ToListAsync(ct);
        var items = new List<WorkItem>
        {
            Agreements(agreements, county, today, "forsenade", "överenskommelser har en avstämning som är försenad"),
            Agreements(agreements, county, today, "avstamning", $"överenskommelser har en avstämning inom {AgreementRules.FollowUpSoonDays} dagar"),
            Agreements(agreements, county, today, "upphor", $"överenskommelser upphör inom {AgreementRules.RenewalDays} dagar"),
            Agreements(agreements, county, today, "utkast", "överenskommelser är utkast som inte är undertecknade"),
            await CalendarAsync(db, s, today, new CalendarFilter(County: county, SeatsLeft: true, WithinDays: ActivityDays),
                $"aktiviteter de kommande {ActivityDays} dagarna har lediga platser", "seats-left", ct),
            await CalendarAsync(db, s, today, new CalendarFilter(County: county, WaitingList: true, WithinDays: ActivityDays),
                $"aktiviteter de kommande {ActivityDays} dagarna har reservlista", "waiting-list", ct),
            await CalendarAsync(db, s, today, new CalendarFilter(County: county, Past: true, AttendanceMissing: true),
                "aktiviteter har genomförda tillfällen där närvaron inte är markerad (intyg och utvärdering skickas när sista tillfället är markerat)",
                "attendance-missing", ct),
            await CalendarAsync(db, s, today, new CalendarFilter(County: county, Past: true, EvaluationsUnread: true),
                $"aktiviteter har utvärderingssvar som du inte har läst (svaren visas från {Activities.EvaluationModel.MinAnswers} svar)", "evaluations-unread", ct),
            await AssessmentRoundsAsync(db, s, county, today, ct),
            new("needs-unanswered", await (await NeedRules.ListedAsync(db, s, county, unansweredOnly: true, ct)).CountAsync(ct),
                "behov i regionen har inget svar ännu (ingen aktivitet, inget erbjudande, ingen överenskommelse eller åtgärd)",
                $"/behov?lan={county}&visa={Needs.IndexModel.Unanswered}#needs"),
            new("priority-rounds-open", await (await NeedRules.RoundsListedAsync(db, s, county, openOnly: true, ct)).CountAsync(ct),
                "prioriteringsomgångar pågår", $"/behov?lan={county}&omgangar={Needs.IndexModel.OpenRounds}#rounds"),
        };
        items.Add(await WorkshopsAsync(db, county, today, ct));
        items.AddRange(await LibraryPlansAsync(db, county, today, ct));
        items.AddRange(await SurveysAsync(db, county, today, ct));
        items.AddRange(await PlanActionsAsync(db, s, county, today, ct));
        return items;
    }

    /// <summary>The region's municipalities whose library plan stops being in force, or current by KB's rule, at the turn of the year (the overview's lists).</summary>
    private static async Task<WorkItem[]> LibraryPlansAsync(AppDbContext db, string county, DateOnly today, CancellationToken ct)
    {
        var summary = LibraryPlans.PlanOverview.For(await LibraryPlans.PlanOverview.LoadAsync(db, county, ct), today.Year, county);
        return
        [
            new("plans-lacking-in-force", summary.LackingInForce.Count(),
                $"kommuner har en biblioteksplan som slutar gälla före {today.Year + 1} utan att en ny är registrerad", $"/biblioteksplaner?lan={county}#lacking-in-force"),
            new("plans-losing-current", summary.LosingCurrent.Count(),
                $"kommuner har inte längre en tidsmässigt aktuell biblioteksplan enligt KB {today.Year + 1}", $"/biblioteksplaner?lan={county}#losing-current"),
        ];
    }

    /// <summary>Municipalities of the region without a workshop after its latest round (the coverage on /sjalvskattning/behov).</summary>
    private static async Task<WorkItem> WorkshopsAsync(AppDbContext db, string county, DateOnly today, CancellationToken ct)
    {
        const string text = "kommuner har inte haft en workshop efter regionens senaste mätomgång";
        var c = await WorkshopCoverage.ForLatestRoundAsync(db, county, today, ct);
        if (c is null) return new("workshops-missing", 0, text, "/sjalvskattning/behov");
        var names = c.NotCovered.Count is > 0 and <= 5 ? $"; utan workshop: {string.Join(", ", c.NotCovered)}" : "";
        return new("workshops-missing", c.NotCovered.Count, text, $"/sjalvskattning/behov?ar={c.Since.Year}&lan={county}#coverage-{c.RoundId}",
            $"{c.RoundName}, från {Date(c.Since)}{names}");
    }

    /// <summary>The region's plan surveys: answers to confirm, and answers missing from surveys sent in the last year.</summary>
    private static async Task<WorkItem[]> SurveysAsync(AppDbContext db, string county, DateOnly today, CancellationToken ct)
    {
        var surveys = await LibraryPlans.SurveyFollowUp.ForCountyAsync(db, county, today, ct);
        return
        [
            new("surveys-to-confirm", surveys.Sum(x => x.ToConfirm),
                "svar på regionens enkäter om biblioteksplaner väntar på att du bekräftar dem (först då ändras registret)",
                $"/biblioteksplaner?lan={county}#surveys-to-confirm"),
            new("surveys-non-respondents", surveys.Sum(x => x.NonRespondentsToRemind),
                $"svar saknas på enkäter om biblioteksplaner som regionen har skickat de senaste {LibraryPlans.SurveyFollowUp.RecentMonths} månaderna",
                $"/biblioteksplaner?lan={county}#surveys-non-respondents"),
        ];
    }

    /// <summary>Open self-assessment rounds of the region, with each one's responses so far (suppressed below the threshold) and days left.</summary>
    private static async Task<WorkItem> AssessmentRoundsAsync(AppDbContext db, UserScope s, string county, DateOnly today, CancellationToken ct)
    {
        var threshold = Suppression.Options(db).MinGroupForMean;
        var open = await AssessmentRules.Listed(db, s, county, openOnly: true, today).OrderBy(r => r.ClosesOn).ThenBy(r => r.Name)
            .Select(r => new { r.Name, r.ClosesOn, Responses = db.AssessmentResponses.Count(x => x.RoundId == r.Id) }).ToListAsync(ct);
        var detail = string.Join("; ", open.Select(r =>
        {
            var responses = Suppression.ShownCount(r.Responses, threshold)?.ToString("N0", CultureInfo.GetCultureInfo("sv-SE")) ?? Suppression.FewerThan(threshold);
            var days = r.ClosesOn.DayNumber - today.DayNumber;
            return $"{r.Name}: {responses} svar hittills, {(days == 0 ? "sista dagen i dag" : days == 1 ? "1 dag kvar" : $"{days} dagar kvar")}";
        }));
        return new("assessment-open", open.Count, "självskattningsomgångar är öppna", $"/sjalvskattning?lan={county}&visa={SelfAssessment.IndexModel.OpenOnly}#rounds",
            open.Count > 0 ? detail : null);
    }

    private static async Task<List<WorkItem>> ManagerAsync(AppDbContext db, UserScope s, DateOnly today, CancellationToken ct)
    {
        var asManager = s with { Libraries = new HashSet<int>() };
        var agreements = await (await AgreementRules.ReadableAsync(db, asManager, ct)).AsNoTracking().Include(a => a.FollowUps).ToListAsync(ct);
        var next = agreements.Select(a => (Agreement: a, FollowUp: AgreementRules.NextFollowUp(a))).Where(x => x.FollowUp is not null)
            .OrderBy(x => x.FollowUp!.DueOn).FirstOrDefault();
        var items = new List<WorkItem>
        {
            await CalendarAsync(db, asManager, today, new CalendarFilter(Registered: true, WithinDays: ActivityDays),
                $"aktiviteter de kommande {ActivityDays} dagarna där du eller din personal är anmäld", "staff-registrations", ct)
                with { Detail = await StaffWaitingAsync(db, s, today, ct) },
            new("agreements-party", agreements.Count, "överenskommelser som er kommun eller era bibliotek är part i", "/overenskommelser",
                next.Agreement is null ? null : $"nästa avstämning {Date(next.FollowUp!.DueOn)} ({next.Agreement.Title})"),
            new("assessment-links", await SelfAssessment.AssessmentRules.OpenLinks(db, [], s.Municipalities, today).CountAsync(ct),
                "svarslänkar till öppna självskattningsomgångar för era bibliotek att skicka till personalen", "/sjalvskattning#manager-links"),
        };
        // One item per municipality whose library plan needs a successor (no recorded plan is in force a year from today).
        foreach (var plan in (await LibraryPlans.PlanAttention.ForAsync(db, s.Municipalities, today, ct)).Where(p => p.NeedsAttention))
            items.Add(new($"library-plan-{plan.Code}", 1,
                plan.InForceTo is DateOnly to
                    ? $"biblioteksplan i {plan.Name} slutar gälla {Date(to)} och ingen ny plan är registrerad"
                    : $"kommun, {plan.Name}, har ingen registrerad biblioteksplan som gäller i dag",
                $"/biblioteksplaner/kommun/{plan.Code}#plan-today",
                plan.NextReminder is { } r ? $"nästa påminnelse med e-post {Date(r.On)}" : null));
        return items;
    }

    private static async Task<List<WorkItem>> StaffAsync(AppDbContext db, UserScope s, DateOnly today, CancellationToken ct)
    {
        var self = s with { Municipalities = new HashSet<string>(), Counties = new HashSet<string>() };
        var items = new List<WorkItem>
        {
            await CalendarAsync(db, self, today, new CalendarFilter(Registered: true),
                "kommande aktiviteter som du är anmäld till eller står på reservlistan för (där kan du avboka)", "my-registrations", ct)
                with { Detail = await WaitingPlacesAsync(db, s, today, ct) },
            await CalendarAsync(db, self, today, new CalendarFilter(Past: true, ToEvaluate: true),
                "aktiviteter du har deltagit i väntar på din utvärdering (den sparas utan ditt namn)", "evaluations-to-answer", ct),
            await CalendarAsync(db, self, today, new CalendarFilter(Past: true, Attended: true),
                "aktiviteter du har deltagit i har ett intyg som du kan ladda ned på aktivitetens sida", "certificates", ct),
            // Never whether the person answered: a response is not tied to anyone, so the item stays while the round is open.
            new("assessment-open-mine", await SelfAssessment.AssessmentRules.OpenLinks(db, s.Libraries, [], today).CountAsync(ct),
                "självskattningsomgångar är öppna för ditt bibliotek (svaret är anonymt)", "/sjalvskattning#staff-links"),
        };
        var libraries = s.Libraries.ToArray();
        var counties = await db.Libraries.AsNoTracking().Where(l => libraries.Contains(l.Id))
            .Select(l => new { l.Municipality!.CountyCode, County = l.Municipality.County!.Name }).Distinct().OrderBy(c => c.CountyCode).ToListAsync(ct);
        foreach (var c in counties)
            items.Add(await CalendarAsync(db, self, today, new CalendarFilter(County: c.CountyCode, MatchesNeeds: true, WithinDays: MatchingDays),
                $"aktiviteter i {c.County} de kommande {MatchingDays} dagarna har teman som regionens registrerade behov gäller",
                counties.Count == 1 ? "matching-needs" : $"matching-needs-{c.CountyCode}", ct));
        return items;
    }

    /// <summary>How many of the manager's staff wait for a place on an activity in the coming <see cref="ActivityDays"/> days.</summary>
    private static async Task<string?> StaffWaitingAsync(AppDbContext db, UserScope s, DateOnly today, CancellationToken ct)
    {
        var municipalities = s.Municipalities.ToArray();
        var last = today.AddDays(ActivityDays);
        var waiting = await db.ActivityRegistrations.AsNoTracking()
            .CountAsync(r => r.Status == RegistrationStatus.Waiting && municipalities.Contains(r.Person!.Library!.MunicipalityCode)
                && r.Activity!.Sessions.Any(x => x.Date >= today && x.Date <= last), ct);
        return waiting == 0 ? null : waiting == 1 ? "en anmälan står på reservlistan" : $"{waiting} anmälningar står på reservlistan";
    }

    /// <summary>"reservplats 2 på Titel" for each coming activity where the person waits, by the waiting list's own order.</summary>
    private static async Task<string?> WaitingPlacesAsync(AppDbContext db, UserScope s, DateOnly today, CancellationToken ct)
    {
        var email = s.Email?.ToLowerInvariant() ?? "";
        var waiting = await db.ActivityRegistrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Waiting && r.Person!.Email.ToLower() == email && r.Activity!.Sessions.Any(x => x.Date >= today))
            .OrderBy(r => r.Activity!.Sessions.Min(x => x.Date)).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.ActivityId, r.Activity!.Title }).ToListAsync(ct);
        var places = new List<string>();
        foreach (var w in waiting)
            places.Add($"reservplats {Seats.Position(await Seats.WaitingOrderAsync(db, w.ActivityId, ct), w.Id, RegistrationStatus.Waiting)} på {w.Title}");
        return places.Count == 0 ? null : string.Join("; ", places);
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<List<WorkItem>> AdminAsync(AppDbContext db, UserScope s, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var users = AccountQueries.VisibleUsers(db, s);
        var since = today.AddDays(-1);
        var sinceUtc = SwedishTimeZone.Instant(since, TimeOnly.MinValue).ToUniversalTime();
        return
        [
            new("locked", await AccountQueries.Filter(users, "last", now).CountAsync(ct), "konton är låsta efter för många misslyckade inloggningar",
                "/admin/konton?visa=last"),
            new("no-2fa", await AccountQueries.Filter(users, "utan-tvasteg", now).CountAsync(ct), "aktiva konton saknar tvåstegsverifiering",
                "/admin/konton?visa=utan-tvasteg"),
            new("mail-failing", await Administration.Mail.IndexModel.Failing(db.OutboxMessages).CountAsync(ct),
                "e-postmeddelanden har inte kunnat skickas", "/admin/e-post?visa=misslyckade"),
            new("refusals", await db.AuditEvents.CountAsync(e => e.Action == AuditLog.Actions.AccessDenied && e.OccurredAt >= sinceUtc, ct),
                "nekade åtkomstförsök i loggen sedan i går",
                $"/admin/logg?handelse={AuditLog.Actions.AccessDenied}&fran={since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"),
        ];
    }

    private static WorkItem Agreements(List<Agreement> agreements, string? county, DateOnly today, string filter, string text) =>
        new($"agreements-{filter}", agreements.Count(a => AgreementRules.Shows(filter, a, today)), text,
            county is null ? $"/overenskommelser?visa={filter}" : $"/overenskommelser?lan={county}&visa={filter}");

    private static async Task<WorkItem> CalendarAsync(AppDbContext db, UserScope s, DateOnly today, CalendarFilter f, string text, string key,
        CancellationToken ct)
    {
        var count = await ActivityRules.Calendar(db, s, f, today).CountAsync(ct);
        var query = new Dictionary<string, string?>
        {
            ["lan"] = f.County, ["ledigt"] = f.SeatsLeft ? "true" : null, ["reservlista"] = f.WaitingList ? "true" : null,
            ["anmald"] = f.Registered ? "true" : null, ["dagar"] = f.WithinDays?.ToString(CultureInfo.InvariantCulture),
            ["narvaro"] = f.AttendanceMissing ? "true" : null, ["utvardera"] = f.ToEvaluate ? "true" : null, ["intyg"] = f.Attended ? "true" : null, ["behov"] = f.MatchesNeeds ? "true" : null, ["olasta"] = f.EvaluationsUnread ? "true" : null,
            ["tidigare"] = f.Past && !(f.AttendanceMissing || f.ToEvaluate || f.Attended || f.EvaluationsUnread) ? "true" : null,
        };
        return new(key, count, text, QueryHelpers.AddQueryString("/aktiviteter", query.Where(kv => kv.Value is not null)));
    }

    /// <summary>The region's activity plan actions at risk (not yet past) and overdue, as the plans list shows them (PlanFollowUp).</summary>
    private static async Task<WorkItem[]> PlanActionsAsync(AppDbContext db, UserScope s, string county, DateOnly today, CancellationToken ct) =>
    [
        new("actions-at-risk", (await ActivityPlans.PlanFollowUp.AtRiskAsync(db, s, county, today, ct)).Count,
            "planerade aktiviteter i verksamhetsplanen är i riskzonen (den ansvariga är borta en planerad månad)",
            $"/verksamhetsplaner?lan={county}&visa={ActivityPlans.PlanFollowUp.AtRiskFilter}#at-risk"),
        new("actions-overdue", (await ActivityPlans.PlanFollowUp.OverdueAsync(db, s, county, today, ct)).Count,
            "planerade aktiviteter har passerat sina planerade månader utan att vara genomförda eller avbrutna",
            $"/verksamhetsplaner?lan={county}&visa={ActivityPlans.PlanFollowUp.OverdueFilter}#overdue"),
    ];
}
