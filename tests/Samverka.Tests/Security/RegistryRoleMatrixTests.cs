using System.Net;
using System.Net.Http.Json;
using Samverka.Tests.Registry;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Security;

/// <summary>
/// Role × action for EVERY page and endpoint in the page registry: each signed-in GET page and each
/// API write declares which demo accounts may use it. A registry entry without a row here fails, so
/// a new page cannot ship without saying who may see it. The registry's sample records are the
/// lowest ids: Region Skåne's regional unit (Kristianstad, county 12), its person Sara, and Hugo's account.
/// </summary>
[Collection(AppCollection.Name)]
public class RegistryRoleMatrixTests(SamverkaFactory app)
{
    public enum Expect { Ok, Denied, NotFound }
    private const Expect O = Expect.Ok, D = Expect.Denied, N = Expect.NotFound;
    private static readonly string[] Accounts = [Admin, Sara, Maja, Hugo, Nora];

    /// <summary>Route → expectation for admin, Sara (regional Skåne), Maja (manager Malmö), Hugo (staff Helsingborg), Nora (national).</summary>
    private static readonly Dictionary<string, Expect[]> Pages = new()
    {
        ["/bibliotek/ny"] = [O, O, O, D, D],
        ["/bibliotek/{id:int}/redigera"] = [O, O, D, D, D],
        ["/bibliotek/import"] = [O, O, O, D, D],
        ["/bibliotek/importera-kb"] = [O, O, O, D, D],
        ["/personer"] = [O, O, O, O, O],
        ["/personer/{id:int}"] = [O, O, N, N, O],
        ["/personer/ny"] = [O, O, O, D, D],
        ["/personer/{id:int}/redigera"] = [O, O, N, D, D], // staff are stopped by the editor policy before the lookup
        ["/personer/import"] = [O, O, O, D, D],
        ["/personer/{id:int}/ta-bort-personuppgifter"] = [O, D, D, D, D],
        ["/admin/roller"] = [O, D, D, D, D],
        ["/admin/konton"] = [O, O, D, D, D],
        ["/admin/konton/bjud-in"] = [O, O, D, D, D],
        ["/admin/konton/{id}"] = [O, O, D, D, D],
        ["/admin/e-post"] = [O, D, D, D, D],
        ["/admin/logg"] = [O, O, D, D, D],
        ["/konto/losenord"] = [O, O, O, O, O],
        ["/konto/tvastegsverifiering"] = [O, O, O, O, O],
        ["/konto/mina-uppgifter"] = [O, O, O, O, O],
        // Agreements (samples: 1 Malmö signed, 3 Kristianstad draft): Maja's Malmö is party to 1 only; Hugo's Helsingborg to neither.
        ["/overenskommelser"] = [O, O, O, O, O],
        ["/overenskommelser/ny"] = [O, O, D, D, D],
        ["/overenskommelser/{id:int}"] = [O, O, O, N, O],
        ["/overenskommelser/{id:int}/redigera"] = [O, O, N, N, D],
        ["/overenskommelser/{id:int}/underteckna"] = [O, O, N, N, D],
        ["/overenskommelser/{id:int}/avstamningar/{followUpId:int}"] = [O, O, D, N, D],
        ["/overenskommelser/{id:int}/projektavtal/ny"] = [O, O, D, N, D],
        ["/overenskommelser/{id:int}/utskrift"] = [O, O, O, N, O],
        // Activities: demo activity 7 is a Skåne webinar run by the region; 5 a Skåne workshop Hugo attended.
        ["/aktiviteter/ny"] = [O, O, O, D, D],
        ["/aktiviteter/{id:int}/redigera"] = [O, O, D, D, D],
        ["/aktiviteter/{id:int}/deltagare"] = [O, O, D, D, D],
        ["/aktiviteter/{id:int}/intyg"] = [N, N, N, O, N], // only one's own certificate: the others attended nothing
        ["/aktiviteter/{id:int}/utvardering"] = [O, O, D, O, D],
        ["/admin/teman"] = [O, D, D, D, D],
        // Programmes: the sample programme lies in Skåne, so Sara (regional Skåne) edits it too.
        ["/program/ny"] = [O, O, D, D, D],
        ["/program/{id:int}/redigera"] = [O, O, D, D, D],
        ["/program/{id:int}/erbjudanden/ny"] = [O, O, D, D, D],
        ["/program/{id:int}/erbjudanden/{offeringId:int}/redigera"] = [O, O, D, D, D],
        // Programme editors: administrators and the coordinator of the programme's region (Skåne).
        ["/program/{id:int}/referensgrupper/forslag"] = [O, O, D, D, D],
        // Self-assessment: instruments are reference data (admin); rounds are run by the region's coordinator
        // (the sample round is Skåne's) and read by the national coordinator; results within each one's scope.
        ["/sjalvskattning/instrument/{id:int}/ny-version"] = [O, D, D, D, D],
        ["/sjalvskattning/instrument/{id:int}/redigera"] = [O, D, D, D, D],
        ["/sjalvskattning/omgangar/ny"] = [O, O, D, D, D],
        ["/sjalvskattning/omgangar/{id:int}"] = [O, O, D, D, O],
        ["/sjalvskattning/resultat"] = [O, O, O, D, O],
        ["/sjalvskattning/behov"] = [O, O, O, D, O],
        // Activity plans: the sample is Västmanland's; Skåne's accounts do not see it, the national coordinator reads it.
        ["/verksamhetsplaner"] = [O, O, O, O, O],
        ["/verksamhetsplaner/{id:int}"] = [O, N, N, N, O],
        ["/verksamhetsplaner/{id:int}/berattelse/{year:int}"] = [O, N, N, N, O],
        ["/verksamhetsplaner/{id:int}/aktiviteter/{actionId:int}"] = [O, D, D, D, D],
        ["/verksamhetsplaner/{id:int}/omraden/{areaId:int}/utfall/{year:int}"] = [O, D, D, D, D],
        ["/verksamhetsplaner/ny"] = [O, O, D, D, D],
        ["/verksamhetsplaner/{id:int}/personal/{memberId:int?}"] = [O, D, D, D, D],
        ["/verksamhetsplaner/{id:int}/redigera"] = [O, D, D, D, D],
        ["/verksamhetsplaner/{id:int}/omraden/{areaId:int?}"] = [O, D, D, D, D],
        ["/verksamhetsplaner/{id:int}/omraden/{areaId:int}/ny-aktivitet"] = [O, D, D, D, D],
        ["/verksamhetsplaner/{id:int}/omraden/{areaId:int}/ta-bort"] = [O, D, D, D, D],
        ["/verksamhetsplaner/{id:int}/aktiviteter/{actionId:int}/ta-bort"] = [O, D, D, D, D],
        ["/verksamhetsplaner/{id:int}/personal/{memberId:int}/ta-bort"] = [O, D, D, D, D],
        ["/verksamhetsplaner/{id:int}/omraden/{areaId:int}/utfall/{year:int}/ta-bort"] = [O, D, D, D, D],
        // Library plans: the create sample is Malmö (Sara's region, Maja's municipality); demo plan 1 is in Västmanland (Köping or Västerås).
        ["/biblioteksplaner/ny"] = [O, O, O, D, D],
        ["/biblioteksplaner/{id:int}/redigera"] = [O, D, D, D, D],
        // Plan surveys: demo survey 1 is Västmanland's, seen by its coordinator (not Sara) and the national coordinator.
        ["/biblioteksplaner/enkater/ny"] = [O, O, D, D, D],
        ["/biblioteksplaner/enkater/{id:int}"] = [O, N, N, N, O],
        // Needs: every signed-in user raises and reads national needs (demo need 1 is national); rounds are
        // started by coordinators; demo round 1 (BISS) is for Kalmar, Blekinge and Kronoberg, outside Skåne.
        ["/behov"] = [O, O, O, O, O],
        ["/behov/nytt"] = [O, O, O, O, O],
        ["/behov/{id:int}"] = [O, O, O, O, O],
        ["/behov/omgangar/ny"] = [O, O, D, D, D],
        ["/behov/omgangar/{id:int}"] = [O, N, N, N, O],
    };

    public static IEnumerable<object[]> AccountNames() => Accounts.Select(a => new object[] { a });

    [Fact]
    public void EverySignedInPage_HasARowInTheMatrix()
    {
        var missing = PageRegistry.Entries
            .Where(e => e.IsBrowserPage && e.Anonymous == AnonymousAccess.SignIn && !Pages.ContainsKey(e.Route))
            .Select(e => e.Route).ToList();
        Assert.True(missing.Count == 0, "Add these pages to the role matrix: " + string.Join(", ", missing));
        Assert.DoesNotContain(Pages.Keys, r => !PageRegistry.Entries.Any(e => e.Route == r));
    }

    [Theory]
    [MemberData(nameof(AccountNames))]
    public async Task Get_EveryPage_AsAccount_MatchesTheMatrix(string account)
    {
        var client = await app.As(account);
        var column = Array.IndexOf(Accounts, account);
        var failures = new List<string>();
        foreach (var entry in PageRegistry.Entries.Where(e => e.IsBrowserPage))
        {
            var url = await PageRegistry.ResolveAsync(entry.SampleUrl, app);
            var response = await client.GetAsync(url);
            if (Pages.TryGetValue(entry.Route, out var row))
            {
                var ok = row[column] switch
                {
                    Expect.Ok => response.StatusCode == HttpStatusCode.OK,
                    Expect.NotFound => response.StatusCode == HttpStatusCode.NotFound,
                    _ => response.StatusCode == HttpStatusCode.Forbidden
                        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/konto/nekad")),
                };
                if (!ok) failures.Add($"{url}: expected {row[column]}, got {(int)response.StatusCode} {response.Headers.Location}");
            }
            else if (entry.Anonymous == AnonymousAccess.Public && (int)response.StatusCode is 401 or 403)
            {
                // Public pages stay public when signed in.
                failures.Add($"{url}: public page refused a signed-in account ({(int)response.StatusCode})");
            }
        }
        Assert.True(failures.Count == 0, $"{account}:\n" + string.Join("\n", failures));
    }

    /// <summary>API writes: editors pass authorisation (an empty body then fails validation, 400); others get 403.</summary>
    [Theory]
    [MemberData(nameof(AccountNames))]
    public async Task ApiWrites_AsAccount_AreAuthorisedOnlyForEditorsInScope(string account)
    {
        var client = await app.As(account);
        var library = await PageRegistry.ResolveAsync("{library}", app); // Kristianstad, Skåne
        var editorAnywhere = account is Admin or Sara or Maja;
        var editorOfSample = account is Admin or Sara;

        var post = await client.PostAsJsonAsync("/api/v1/libraries", new { });
        var put = await client.PutAsJsonAsync($"/api/v1/libraries/{library}", new { });

        Assert.Equal(editorAnywhere ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(editorOfSample ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, put.StatusCode);
        if (!editorOfSample)
        {
            var delete = await client.DeleteAsync($"/api/v1/libraries/{library}");
            Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
            Assert.True((await app.LibraryAsync(int.Parse(library))).IsActive);
        }
    }
}
