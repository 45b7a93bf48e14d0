using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Activities;

namespace Samverka.Tests.Features.Activities;

/// <summary>Registration on the activity page: for oneself or one's staff, waiting list, cancellation link, refusals.</summary>
[Collection(AppCollection.Name)]
public class RegistrationPageTests(SamverkaFactory app)
{
    private async Task<HttpResponseMessage> RegisterAsync(string account, int activityId, int? personId = null)
    {
        var client = await app.As(account);
        var fields = new Dictionary<string, string>();
        if (personId is int p) fields["PersonId"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await client.PostFormAsync($"/aktiviteter/{activityId}?handler=Register", fields, formPage: $"/aktiviteter/{activityId}");
    }

    private static string CancelToken(OutboxMessage m) =>
        m.BodyText.Split('\n').Single(l => l.Contains("/aktiviteter/avboka/", StringComparison.Ordinal)).Split("/aktiviteter/avboka/")[1].Trim();

    [Fact]
    public async Task Post_StaffRegistersSelf_ConfirmedWithIcsAttachedAndCancelLink()
    {
        var id = await ActivitySamples.CreateAsync(app);
        var before = (await ActivitySamples.MailToAsync(app, Hugo)).Count;

        var response = await RegisterAsync(Hugo, id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, (await ActivitySamples.CountsAsync(app, id))[RegistrationStatus.Confirmed]);
        var mail = (await ActivitySamples.MailToAsync(app, Hugo)).Skip(before).Single();
        Assert.StartsWith("Anmälan bekräftad", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("aktivitet.ics", mail.AttachmentName);
        Assert.Contains("BEGIN:VEVENT", Encoding.UTF8.GetString(mail.AttachmentContent!), StringComparison.Ordinal);
        Assert.Contains("/aktiviteter/avboka/", mail.BodyText, StringComparison.Ordinal);
        var page = await (await app.As(Hugo)).GetDocumentAsync($"/aktiviteter/{id}");
        Assert.Contains("Bekräftad", page.QuerySelector("#r-caption")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RegisterTwice_RegistersOnce_SecondGetsSwedishMessage()
    {
        var id = await ActivitySamples.CreateAsync(app);

        var first = await RegisterAsync(Hugo, id);
        var second = await RegisterAsync(Hugo, id);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Hugo Testsson är redan anmäld till aktiviteten.", (await second.ToDocumentAsync()).ErrorMessages());
        Assert.Equal(1, await app.WithDbAsync(db => db.ActivityRegistrations.CountAsync(r => r.ActivityId == id)));
    }

    [Fact]
    public async Task Full_NextWaits_CancelLinkPromotesWaitingPersonWithEmail()
    {
        var id = await ActivitySamples.CreateAsync(app, capacity: 1);
        var people = await ActivitySamples.PeopleAsync(app, 1, "Helsingborgs stadsbibliotek");
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(Hugo, id)).StatusCode);
        // Admin registers the second person: the 2nd registrant waits.
        var waitingResponse = await RegisterAsync(Admin, id, people[0]);
        Assert.Equal(HttpStatusCode.Redirect, waitingResponse.StatusCode);
        var counts = await ActivitySamples.CountsAsync(app, id);
        Assert.Equal(1, counts[RegistrationStatus.Confirmed]);
        Assert.Equal(1, counts[RegistrationStatus.Waiting]);
        var waiter = await app.WithDbAsync(db => db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == people[0]));
        Assert.StartsWith("Reservlista", (await ActivitySamples.MailToAsync(app, waiter.Email)).Last().Subject, StringComparison.Ordinal);

        // Hugo cancels through the link in his e-mail, without signing in.
        var token = CancelToken((await ActivitySamples.MailToAsync(app, Hugo)).Last(m => m.Subject.Contains("Anmälan bekräftad", StringComparison.Ordinal)));
        var anonymous = app.Anonymous();
        var get = await anonymous.GetDocumentAsync($"/aktiviteter/avboka/{token}");
        Assert.Contains("Vill du avboka", get.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, (await ActivitySamples.CountsAsync(app, id))[RegistrationStatus.Confirmed]); // the GET changed nothing
        var post = await anonymous.PostFormAsync($"/aktiviteter/avboka/{token}", []);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);

        var rows = await app.WithDbAsync(db => db.ActivityRegistrations.Where(r => r.ActivityId == id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(RegistrationStatus.Cancelled, rows[0].Status);
        Assert.Equal(RegistrationStatus.Confirmed, rows[1].Status);
        var promotedMail = (await ActivitySamples.MailToAsync(app, waiter.Email)).Last();
        Assert.StartsWith("Du har fått en plats", promotedMail.Subject, StringComparison.Ordinal);
        Assert.NotNull(promotedMail.AttachmentContent);
        // The used link no longer works.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/aktiviteter/avboka/{token}")).StatusCode);
    }

    [Fact]
    public async Task Post_OutsideWindow_Refused()
    {
        var id = await ActivitySamples.CreateAsync(app, closes: DateTimeOffset.UtcNow.AddDays(-1));

        var response = await RegisterAsync(Hugo, id);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ToDocumentAsync()).ErrorMessages(), m => m.StartsWith("Anmälan stängde", StringComparison.Ordinal));
        Assert.Empty(await ActivitySamples.CountsAsync(app, id));
    }

    [Fact]
    public async Task Post_CancelledActivity_Refused()
    {
        var id = await ActivitySamples.CreateAsync(app, status: ActivityStatus.Cancelled);

        var response = await RegisterAsync(Hugo, id);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Aktiviteten är inställd; det går inte att anmäla sig.", (await response.ToDocumentAsync()).ErrorMessages());
        Assert.Empty(await ActivitySamples.CountsAsync(app, id));
    }

    [Fact]
    public async Task Post_ManagerRegistersOwnStaff_Allowed_OtherMunicipalitysStaff_Forbidden()
    {
        var id = await ActivitySamples.CreateAsync(app);
        var malmo = await ActivitySamples.PeopleAsync(app, 1, "Malmö stadsbibliotek");
        var hugo = await app.PersonIdAsync(Hugo);

        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(Maja, id, malmo[0])).StatusCode);
        var refused = await RegisterAsync(Maja, id, hugo);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode); // Maja may not even read Hugo
        var registered = await app.WithDbAsync(db => db.ActivityRegistrations.Where(r => r.ActivityId == id).Select(r => r.PersonId).ToListAsync());
        Assert.Equal([malmo[0]], registered);
    }

    [Fact]
    public async Task Post_StaffRegistersSomeoneElse_Forbidden()
    {
        var id = await ActivitySamples.CreateAsync(app);
        var colleague = await ActivitySamples.PeopleAsync(app, 1, "Helsingborgs stadsbibliotek");

        var refused = await RegisterAsync(Hugo, id, colleague[0]);

        Assert.True(IsDenied(refused), $"Expected a refusal, got {(int)refused.StatusCode}");
        Assert.Empty(await ActivitySamples.CountsAsync(app, id));
    }

    [Fact]
    public async Task Get_Draft_Anonymous_NotFound_PublicCalendarListsPublished()
    {
        var draft = await ActivitySamples.CreateAsync(app, status: ActivityStatus.Draft);
        var published = await ActivitySamples.CreateAsync(app, county: "19");

        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/aktiviteter/{draft}")).StatusCode);
        var calendar = await app.Anonymous().GetDocumentAsync("/aktiviteter?lan=19&tema=3&typ=Workshop&ledigt=true&form=plats");
        Assert.NotNull(calendar.QuerySelector($"a[href='/aktiviteter/{published}']"));
        Assert.Null(calendar.QuerySelector($"a[href='/aktiviteter/{draft}']"));
        var online = await app.Anonymous().GetDocumentAsync("/aktiviteter?form=distans");
        Assert.Null(online.QuerySelector($"a[href='/aktiviteter/{published}']"));
        Assert.NotNull(online.QuerySelector("a[href^='/aktiviteter/']"));
    }

    [Fact]
    public async Task Get_Calendar_DemoData_HasUpcomingAndFullActivityWithWaitingList()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/aktiviteter");
        var text = doc.Body!.TextContent;
        Assert.Contains("Bemötande i digitala frågor", text, StringComparison.Ordinal);
        Assert.Contains("Fullbokad – reservlista", text, StringComparison.Ordinal);
        var past = await app.Anonymous().GetDocumentAsync("/aktiviteter?tidigare=true&manad=2019-11");
        Assert.Contains("Heldag om digitalt först för barn och unga", past.Body!.TextContent, StringComparison.Ordinal);
    }
}
