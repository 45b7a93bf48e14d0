using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Features.Activities;
using Samverka.Tests.Support;
using Samverka.Web.Features.Activities;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Directory;
using Samverka.Web.Features.LibraryPlans;
using Samverka.Web.Features.SelfAssessment;
using Samverka.Web.Infrastructure;
using static Samverka.Tests.Security.ScopeSupport;
using static Samverka.Tests.Features.MyWork.WorkItemSamples;

namespace Samverka.Tests.Features.MyWork;

/// <summary>
/// "Mitt arbete" for a regional coordinator: evaluations with answers to read, municipalities without a workshop after
/// the region's latest self-assessment round, and plan-survey answers to confirm and missing. Halland (13) is left alone
/// by the demo; the other tests there make no evaluations, surveys or workshops organised by its libraries.
/// </summary>
[Collection(AppCollection.Name)]
public class CoordinatorFollowUpItemsTests(SamverkaFactory app)
{
    private const string County = "13";

    [Fact]
    public async Task EvaluationsWithAnswersToRead_LeaveTheItemWhenReadAndReturnWithANewAnswer_PerAccount()
    {
        var read = await ActivitySamples.CreateAsync(app, county: County, days: -10);
        var few = await ActivitySamples.CreateAsync(app, county: County, days: -10);
        var otherRegion = await ActivitySamples.CreateAsync(app, county: "14", days: -10);
        await AnswersAsync(read, EvaluationModel.MinAnswers);
        await AnswersAsync(few, EvaluationModel.MinAnswers - 1); // the page shows only the number: nothing to read
        await AnswersAsync(otherRegion, EvaluationModel.MinAnswers);

        var (_, email) = await app.CreateAccountAsync($"regional:{County}");
        var client = await app.SignInAsync(email);
        var listed = await ListedAsync(client, "evaluations-unread", $"/aktiviteter?lan={County}&olasta=true");
        Assert.Contains(read, listed);
        Assert.DoesNotContain(few, listed);
        Assert.DoesNotContain(otherRegion, listed);

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync($"/aktiviteter/{read}/utvardering")).StatusCode);
        Assert.DoesNotContain(read, await ListedAsync(client, "evaluations-unread", null));

        // Another coordinator of the region has not read them.
        var (_, colleague) = await app.CreateAccountAsync($"regional:{County}");
        Assert.Contains(read, await ListedAsync(await app.SignInAsync(colleague), "evaluations-unread", null));

        await AnswersAsync(read, 1);
        Assert.Contains(read, await ListedAsync(client, "evaluations-unread", null));
    }

    [Fact]
    public async Task MunicipalitiesWithoutAWorkshop_AfterTheLatestRound_CountTheCoverageOnTheNeedsPage()
    {
        var today = SwedishTimeZone.Today(DateTimeOffset.UtcNow);
        var (roundId, libraryId, municipality) = await app.WithDbAsync(async db =>
        {
            var instrument = await db.AssessmentInstruments.Select(i => i.Id).FirstAsync();
            var m = await db.Municipalities.Where(x => x.CountyCode == County).OrderBy(x => x.Code).Skip(5).Select(x => new { x.Code, x.Name }).FirstAsync();
            var lib = new Library { Name = $"Testbibliotek {Tag()}", MunicipalityCode = m.Code, Kind = LibraryKind.Folkbibliotek,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            db.Libraries.Add(lib);
            var latest = Round(County, $"Senaste {Tag()}", instrument, today, today.AddDays(30));
            // A round that has not opened yet is not the latest round.
            var future = Round(County, $"Kommande {Tag()}", instrument, today.AddDays(60), today.AddDays(90));
            db.AssessmentRounds.AddRange(latest, future);
            await db.SaveChangesAsync();
            return (latest.Id, lib.Id, m.Name);
        });
        var (_, email) = await app.CreateAccountAsync($"regional:{County}");
        var client = await app.SignInAsync(email);

        var before = Item(await client.GetDocumentAsync("/"), "workshops-missing")!;
        var href = before.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/sjalvskattning/behov?ar={today.Year}&lan={County}#coverage-{roundId}", href);
        var coverage = (await client.GetDocumentAsync(href)).QuerySelector($"#coverage-{roundId}")!;
        Assert.Equal(Count(before), coverage.GetAttribute("data-count"));
        Assert.Contains(municipality, coverage.QuerySelector(".not-covered")!.TextContent);

        // Another region's code filters everything away; an unknown one says so in Swedish.
        Assert.Null((await client.GetDocumentAsync($"/sjalvskattning/behov?ar={today.Year}&lan=19")).QuerySelector($"#coverage-{roundId}"));
        Assert.Contains("okänt län", (await client.GetDocumentAsync("/sjalvskattning/behov?lan=%27x")).QuerySelector(".notice")!.TextContent);

        // A workshop organised by a library in the municipality, after the round opened: one municipality fewer.
        await ActivitySamples.CreateAsync(app, county: County, days: 5, organiserLibraryId: libraryId);
        var after = Item(await client.GetDocumentAsync("/"), "workshops-missing");
        var expected = int.Parse(Count(before)) - 1;
        if (expected == 0) Assert.Null(after);
        else
        {
            Assert.Equal(expected.ToString(), Count(after!));
            Assert.Equal(Count(after!), (await client.GetDocumentAsync(href)).QuerySelector($"#coverage-{roundId}")!.GetAttribute("data-count"));
            var now = (await client.GetDocumentAsync(href)).QuerySelector($"#coverage-{roundId}")!;
            Assert.DoesNotContain(municipality, now.QuerySelector(".not-covered")!.TextContent);
            Assert.Contains(municipality, now.QuerySelector(".covered")!.TextContent);
        }
    }

    [Fact]
    public async Task SurveyAnswersToConfirm_AndMissingAnswersOfRecentSurveys_CountTheRegionsSurveyList()
    {
        var (recent, codes) = await app.WithDbAsync(async db =>
        {
            var codes = await db.Municipalities.Where(m => m.CountyCode == County).OrderBy(m => m.Code).Select(m => m.Code).Take(3).ToListAsync();
            var now = DateTimeOffset.UtcNow;
            PlanSurveyResponse Response(string code, bool answered, bool confirmed) => new()
            {
                MunicipalityCode = code, TokenHash = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                AnsweredAt = answered ? now.AddDays(-3) : null, HasPlan = answered ? false : null, ConfirmedAt = confirmed ? now.AddDays(-1) : null,
            };
            var recent = new PlanSurvey
            {
                CountyCode = County, Year = now.Year, SentAt = now.AddDays(-20),
                Responses = [Response(codes[0], true, false), Response(codes[1], true, true), Response(codes[2], false, false)],
            };
            // Sent 13 months ago: its answer still waits for confirmation, its silence is no longer counted.
            var old = new PlanSurvey
            {
                CountyCode = County, Year = now.Year - 1, SentAt = now.AddMonths(-13),
                Responses = [Response(codes[0], true, false), Response(codes[1], false, false)],
            };
            db.PlanSurveys.AddRange(recent, old);
            await db.SaveChangesAsync();
            return (recent.Id, codes);
        });
        var (_, email) = await app.CreateAccountAsync($"regional:{County}");
        var client = await app.SignInAsync(email);
        var home = await client.GetDocumentAsync("/");

        var confirm = Item(home, "surveys-to-confirm")!;
        Assert.Equal("2", Count(confirm));
        var confirmHref = confirm.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/biblioteksplaner?lan={County}#surveys-to-confirm", confirmHref);
        var region = await client.GetDocumentAsync(confirmHref);
        Assert.Equal("2", region.QuerySelector("#surveys-to-confirm")!.GetAttribute("data-count"));

        var missing = Item(home, "surveys-non-respondents")!;
        Assert.Equal("1", Count(missing));
        Assert.Equal($"/biblioteksplaner?lan={County}#surveys-non-respondents", missing.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("1", region.QuerySelector("#surveys-non-respondents")!.GetAttribute("data-count"));

        var survey = await client.GetDocumentAsync($"/biblioteksplaner/enkater/{recent}");
        Assert.Equal("1", survey.QuerySelector("#to-confirm")!.GetAttribute("data-count"));
        Assert.Equal("1", survey.QuerySelector("#non-respondents")!.GetAttribute("data-count"));
        Assert.NotNull(survey.QuerySelector($"#non-respondents li[data-code='{codes[2]}']"));

        // Confirmed answers leave the item; when every answer is confirmed and every municipality has answered, it is gone.
        await app.WithDbAsync(db => db.PlanSurveyResponses.Where(r => r.Survey!.CountyCode == County && r.AnsweredAt != null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ConfirmedAt, DateTimeOffset.UtcNow)));
        home = await client.GetDocumentAsync("/");
        Assert.Null(Item(home, "surveys-to-confirm"));
        await app.WithDbAsync(db => db.PlanSurveyResponses.Where(r => r.SurveyId == recent && r.AnsweredAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.AnsweredAt, DateTimeOffset.UtcNow)));
        Assert.Null(Item(await client.GetDocumentAsync("/"), "surveys-non-respondents"));
        Assert.Equal("0", (await client.GetDocumentAsync(confirmHref)).QuerySelector("#surveys-non-respondents")!.GetAttribute("data-count"));
    }

    [Fact]
    public async Task AgreementFollowUpsDueWithin30Days_CountTheAgreementsList()
    {
        var today = SwedishTimeZone.Today(DateTimeOffset.UtcNow);
        var ids = await app.WithDbAsync(async db =>
        {
            Agreement Make(bool signed, params (int Days, bool Held)[] followUps) => new()
            {
                Title = $"Överenskommelse {Tag()}", CountyCode = County, ValidFrom = today.AddYears(-1), ValidTo = today.AddYears(1),
                SignedOn = signed ? today.AddYears(-1) : null, SignedPlace = signed ? "Halmstad" : null, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                FollowUps = [.. followUps.Select(f => new AgreementFollowUp { DueOn = today.AddDays(f.Days), HeldOn = f.Held ? today : null })],
            };
            var list = new[]
            {
                Make(true, (0, false)),               // due today
                Make(true, (AgreementRules.FollowUpSoonDays, false)), // the last day counted
                Make(true, (AgreementRules.FollowUpSoonDays + 1, false)),
                Make(true, (10, true)),               // already held
                Make(false, (10, false)),             // a draft has no follow-ups to hold
                Make(true, (-5, false)),              // overdue: its own item
            };
            var terminated = Make(true, (10, false));
            terminated.TerminatedOn = today.AddDays(-1);
            terminated.TerminationReason = "Uppsagd av parterna";
            db.Agreements.AddRange([.. list, terminated]);
            await db.SaveChangesAsync();
            return list.Select(a => a.Id).Append(terminated.Id).ToList();
        });
        var (_, email) = await app.CreateAccountAsync($"regional:{County}");
        var client = await app.SignInAsync(email);
        var item = Item(await client.GetDocumentAsync("/"), "agreements-avstamning")!;
        var href = item.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/overenskommelser?lan={County}&visa=avstamning", href);
        var list = await client.GetDocumentAsync(href);
        Assert.Equal(Count(item), list.QuerySelector("[data-count]")!.GetAttribute("data-count"));
        var shown = list.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.Contains($"/overenskommelser/{ids[0]}", shown);
        Assert.Contains($"/overenskommelser/{ids[1]}", shown);
        foreach (var other in ids.Skip(2)) Assert.DoesNotContain($"/overenskommelser/{other}", shown);
    }

    /// <summary>The item's count equals the calendar's, and the ids of the activities the calendar lists.</summary>
    private async Task<List<int>> ListedAsync(HttpClient client, string key, string? expectedHref)
    {
        var item = Item(await client.GetDocumentAsync("/"), key);
        if (item is null) return [];
        var href = item.QuerySelector("a")!.GetAttribute("href")!;
        if (expectedHref is not null) Assert.Equal(expectedHref, href);
        var calendar = await client.GetDocumentAsync(href);
        Assert.Equal(Count(item), calendar.QuerySelector("[data-count]")!.GetAttribute("data-count"));
        return [.. calendar.QuerySelectorAll("table a").Select(a => a.GetAttribute("href")!)
            .Where(h => h.StartsWith("/aktiviteter/", StringComparison.Ordinal) && int.TryParse(h["/aktiviteter/".Length..], out _))
            .Select(h => int.Parse(h["/aktiviteter/".Length..]))];
    }

    private Task AnswersAsync(int activityId, int count) => app.WithDbAsync(db =>
    {
        for (var i = 0; i < count; i++)
            db.ActivityEvaluations.Add(new ActivityEvaluation { ActivityId = activityId, Rating = 1 + i % 5, SubmittedOn = SwedishTimeZone.Today(DateTimeOffset.UtcNow) });
        return db.SaveChangesAsync();
    });
}
