using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.Needs;
using Samverka.Web.Features.LibraryPlans;

namespace Samverka.Tests.Features.Needs;

/// <summary>Raising needs, supporting, voting once while a round is open, and merging duplicates with their votes.</summary>
[Collection(AppCollection.Name)]
public class NeedTests(SamverkaFactory app)
{
    private const string Vastmanland = "19";

    private async Task<int> RaiseAsync(string account, string title, string county = Vastmanland)
    {
        var client = await app.As(account);
        var response = await client.PostFormAsync("/behov/nytt", new()
        {
            ["Input.Title"] = title, ["Input.Source"] = "BibblanSvarar", ["Input.ThemeId"] = "3", ["Input.CountyCode"] = county,
            ["Input.Evidence"] = "Frågor om källkritik till Bibblan svarar",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.WithDbAsync(db => db.Needs.Where(n => n.Title == title).Select(n => n.Id).SingleAsync());
    }

    private async Task<int> StartRoundAsync(params int[] needs)
    {
        var fields = new Dictionary<string, string> { ["Title"] = "Omgång " + Tag(), ["Points"] = "10", ["TopCount"] = "1", ["Regions"] = Vastmanland };
        var content = fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Concat(needs.Select(n => KeyValuePair.Create("NeedIds", n.ToString()))).ToList();
        var client = await app.As(Viktor);
        var token = await client.AntiforgeryTokenAsync("/behov/omgangar/ny");
        content.Add(KeyValuePair.Create("__RequestVerificationToken", token));
        var response = await client.PostAsync("/behov/omgangar/ny", new FormUrlEncodedContent(content));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private async Task<HttpResponseMessage> VoteAsync(string account, int round, Dictionary<int, int> points)
    {
        var client = await app.As(account);
        var url = $"/behov/omgangar/{round}";
        var token = await client.AntiforgeryTokenAsync("/behov/nytt");
        var fields = points.ToDictionary(p => $"Votes[{p.Key}]", p => p.Value.ToString());
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(url + "?handler=Vote", new FormUrlEncodedContent(fields));
    }

    private Task<int> BallotsAsync(int round) => app.WithDbAsync(db => db.PriorityBallots.CountAsync(b => b.RoundId == round));

    [Fact]
    public async Task Post_Need_CreatorBecomesSupporterAndOthersMaySupport()
    {
        var title = "Behov " + Tag();
        var id = await RaiseAsync(Ella, title);

        var ake = await app.As(Ake);
        var support = await ake.PostFormAsync($"/behov/{id}?handler=Support", [], formPage: $"/behov/{id}");
        Assert.Equal(HttpStatusCode.Redirect, support.StatusCode);
        await ake.PostFormAsync($"/behov/{id}?handler=Support", [], formPage: "/behov/nytt"); // twice counts once

        var doc = await ake.GetDocumentAsync($"/behov/{id}");
        Assert.Contains("2 personer", doc.QuerySelector("#supporters")!.TextContent);
    }

    [Fact]
    public async Task Post_NeedWithoutSourceOrForOtherRegion_RendersErrorsAndSavesNothing()
    {
        var title = "Behov " + Tag();
        var client = await app.As(Ella);

        var response = await client.PostFormAsync("/behov/nytt", new() { ["Input.Title"] = title, ["Input.Source"] = "99", ["Input.CountyCode"] = "12" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ToDocumentAsync()).ErrorMessages();
        Assert.Contains(errors, e => e.Contains("Välj var behovet kommer ifrån"));
        Assert.Contains(errors, e => e.Contains("Välj din egen region"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Needs.CountAsync(n => n.Title == title)));
    }

    [Fact]
    public async Task Get_NeedOfOtherRegion_IsNotFound()
    {
        var id = await RaiseAsync(Ella, "Behov " + Tag());
        var maja = await app.As(Maja);
        Assert.Equal(HttpStatusCode.NotFound, (await maja.GetAsync($"/behov/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await maja.GetAsync($"/api/v1/needs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(Nora)).GetAsync($"/behov/{id}")).StatusCode);
    }

    [Fact]
    public async Task Post_Vote_CannotBeCastTwiceOrAfterTheRoundCloses()
    {
        var a = await RaiseAsync(Viktor, "Behov " + Tag());
        var b = await RaiseAsync(Viktor, "Behov " + Tag());
        var round = await StartRoundAsync(a, b);

        var wrongSum = await VoteAsync(Ake, round, new() { [a] = 3, [b] = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, wrongSum.StatusCode);
        Assert.Contains((await wrongSum.ToDocumentAsync()).ErrorMessages(), e => e.Contains("Fördela exakt 10 poäng"));
        Assert.Equal(0, await BallotsAsync(round));

        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(Ake, round, new() { [a] = 7, [b] = 3 })).StatusCode);
        var again = await VoteAsync(Ake, round, new() { [a] = 10 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains((await again.ToDocumentAsync()).ErrorMessages(), e => e.Contains("redan röstat"));
        Assert.Equal(1, await BallotsAsync(round));

        // The database refuses a second ballot too, whatever the page checks.
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.PriorityBallots.Add(new PriorityBallot { RoundId = round, UserEmail = Ake, CastAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        }));

        var viktor = await app.As(Viktor);
        Assert.Equal(HttpStatusCode.Redirect, (await viktor.PostFormAsync($"/behov/omgangar/{round}?handler=Close", [], formPage: $"/behov/omgangar/{round}")).StatusCode);
        var late = await VoteAsync(Ella, round, new() { [b] = 10 });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains((await late.ToDocumentAsync()).ErrorMessages(), e => e.Contains("avslutad"));
        Assert.Equal(1, await BallotsAsync(round));

        var result = await viktor.GetFromJsonAsync<PriorityResultDto>($"/api/v1/priority-rounds/{round}/results");
        Assert.Equal([a, b], result!.Needs.Select(n => n.NeedId).ToArray());
        Assert.Equal([true, false], result.Needs.Select(n => n.IsPriority).ToArray());
        var page = await viktor.GetDocumentAsync($"/behov/omgangar/{round}");
        Assert.Equal("True", page.QuerySelector($"#result tr[data-need='{a}']")!.GetAttribute("data-priority"));
    }

    [Fact]
    public async Task Post_Vote_OutsideTheRoundsRegions_IsNotFound()
    {
        var a = await RaiseAsync(Viktor, "Behov " + Tag());
        var b = await RaiseAsync(Viktor, "Behov " + Tag());
        var round = await StartRoundAsync(a, b);

        var response = await VoteAsync(Maja, round, new() { [a] = 10 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await BallotsAsync(round));
    }

    [Fact]
    public async Task Post_Merge_KeepsSupportersAndVotesOnce()
    {
        var a = await RaiseAsync(Viktor, "Behov " + Tag());
        var b = await RaiseAsync(Viktor, "Dubblett " + Tag()); // Viktor supports both: stays one supporter
        var ake = await app.As(Ake);
        await ake.PostFormAsync($"/behov/{b}?handler=Support", [], formPage: $"/behov/{b}");
        var round = await StartRoundAsync(a, b);
        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(Ake, round, new() { [a] = 4, [b] = 6 })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(Ella, round, new() { [b] = 10 })).StatusCode);

        var refused = await ake.PostFormAsync($"/behov/{b}?handler=Merge", new() { ["TargetId"] = a.ToString() }, formPage: $"/behov/{b}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/konto/nekad", refused.Headers.Location!.PathAndQuery);

        var viktor = await app.As(Viktor);
        var merged = await viktor.PostFormAsync($"/behov/{b}?handler=Merge", new() { ["TargetId"] = a.ToString() }, formPage: $"/behov/{b}");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        var supporters = await app.WithDbAsync(db => db.NeedSupporters.Where(s => s.NeedId == a).Select(s => s.UserEmail).OrderBy(e => e).ToListAsync());
        Assert.Equal([Ake, Viktor], supporters.ToArray());
        var result = await viktor.GetDocumentAsync($"/behov/omgangar/{round}");
        var row = result.QuerySelector($"#result tr[data-need='{a}']")!;
        Assert.Equal(["20", "2"], row.QuerySelectorAll("td.num").Skip(1).Select(td => td.TextContent.Trim()).ToArray());
        Assert.Null(result.QuerySelector($"#result tr[data-need='{b}']"));
        Assert.Equal(a, await app.WithDbAsync(db => db.Needs.Where(n => n.Id == b).Select(n => n.MergedIntoId).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.PriorityPoints.CountAsync(p => p.Ballot!.UserEmail == Ake && p.Ballot.RoundId == round)));
    }

    [Fact]
    public async Task Post_Answer_LinksOfferingAndShowsWhetherItMetTheNeed()
    {
        var id = await RaiseAsync(Viktor, "Behov " + Tag());
        var offering = await app.WithDbAsync(db => db.Offerings.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        var viktor = await app.As(Viktor);

        var response = await viktor.PostFormAsync($"/behov/{id}?handler=Answer",
            new() { ["AnswerRef"] = $"offering:{offering}", ["Met"] = "ja" }, formPage: $"/behov/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var need = await viktor.GetFromJsonAsync<NeedDto>($"/api/v1/needs/{id}");
        Assert.Equal(("Offering", offering, (bool?)true), (need!.Answers.Single().Kind, need.Answers.Single().Id, need.Answers.Single().Met));
        var doc = await viktor.GetDocumentAsync($"/behov/{id}");
        Assert.Contains("Ja", doc.QuerySelector("#answers tbody")!.TextContent);

        var bad = await viktor.PostFormAsync($"/behov/{id}?handler=Answer", new() { ["AnswerRef"] = "offering:999999" }, formPage: $"/behov/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Post_Answer_LinksPlanActionAndAgreementOfOwnRegionOnly()
    {
        var viktor = await app.As(Viktor);
        var need = await RaiseAsync(Viktor, "Behov " + Tag());
        var (action, plan) = await app.WithDbAsync(db => db.PlannedActions.Where(x => x.Area!.Plan!.CountyCode == "19")
            .OrderBy(x => x.Id).Select(x => new { x.Id, x.Area!.PlanId }).FirstAsync()).ContinueWith(t => (t.Result.Id, t.Result.PlanId));
        var skaneAgreement = await app.WithDbAsync(db => db.Agreements.Where(a => a.CountyCode == "12").OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());

        var linked = await viktor.PostFormAsync($"/behov/{need}?handler=Answer", new() { ["AnswerRef"] = $"action:{action}", ["Met"] = "" }, formPage: $"/behov/{need}");
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        var dto = await viktor.GetFromJsonAsync<NeedDto>($"/api/v1/needs/{need}");
        Assert.Equal(("PlanAction", action), (dto!.Answers.Single().Kind, dto.Answers.Single().Id));
        var page = await viktor.GetDocumentAsync($"/behov/{need}");
        Assert.NotNull(page.QuerySelector($"#answers a[href='/verksamhetsplaner/{plan}/aktiviteter/{action}']"));

        // Another region's agreement is not on offer: a crafted post is refused and links nothing.
        var crafted = await viktor.PostFormAsync($"/behov/{need}?handler=Answer", new() { ["AnswerRef"] = $"agreement:{skaneAgreement}" }, formPage: $"/behov/{need}");
        Assert.Equal(HttpStatusCode.BadRequest, crafted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.NeedAgreements.AnyAsync(x => x.NeedId == need)));

        var skaneNeed = await RaiseAsync(Sara, "Behov " + Tag(), "12");
        var sara = await app.As(Sara);
        var ok = await sara.PostFormAsync($"/behov/{skaneNeed}?handler=Answer", new() { ["AnswerRef"] = $"agreement:{skaneAgreement}", ["Met"] = "nej" }, formPage: $"/behov/{skaneNeed}");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var saraPage = await sara.GetDocumentAsync($"/behov/{skaneNeed}");
        Assert.NotNull(saraPage.QuerySelector($"#answers a[href='/overenskommelser/{skaneAgreement}']"));
    }

    [Fact]
    public async Task Get_Index_ListsVisibleNeedsAndExportsThem()
    {
        var title = "Behov " + Tag();
        var id = await RaiseAsync(Ella, title);
        var ella = await app.As(Ella);

        var doc = await ella.GetDocumentAsync("/behov");
        Assert.NotNull(doc.QuerySelector($"#needs tr[data-need='{id}']"));
        Assert.Contains(PlanDemoData.TopAreas[0], doc.QuerySelector("#needs")!.TextContent); // national needs too
        var csv = System.Text.Encoding.UTF8.GetString(await ella.GetByteArrayAsync("/behov?handler=Csv"));
        Assert.Contains(title, csv);
        Assert.Null((await (await app.As(Maja)).GetDocumentAsync("/behov")).QuerySelector($"#needs tr[data-need='{id}']"));
    }

    [Fact]
    public async Task Get_BissDemoRound_ListsTheElevenAreasWithTheTopThreeFirst()
    {
        var nora = await app.As(Nora);
        var id = await app.WithDbAsync(db => db.PriorityRounds.Where(r => r.Title == PlanDemoData.RoundTitle).Select(r => r.Id).SingleAsync());

        var result = await nora.GetFromJsonAsync<PriorityResultDto>($"/api/v1/priority-rounds/{id}/results");

        Assert.Equal(11, result!.Needs.Count);
        Assert.Equal(PlanDemoData.TopAreas, result.Needs.Where(n => n.IsPriority).Select(n => n.Title).ToArray());
        Assert.Equal(["07", "08", "10"], result.CountyCodes.ToArray());
        Assert.True(result.Closed);
        var doc = await nora.GetDocumentAsync($"/behov/omgangar/{id}");
        Assert.Equal(PlanDemoData.TopAreas, doc.QuerySelectorAll("#result tbody tr").Take(3).Select(tr => tr.QuerySelector("th")!.TextContent.Trim()).ToArray());
    }
}
