using System.Globalization;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Features.Activities;
using Samverka.Tests.Support;
using Samverka.Web.Features.Activities;
using Samverka.Web.Features.Directory;
using Samverka.Web.Features.LibraryPlans;
using Samverka.Web.Features.Needs;
using Samverka.Web.Features.SelfAssessment;
using Samverka.Web.Infrastructure;
using static Samverka.Tests.Security.ScopeSupport;
using static Samverka.Tests.Features.MyWork.WorkItemSamples;

namespace Samverka.Tests.Features.MyWork;

/// <summary>
/// "Mitt arbete" for a library manager (the library plan needing a successor, the answer links of open self-assessment
/// rounds, the next agreement follow-up) and for library staff (the open round for their library, the region's activities
/// matching its needs). Halland (13) is left alone by the demo and the other tests, so the counts are this test's.
/// </summary>
[Collection(AppCollection.Name)]
public class ManagerAndStaffItemsTests(SamverkaFactory app)
{
    private const string County = "13";

    [Fact]
    public async Task Manager_PlanEndingWithinAYear_IsAnItem_UntilASuccessorIsRegistered()
    {
        var today = SwedishTimeZone.Today(DateTimeOffset.UtcNow);
        var (code, name) = await MunicipalityAsync(0);
        var ends = today.AddMonths(4);
        await app.WithDbAsync(db =>
        {
            db.LibraryPlans.Add(Plan(code, today.AddYears(-3), ends));
            return db.SaveChangesAsync();
        });
        var (_, email) = await app.CreateAccountAsync($"{Roles.LibraryManager}:{code}");
        var client = await app.SignInAsync(email);

        var item = Item(await client.GetDocumentAsync("/"), $"library-plan-{code}");
        Assert.NotNull(item);
        Assert.Equal($"1 biblioteksplan i {name} slutar gälla {ends:yyyy-MM-dd} och ingen ny plan är registrerad",
            item.QuerySelector("a")!.TextContent);
        // Four months before the end: the six-month reminder is due now (the hourly run sends it today).
        Assert.Equal($" – nästa påminnelse med e-post {today:yyyy-MM-dd}", item.QuerySelector(".detail")!.TextContent);
        var href = item.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/biblioteksplaner/kommun/{code}#plan-today", href);
        var page = await client.GetDocumentAsync(href);
        Assert.Equal("1", page.QuerySelector("#plan-today")!.GetAttribute("data-count"));
        Assert.Equal(ends.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page.QuerySelector("[data-in-force-to]")!.GetAttribute("data-in-force-to"));

        await app.WithDbAsync(db =>
        {
            db.LibraryPlans.Add(Plan(code, ends.AddDays(1), ends.AddYears(4)));
            return db.SaveChangesAsync();
        });
        Assert.Null(Item(await client.GetDocumentAsync("/"), $"library-plan-{code}"));
        Assert.Equal("0", (await client.GetDocumentAsync(href)).QuerySelector("#plan-today")!.GetAttribute("data-count"));
    }

    [Fact]
    public async Task Manager_NoPlanAtAll_IsAnItem()
    {
        var (code, name) = await MunicipalityAsync(1);
        var (_, email) = await app.CreateAccountAsync($"{Roles.LibraryManager}:{code}");
        var client = await app.SignInAsync(email);
        var item = Item(await client.GetDocumentAsync("/"), $"library-plan-{code}");
        Assert.NotNull(item);
        Assert.Equal($"1 kommun, {name}, har ingen registrerad biblioteksplan som gäller i dag", item.QuerySelector("a")!.TextContent);
        Assert.Null(item.QuerySelector(".detail"));
        Assert.Equal("1", (await client.GetDocumentAsync($"/biblioteksplaner/kommun/{code}")).QuerySelector("#plan-today")!.GetAttribute("data-count"));
    }

    /// <summary>The reminder schedule as QueueDueAsync sends it: a year, six months, and at the end (for 30 days).</summary>
    [Theory]
    [InlineData("2027-06-30", "2026-01-15", "", "2026-07-01", "year")]
    [InlineData("2027-06-30", "2026-07-01", "", "2026-07-01", "year")]
    [InlineData("2027-06-30", "2026-07-02", "year", "2027-01-01", "six-months")]
    [InlineData("2027-06-30", "2027-02-01", "", "2027-02-01", "six-months")] // the year reminder's time passed unsent
    [InlineData("2027-06-30", "2027-02-01", "six-months", "2027-07-01", "expired")]
    [InlineData("2027-06-30", "2027-07-15", "year,six-months", "2027-07-15", "expired")]
    [InlineData("2027-06-30", "2027-07-15", "expired", null, null)]
    [InlineData("2027-06-30", "2027-09-01", "", null, null)] // ended more than 30 days ago: no reminder any more
    public void NextReminder_FollowsTheSchedule(string validTo, string today, string sent, string? on, string? kind)
    {
        var next = PlanReminders.Next(DateOnly.Parse(validTo, CultureInfo.InvariantCulture), DateOnly.Parse(today, CultureInfo.InvariantCulture),
            sent.Split(',', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(on, next?.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(kind, next?.Kind);
    }

    [Fact]
    public async Task OpenRoundLinks_ForTheManagersLibraries_AndForTheStaffsLibrary_CountTheirLists()
    {
        var today = SwedishTimeZone.Today(DateTimeOffset.UtcNow);
        var (code, _) = await MunicipalityAsync(2);
        var (other, _) = await MunicipalityAsync(3);
        var (libraries, tokens) = await app.WithDbAsync(async db =>
        {
            var tag = Tag();
            var libs = new[] { code, code, other }.Select((m, i) => new Library
            {
                Name = $"Testbibliotek {tag} {(char)('a' + i)}", MunicipalityCode = m, Kind = LibraryKind.Folkbibliotek,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            }).ToList();
            db.Libraries.AddRange(libs);
            await db.SaveChangesAsync();
            var instrument = await db.AssessmentInstruments.Select(i => i.Id).FirstAsync();
            var open = Round(County, $"Öppen {tag}", instrument, today.AddDays(-2), today.AddDays(10));
            var closed = Round(County, $"Stängd {tag}", instrument, today.AddDays(-20), today.AddDays(10));
            closed.ClosedEarly = true;
            foreach (var r in new[] { open, closed })
                r.Links = [.. libs.Select(l => new AssessmentLink { LibraryId = l.Id, Token = AssessmentRules.NewToken() })];
            db.AssessmentRounds.AddRange(open, closed);
            await db.SaveChangesAsync();
            return (libs.Select(l => l.Id).ToList(), open.Links.Select(l => l.Token).ToList());
        });

        var (_, manager) = await app.CreateAccountAsync($"{Roles.LibraryManager}:{code}");
        var managerClient = await app.SignInAsync(manager);
        var item = Item(await managerClient.GetDocumentAsync("/"), "assessment-links")!;
        Assert.Equal("2", Count(item));
        var list = await managerClient.GetDocumentAsync(item.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal("2", list.QuerySelector("#manager-links")!.GetAttribute("data-count"));
        var shown = list.QuerySelector("#manager-links")!.TextContent;
        Assert.Contains($"/sjalvskattning/svara/{tokens[0]}", shown);
        Assert.Contains($"/sjalvskattning/svara/{tokens[1]}", shown);
        Assert.DoesNotContain(tokens[2], shown); // another municipality's library

        var (_, staff) = await app.CreateAccountAsync($"{Roles.LibraryStaff}:{libraries[1]}");
        var staffClient = await app.SignInAsync(staff);
        var mine = Item(await staffClient.GetDocumentAsync("/"), "assessment-open-mine")!;
        Assert.Equal("1", Count(mine));
        Assert.Equal("/sjalvskattning#staff-links", mine.QuerySelector("a")!.GetAttribute("href"));
        var staffList = await staffClient.GetDocumentAsync("/sjalvskattning");
        Assert.Equal("1", staffList.QuerySelector("#staff-links")!.GetAttribute("data-count"));
        var answer = staffList.QuerySelector("#staff-links a")!.GetAttribute("href")!;
        Assert.Equal($"/sjalvskattning/svara/{tokens[1]}", answer);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await staffClient.GetAsync(answer)).StatusCode);
        // Staff see their own library's link only, never the manager's table.
        Assert.Null(staffList.QuerySelector("#manager-links"));
    }

    [Fact]
    public async Task Staff_RegionsActivitiesMatchingItsNeeds_CountTheCalendarsList()
    {
        var (code, _) = await MunicipalityAsync(4);
        var (libraryId, needTheme, otherTheme) = await app.WithDbAsync(async db =>
        {
            var themes = await db.Themes.Where(t => t.IsActive).OrderBy(t => t.SortOrder).Select(t => t.Id).Take(7).ToListAsync();
            var lib = new Library { Name = $"Testbibliotek {Tag()}", MunicipalityCode = code, Kind = LibraryKind.Folkbibliotek,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            db.Libraries.Add(lib);
            db.Needs.Add(new Need { Title = $"Behov {Tag()}", Source = NeedSource.Library, CountyCode = County, ThemeId = themes[5],
                CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow });
            // A need of another region with the other theme: it does not make Halland's activities match.
            db.Needs.Add(new Need { Title = $"Behov {Tag()}", Source = NeedSource.Library, CountyCode = "14", ThemeId = themes[6],
                CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return (lib.Id, themes[5], themes[6]);
        });
        var matching = await ActivitySamples.CreateAsync(app, county: County, days: 40, themes: [needTheme, otherTheme]);
        var otherTopic = await ActivitySamples.CreateAsync(app, county: County, days: 40, themes: [otherTheme]);
        var otherRegion = await ActivitySamples.CreateAsync(app, county: "14", days: 40, themes: [needTheme]);
        var draft = await ActivitySamples.CreateAsync(app, county: County, days: 40, themes: [needTheme], status: ActivityStatus.Draft);
        var tooLate = await ActivitySamples.CreateAsync(app, county: County, days: 200, themes: [needTheme]);

        var (_, staff) = await app.CreateAccountAsync($"{Roles.LibraryStaff}:{libraryId}");
        var client = await app.SignInAsync(staff);
        var item = Item(await client.GetDocumentAsync("/"), "matching-needs")!;
        var href = item.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/aktiviteter?lan={County}&dagar=90&behov=true", href);
        Assert.Contains("Hallands län", item.TextContent);
        var calendar = await client.GetDocumentAsync(href);
        Assert.Equal(Count(item), calendar.QuerySelector("[data-count]")!.GetAttribute("data-count"));
        var linked = calendar.QuerySelectorAll("table a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/aktiviteter/{matching}", linked);
        foreach (var id in new[] { otherTopic, otherRegion, draft, tooLate }) Assert.DoesNotContain($"/aktiviteter/{id}", linked);
    }

    [Fact]
    public async Task Staff_MyRegistrations_NameTheWaitingPlaceWithItsPosition()
    {
        var people = await ActivitySamples.PeopleAsync(app, 3);
        var full = await ActivitySamples.CreateAsync(app, county: County, days: 12, capacity: 1);
        var (title, email, libraryId) = await app.WithDbAsync(async db =>
        {
            foreach (var (person, status) in people.Zip([RegistrationStatus.Confirmed, RegistrationStatus.Waiting, RegistrationStatus.Waiting]))
            {
                db.ActivityRegistrations.Add(new ActivityRegistration { ActivityId = full, PersonId = person, Status = status,
                    CreatedAt = DateTimeOffset.UtcNow, CancelTokenHash = Guid.NewGuid().ToString("N") });
                await db.SaveChangesAsync(); // one at a time: the waiting list's order is the registrations' order
            }
            var p = await db.People.SingleAsync(x => x.Id == people[2]);
            return (await db.Activities.Where(a => a.Id == full).Select(a => a.Title).SingleAsync(), p.Email, p.LibraryId);
        });
        var (_, account) = await app.CreateAccountAsync([$"{Roles.LibraryStaff}:{libraryId}"], email);
        var client = await app.SignInAsync(account);
        var item = Item(await client.GetDocumentAsync("/"), "my-registrations")!;
        Assert.Equal("1", Count(item));
        Assert.Equal($" – reservplats 2 på {title}", item.QuerySelector(".detail")!.TextContent);
        var calendar = await client.GetDocumentAsync(item.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal("1", calendar.QuerySelector("[data-count]")!.GetAttribute("data-count"));

        // The manager of the people's municipality sees the activity among the staff's, with the waiting registrations counted.
        var municipality = await app.WithDbAsync(db => db.Libraries.Where(l => l.Id == libraryId).Select(l => l.MunicipalityCode).SingleAsync());
        var (_, manager) = await app.CreateAccountAsync($"{Roles.LibraryManager}:{municipality}");
        var managerClient = await app.SignInAsync(manager);
        var staffItem = Item(await managerClient.GetDocumentAsync("/"), "staff-registrations")!;
        var listed = await managerClient.GetDocumentAsync(staffItem.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal(Count(staffItem), listed.QuerySelector("[data-count]")!.GetAttribute("data-count"));
        Assert.Contains($"/aktiviteter/{full}", listed.QuerySelectorAll("table a").Select(a => a.GetAttribute("href")));
        var today = SwedishTimeZone.Today(DateTimeOffset.UtcNow);
        var last = today.AddDays(30);
        var waitingNow = await app.WithDbAsync(db => db.ActivityRegistrations.CountAsync(r => r.Status == RegistrationStatus.Waiting
            && r.Person!.Library!.MunicipalityCode == municipality && r.Activity!.Sessions.Any(x => x.Date >= today && x.Date <= last)));
        Assert.True(waitingNow >= 2);
        Assert.Equal($" – {waitingNow} anmälningar står på reservlistan", staffItem.QuerySelector(".detail")!.TextContent);
    }

    private async Task<(string Code, string Name)> MunicipalityAsync(int index) => await app.WithDbAsync(async db =>
    {
        var m = await db.Municipalities.Where(x => x.CountyCode == County).OrderBy(x => x.Code).Skip(index).Select(x => new { x.Code, x.Name }).FirstAsync();
        return (m.Code, m.Name);
    });

    private static LibraryPlan Plan(string code, DateOnly from, DateOnly to) => new()
    {
        MunicipalityCode = code, Title = $"Biblioteksplan {Tag()}", ValidFrom = from, ValidTo = to, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
    };
}
