using System.Globalization;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Features.Activities;
using Samverka.Web.Features.LibraryPlans;
using Samverka.Web.Features.Needs;
using Samverka.Tests.Features.Activities;
using Samverka.Web.Features.SelfAssessment;
using Samverka.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Features.MyWork;

/// <summary>"Mitt arbete" on the start page: per role, each item's count equals the list it links to.</summary>
[Collection(AppCollection.Name)]
public class StartPageTests(SamverkaFactory app)
{
    public static TheoryData<string> Accounts => new() { Sara, Viktor, Maja, Ake, Hugo, Ella, Nora, Admin };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task EveryItem_CountsWhatItsLinkedListShows(string email)
    {
        var client = await app.As(email);
        var doc = await client.GetDocumentAsync("/");
        Assert.Equal("Mitt arbete", doc.QuerySelector("h1")?.TextContent);
        var items = await AssertEachItemCountsItsListAsync(client, doc, email);
        if (items.Count == 0 && email != Nora)
            Assert.NotNull(doc.QuerySelector(".notice"));
    }

    /// <summary>Every item's count equals the data-count of the list it links to (the one its fragment names, if any).</summary>
    private static async Task<Dictionary<string, (int Count, string Href, string? Detail)>> AssertEachItemCountsItsListAsync(HttpClient client, IDocument doc, string who)
    {
        var found = new Dictionary<string, (int, string, string?)>();
        foreach (var item in doc.QuerySelectorAll("li[data-item]"))
        {
            var key = item.GetAttribute("data-item")!;
            var count = int.Parse(item.QuerySelector(".count")!.TextContent.Replace("\u00a0", "").Replace(" ", ""), CultureInfo.InvariantCulture);
            Assert.True(count > 0, $"{key}: empty items are hidden");
            var href = item.QuerySelector("a")!.GetAttribute("href")!;
            var list = await client.GetDocumentAsync(href);
            // A page with several lists: the link's fragment names the one it counts.
            var fragment = href.Contains('#') ? href[(href.IndexOf('#') + 1)..] : null;
            var shown = list.QuerySelector(fragment is null ? "[data-count]" : $"#{fragment}[data-count], #{fragment} [data-count]")?.GetAttribute("data-count");
            Assert.True(shown == count.ToString(CultureInfo.InvariantCulture), $"{who} {key}: start page {count}, {href} shows {shown}");
            found[key] = (count, href, item.QuerySelector(".detail")?.TextContent);
        }
        return found;
    }

    /// <summary>
    /// A region of its own (Uppsala, which the demo leaves empty) with a need nothing answers, an open priority round and an
    /// open self-assessment round: each is an item on its coordinator's start page whose count is its list's.
    /// </summary>
    [Fact]
    public async Task RegionalCoordinator_NeedsRoundsAndOpenSelfAssessment_CountTheirLists()
    {
        const string county = "03";
        var today = SwedishTimeZone.Today(DateTimeOffset.UtcNow);
        await app.WithDbAsync(async db =>
        {
            var tag = Tag();
            db.Needs.Add(new Need { Title = $"Behov {tag}", Source = NeedSource.Library, CountyCode = county, CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow });
            var answered = new Need { Title = $"Besvarat {tag}", Source = NeedSource.Library, CountyCode = county, CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow };
            db.Needs.Add(answered);
            var agreement = await db.Agreements.Select(a => a.Id).FirstAsync();
            answered.Agreements.Add(new NeedAgreement { AgreementId = agreement });
            db.PriorityRounds.Add(new PriorityRound { Title = $"Omgång {tag}", PointsPerParticipant = 10, TopCount = 3, CreatedBy = "test",
                CreatedAt = DateTimeOffset.UtcNow, Regions = [new PriorityRoundRegion { CountyCode = county }] });
            db.PriorityRounds.Add(new PriorityRound { Title = $"Stängd {tag}", PointsPerParticipant = 10, TopCount = 3, CreatedBy = "test",
                CreatedAt = DateTimeOffset.UtcNow, ClosedAt = DateTimeOffset.UtcNow, Regions = [new PriorityRoundRegion { CountyCode = county }] });
            var instrument = await db.AssessmentInstruments.Select(i => i.Id).FirstAsync();
            db.AssessmentRounds.Add(new AssessmentRound { Name = $"Mätning {tag}", CountyCode = county, InstrumentId = instrument,
                OpensOn = today.AddDays(-3), ClosesOn = today.AddDays(9), RegionalToken = AssessmentRules.NewToken(), CreatedAt = DateTimeOffset.UtcNow });
            db.AssessmentRounds.Add(new AssessmentRound { Name = $"Över {tag}", CountyCode = county, InstrumentId = instrument,
                OpensOn = today.AddDays(-30), ClosesOn = today.AddDays(-1), RegionalToken = AssessmentRules.NewToken(), CreatedAt = DateTimeOffset.UtcNow });
            // Uppsala's first two municipalities: a plan that stops being in force this year, one that stops being current.
            var places = await db.Municipalities.Where(m => m.CountyCode == county).OrderBy(m => m.Code).Select(m => m.Code).Take(2).ToListAsync();
            db.LibraryPlans.Add(new LibraryPlan { MunicipalityCode = places[0], Title = $"Biblioteksplan {tag}", ValidFrom = new(today.Year - 3, 1, 1),
                ValidTo = new(today.Year, 12, 31), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            db.LibraryPlans.Add(new LibraryPlan { MunicipalityCode = places[1], Title = $"Biblioteksplan {tag}", ValidFrom = new(today.Year - 6, 1, 1),
                ValidTo = new(today.Year - 2, 12, 31), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var (_, email) = await app.CreateAccountAsync($"{Roles.RegionalCoordinator}:{county}");
        var client = await app.SignInAsync(email);

        var items = await AssertEachItemCountsItsListAsync(client, await client.GetDocumentAsync("/"), email);
        Assert.Equal(1, items["needs-unanswered"].Count);
        Assert.Equal($"/behov?lan={county}&visa=utan-svar#needs", items["needs-unanswered"].Href);
        Assert.Equal(1, items["priority-rounds-open"].Count);
        Assert.Equal(1, items["assessment-open"].Count);
        Assert.Matches(@"Mätning \w+: 0 svar hittills, 9 dagar kvar", items["assessment-open"].Detail);
        Assert.Equal(1, items["plans-lacking-in-force"].Count);
        Assert.Equal(1, items["plans-losing-current"].Count);
    }

    /// <summary>
    /// Staff who attended two ended activities, one evaluated: one evaluation to answer, two certificates. Each item's count is
    /// its calendar list's; a colleague's attendance does not count.
    /// </summary>
    [Fact]
    public async Task Staff_EvaluationsToAnswer_AndCertificates_CountTheirLists()
    {
        var people = await ActivitySamples.PeopleAsync(app, 2);
        var ended = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
        var activities = new List<int>();
        for (var i = 0; i < 2; i++)
            activities.Add(await ActivitySamples.CreateAsync(app, county: "03", sessions: [(ended, new TimeOnly(9, 0), new TimeOnly(12, 0))]));
        var (email, libraryId) = await app.WithDbAsync(async db =>
        {
            foreach (var (activity, evaluated) in activities.Zip([false, true]))
            {
                var session = await db.ActivitySessions.Where(x => x.ActivityId == activity).Select(x => x.Id).SingleAsync();
                foreach (var person in people)
                    db.ActivityRegistrations.Add(new ActivityRegistration { ActivityId = activity, PersonId = person, Status = RegistrationStatus.Confirmed,
                        CreatedAt = DateTimeOffset.UtcNow, CancelTokenHash = Guid.NewGuid().ToString("N"), Evaluated = evaluated && person == people[0],
                        Attendance = [new SessionAttendance { SessionId = session, Attended = true, MarkedAt = DateTimeOffset.UtcNow }] });
            }
            await db.SaveChangesAsync();
            var p = await db.People.SingleAsync(x => x.Id == people[0]);
            return (p.Email, p.LibraryId);
        });
        var (_, account) = await app.CreateAccountAsync([$"{Roles.LibraryStaff}:{libraryId}"], email);
        var client = await app.SignInAsync(account);

        var items = await AssertEachItemCountsItsListAsync(client, await client.GetDocumentAsync("/"), account);
        Assert.Equal(1, items["evaluations-to-answer"].Count);
        Assert.Equal("/aktiviteter?utvardera=true", items["evaluations-to-answer"].Href);
        Assert.Equal(2, items["certificates"].Count);
    }

    [Fact]
    public async Task RegionalCoordinator_SeesTheirRegionsItems_AndNoOtherRegions()
    {
        var doc = await (await app.As(Sara)).GetDocumentAsync("/");
        var headings = doc.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Contains(headings, h => h.StartsWith("Regional samordnare, ", StringComparison.Ordinal) && h.Contains("Skåne"));
        Assert.DoesNotContain(headings, h => h.Contains("Västmanland"));
        Assert.NotEmpty(doc.QuerySelectorAll("li[data-item]"));
        Assert.All(doc.QuerySelectorAll("li[data-item] a"), a =>
        {
            var href = a.GetAttribute("href")!;
            Assert.Contains("lan=12", href);
        });
    }

    [Fact]
    public async Task NationalCoordinator_SeesOneRowPerRegion_SortableWithTotals()
    {
        var client = await app.As(Nora);
        var doc = await client.GetDocumentAsync("/");
        var rows = doc.QuerySelectorAll("tr[data-region]").ToList();
        Assert.Equal(21, rows.Count);
        var total = doc.QuerySelector("td[data-total='agreements-utkast']")!.TextContent;
        var national = await client.GetDocumentAsync("/overenskommelser?visa=utkast");
        Assert.Equal(national.QuerySelector("[data-count]")!.GetAttribute("data-count"), total.Replace("\u00a0", ""));

        var sorted = await client.GetDocumentAsync("/?sortera=agreements-utkast&ordning=fallande");
        var counts = sorted.QuerySelectorAll("tr[data-region]").Select(r => int.Parse(r.QuerySelectorAll("td")[2].TextContent, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts.OrderByDescending(c => c), counts);
        Assert.Equal("descending", sorted.QuerySelectorAll("th[aria-sort]").Single().GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Anonymous_SeesTheDirectoryInFigures()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/");
        Assert.Equal("Samverka", doc.QuerySelector("h1")?.TextContent);
        Assert.Empty(doc.QuerySelectorAll("li[data-item]"));
    }

    [Fact]
    public async Task Admin_SeesFailingMail_CountedLikeTheOutboxList()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Samverka.Web.Data.AppDbContext>();
            db.OutboxMessages.Add(new() { ToAddress = "trasig@exempel.se", Subject = "Test", BodyText = "x", Attempts = 2, LastError = "fel",
                CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow.AddYears(1) });
            await db.SaveChangesAsync();
        }
        var client = await app.As(Admin);
        var item = (await client.GetDocumentAsync("/")).QuerySelector("li[data-item='mail-failing']");
        Assert.NotNull(item);
        Assert.Equal("/admin/e-post?visa=misslyckade", item.QuerySelector("a")!.GetAttribute("href"));
    }
}
