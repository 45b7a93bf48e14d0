using Samverka.Tests.Security;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Agreements;

namespace Samverka.Tests.Features.Agreements;

/// <summary>The status on the pages follows the app's injected clock: signed → in force → ending soon → ended.</summary>
public class AgreementClockTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    private async Task<string> StatusAsync(int id)
    {
        // A fresh sign-in each time: moving the clock by days ends the previous session.
        var client = await app.SignedInAs(Roles.RegionalCoordinator);
        var doc = await client.GetDocumentAsync($"/overenskommelser/{id}");
        return doc.QuerySelector(".facts dd")!.TextContent;
    }

    [Fact]
    public async Task Status_MovesWithTheClock_FromSignedToInForceToEnded()
    {
        var today = SwedishTimeZone.Today(app.Clock);
        var from = today.AddDays(10);
        var to = from.AddMonths(12).AddDays(-1);
        var client = await app.SignedInAs(Roles.RegionalCoordinator);
        var id = await client.CreateDraftAsync(AgreementSupport.DraftFields("Klocka " + UniqueText.Letters(), from.ToString("yyyy-MM-dd"), to.ToString("yyyy-MM-dd")));
        Assert.Contains("Utkast", await StatusAsync(id));
        await client.SignAsync(id, today.ToString("yyyy-MM-dd"));
        Assert.Contains("Undertecknad (ej börjat gälla)", await StatusAsync(id));

        app.Clock.Advance(TimeSpan.FromDays(10));
        var inForce = await StatusAsync(id);
        Assert.Contains("Gällande", inForce);
        Assert.DoesNotContain("Upphör inom", inForce);

        app.Clock.Advance(TimeSpan.FromDays(300)); // about two months before the end
        Assert.Contains("Upphör inom 90 dagar", await StatusAsync(id));

        app.Clock.Advance(TimeSpan.FromDays(90));
        Assert.Contains("Avslutad", await StatusAsync(id));
    }
}
