using System.Net;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Security;

[Collection(AppCollection.Name)]
public class RoleMatrixPageTests(SamverkaFactory app)
{
    [Fact]
    public async Task Get_RoleMatrix_AsAdmin_ShowsWhatEachRoleMayDo()
    {
        var doc = await (await app.As(Admin)).GetDocumentAsync("/admin/roller");
        var headers = doc.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToArray();
        Assert.Equal(["Åtgärd", .. Roles.Labels.Values, "Allmänheten (inte inloggad)"], headers);
        string Cell(string action, string role)
        {
            var row = doc.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.StartsWith(action));
            return row.QuerySelectorAll("td")[Array.IndexOf(headers, role) - 1].TextContent.Trim();
        }
        Assert.Equal("Ja, alla", Cell("Lägga till, ändra och avaktivera bibliotek", "Administratör"));
        Assert.Equal("Inom sin region", Cell("Lägga till, ändra och avaktivera bibliotek", "Regional samordnare"));
        Assert.Equal("Inom sin kommun", Cell("Lägga till, ändra och avaktivera personer", "Bibliotekschef"));
        Assert.Equal("Nej", Cell("Lägga till, ändra och avaktivera personer", "Nationell samordnare"));
        Assert.Equal("Ja, alla", Cell("Läsa personer", "Nationell samordnare"));
        Assert.Equal("Sitt eget bibliotek och sig själv", Cell("Läsa personer", "Bibliotekspersonal"));
        Assert.Equal("Nej", Cell("Läsa personer", "Allmänheten (inte inloggad)"));
        Assert.Equal("Ja, alla", Cell("Läsa katalogen", "Allmänheten (inte inloggad)"));
        Assert.Equal("Nej", Cell("Hantera konton", "Regional samordnare"));
    }

    [Theory]
    [InlineData(Sara)]
    [InlineData(Maja)]
    [InlineData(Hugo)]
    [InlineData(Nora)]
    public async Task Get_RoleMatrix_AsNonAdmin_IsDenied(string email)
    {
        var response = await (await app.As(email)).GetAsync("/admin/roller");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/nekad", response.Headers.Location!.PathAndQuery);
    }
}
