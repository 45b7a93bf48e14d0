using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.Activities;

namespace Samverka.Tests.Features.Activities;

[Collection(AppCollection.Name)]
public class ActivitiesApiTests(SamverkaFactory app)
{
    [Fact]
    public async Task Get_ListAndDetail_Public_WithSessionsAndSeats()
    {
        var id = await ActivitySamples.CreateAsync(app, capacity: 12);

        var list = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/activities?county=12");
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("id").GetInt32() == id);
        var detail = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/activities/{id}");
        Assert.Equal(12, detail.GetProperty("capacity").GetInt32());
        Assert.Equal(1, detail.GetProperty("sessions").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/api/v1/activities/999999")).StatusCode);
        var openapi = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/activities/{id}/registrations", openapi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAndDelete_Registration_OwnAllowed_OthersForbidden_DoubleIsConflict()
    {
        var id = await ActivitySamples.CreateAsync(app, capacity: 5);
        var hugo = await app.As(Hugo);

        var created = await hugo.PostAsJsonAsync($"/api/v1/activities/{id}/registrations", new { });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var registration = await created.Content.ReadFromJsonAsync<JsonElement>();
        var colleague = await ActivitySamples.PeopleAsync(app, 1, "Helsingborgs stadsbibliotek");
        Assert.Equal(HttpStatusCode.Forbidden, (await hugo.PostAsJsonAsync($"/api/v1/activities/{id}/registrations", new { personId = colleague[0] })).StatusCode);
        Assert.Equal("Confirmed", registration.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await hugo.PostAsJsonAsync($"/api/v1/activities/{id}/registrations", new { })).StatusCode);

        // Maja (manager in Malmö) may neither register (she may not even read him: 404) nor cancel Helsingborg's Hugo.
        var maja = await app.As(Maja);
        Assert.Equal(HttpStatusCode.NotFound, (await maja.PostAsJsonAsync($"/api/v1/activities/{id}/registrations", new { personId = await app.PersonIdAsync(Hugo) })).StatusCode);
        var regId = registration.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await maja.DeleteAsync($"/api/v1/activities/{id}/registrations/{regId}")).StatusCode);
        var majasView = await maja.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{id}/registrations");
        Assert.Equal(0, majasView.GetArrayLength());

        var own = await hugo.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{id}/registrations");
        Assert.Equal(1, own.GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await hugo.DeleteAsync($"/api/v1/activities/{id}/registrations/{regId}")).StatusCode);
        Assert.Equal(1, (await ActivitySamples.CountsAsync(app, id))[RegistrationStatus.Cancelled]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync($"/api/v1/activities/{id}/registrations", new { })).StatusCode);
    }
}
