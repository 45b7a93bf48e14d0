using System.Net;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Security;

/// <summary>
/// Role × action for every page and export that touches libraries or people, for a record inside
/// and one outside each account's organisation: Malmö (1280, Skåne) and Västerås (1980, Västmanland).
/// </summary>
[Collection(AppCollection.Name)]
public class ScopeMatrixTests(SamverkaFactory app)
{
    public enum Expect { Ok, Denied, NotFound }

    // {libM}/{libV}: Malmö/Västerås stadsbibliotek; {perM}/{perV}: Maja/Åke; {self}: the account's own person record.
    public static TheoryData<string, string, Expect> Matrix()
    {
        var data = new TheoryData<string, string, Expect>();
        void Add(string url, Expect admin, Expect sara, Expect maja, Expect hugo, Expect nora)
        {
            data.Add(Admin, url, admin); data.Add(Sara, url, sara); data.Add(Maja, url, maja);
            data.Add(Hugo, url, hugo); data.Add(Nora, url, nora);
        }
        const Expect O = Expect.Ok, D = Expect.Denied, N = Expect.NotFound;
        Add("/bibliotek/ny", O, O, O, D, D);
        Add("/bibliotek/import", O, O, O, D, D);
        Add("/bibliotek/{libM}/redigera", O, O, O, D, D);
        Add("/bibliotek/{libV}/redigera", O, D, D, D, D);
        Add("/personer", O, O, O, O, O);
        Add("/personer/ny", O, O, O, D, D);
        Add("/personer/import", O, O, O, D, D);
        Add("/personer/{perM}", O, O, O, N, O);
        Add("/personer/{perV}", O, N, N, N, O);
        Add("/personer/{self}", O, O, O, O, O);
        Add("/personer/{perM}/redigera", O, O, O, D, D);
        Add("/personer/{perV}/redigera", O, N, N, D, D);
        Add("/admin/roller", O, D, D, D, D);
        return data;
    }

    private async Task<string> Resolve(string url, string email)
    {
        if (url.Contains("{libM}")) url = url.Replace("{libM}", (await app.LibraryIdAsync("Malmö stadsbibliotek")).ToString());
        if (url.Contains("{libV}")) url = url.Replace("{libV}", (await app.LibraryIdAsync("Västerås stadsbibliotek")).ToString());
        if (url.Contains("{perM}")) url = url.Replace("{perM}", (await app.PersonIdAsync(Maja)).ToString());
        if (url.Contains("{perV}")) url = url.Replace("{perV}", (await app.PersonIdAsync(Ake)).ToString());
        if (url.Contains("{self}")) url = url.Replace("{self}", (await app.PersonIdAsync(email == Admin ? Maja : email)).ToString());
        return url;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Get_PageAsRole_IsAllowedOnlyWithinScope(string email, string url, Expect expect)
    {
        var response = await (await app.As(email)).GetAsync(await Resolve(url, email));
        switch (expect)
        {
            case Expect.Ok: Assert.Equal(HttpStatusCode.OK, response.StatusCode); break;
            case Expect.NotFound: Assert.Equal(HttpStatusCode.NotFound, response.StatusCode); break;
            default:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/konto/nekad", response.Headers.Location!.PathAndQuery);
                break;
        }
    }

    /// <summary>Who appears in the list and in both exports, per account.</summary>
    [Theory]
    [InlineData(Admin, new[] { Maja, Ake, Hugo, Ella, Ojvind }, new string[0])]
    [InlineData(Nora, new[] { Maja, Ake, Hugo, Ella, Ojvind }, new string[0])]
    [InlineData(Sara, new[] { Maja, Hugo, Ojvind, Sara }, new[] { Ake, Ella, Viktor })]
    [InlineData(Viktor, new[] { Ake, Ella, Viktor }, new[] { Maja, Hugo, Ojvind, Sara })]
    [InlineData(Maja, new[] { Maja }, new[] { Ake, Ella, Hugo, Ojvind, Sara })]
    [InlineData(Ake, new[] { Ake, Viktor }, new[] { Maja, Ella, Hugo, Ojvind })]
    [InlineData(Hugo, new[] { Hugo }, new[] { Maja, Ake, Ella, Ojvind, Sara })]
    [InlineData(Ella, new[] { Ella }, new[] { Maja, Ake, Hugo, Ojvind, Viktor })]
    public async Task Get_ListAndExports_ShowOnlyVisiblePeople(string email, string[] visible, string[] hidden)
    {
        var client = await app.As(email);
        var list = await (await client.GetAsync("/personer?inaktiva=true")).Content.ReadAsStringAsync();
        var csv = await (await client.GetAsync("/personer?handler=Csv&inaktiva=true")).Content.ReadAsStringAsync();
        var xlsx = XlsxText(await (await client.GetAsync("/personer?handler=Xlsx&inaktiva=true")).Content.ReadAsByteArrayAsync());
        foreach (var text in new[] { list, csv, xlsx })
        {
            foreach (var v in visible) Assert.Contains(v, text);
            foreach (var h in hidden) Assert.DoesNotContain(h, text);
        }
    }

    /// <summary>All text of an XLSX file (its XML parts), enough to look for an e-mail address.</summary>
    private static string XlsxText(byte[] bytes)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml")).Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}
