using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;

namespace Samverka.Tests.Features.Agreements;

/// <summary>Creating agreements through the real forms, and finding the demo agreements.</summary>
public static class AgreementSupport
{
    public static Task<int> IdAsync(this SamverkaFactory app, string title) =>
        app.WithDbAsync(db => db.Agreements.Where(a => a.Title == title && a.AmendsAgreementId == null).Select(a => a.Id).SingleAsync());

    public static Task<int> MalmoAsync(this SamverkaFactory app) => app.IdAsync(AgreementDemoData.MalmoTitle);
    public static Task<int> HelsingborgAsync(this SamverkaFactory app) => app.IdAsync(AgreementDemoData.HelsingborgTitle);

    public static Dictionary<string, string> DraftFields(string title, string from, string to, string interval = "6", string? registry = null,
        string? contactEmail = null, int? libraryId = null) => new()
    {
        ["Input.Title"] = title,
        ["Input.RegistryNumber"] = registry ?? "",
        ["Input.CountyCode"] = "12",
        ["Input.ValidFrom"] = from,
        ["Input.ValidTo"] = to,
        ["Input.FollowUpIntervalMonths"] = interval,
        ["Input.Purpose"] = "Syftet är att synliggöra relationerna mellan parterna.",
        ["Input.Background"] = "Bakgrundstext.",
        ["Input.AreasIntro"] = "Följande samverkansområden bedöms som möjliga:",
        ["Input.FollowUpText"] = "Avstämning sker halvårsvis.",
        ["Input.Parties[0].Name"] = "Region Skånes kulturförvaltning",
        ["Input.Parties[0].ContactName"] = "Sara Exempelsson",
        ["Input.Parties[0].ContactEmail"] = contactEmail ?? "",
        ["Input.Parties[1].Name"] = "Biblioteken i Lund",
        ["Input.Parties[1].LibraryId"] = libraryId?.ToString() ?? "",
        ["Input.Parties[1].MunicipalityCode"] = libraryId is null ? "1281" : "",
        ["Input.Documents[0].Title"] = "Regional biblioteksplan 2017-2020 Region Skåne",
        ["Input.Documents[0].FromYear"] = "2017",
        ["Input.Documents[0].ToYear"] = "2020",
        ["Input.Areas[0].Text"] = "Genomförande av kompetensutvecklingsinsatser.",
        ["Input.Areas[0].Needs"] = "Bemötande.\nPedagogik och handledning.",
        ["Input.Areas[0].ThemeIds"] = "1",
    };

    /// <summary>Creates a draft as <paramref name="client"/> and returns its id.</summary>
    public static async Task<int> CreateDraftAsync(this HttpClient client, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync("/overenskommelser/ny", fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var doc = await response.ToDocumentAsync();
            throw new InvalidOperationException($"Create failed: {(int)response.StatusCode} {string.Join(" | ", doc.ErrorMessages())}");
        }
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    public static Task<HttpResponseMessage> SignAsync(this HttpClient client, int id, string date, string place = "Lund") =>
        client.PostFormAsync($"/overenskommelser/{id}/underteckna", new()
        {
            ["Place"] = place,
            ["SignedOn"] = date,
            ["Signatures[0].Name"] = "Maria Exempel",
            ["Signatures[0].SignedFor"] = "För Region Skånes kulturförvaltning",
            ["Signatures[1].Name"] = "Lars Exempel",
            ["Signatures[1].Title"] = "Bibliotekschef",
        });

    /// <summary>A signed agreement over the given period, created through the forms.</summary>
    public static async Task<int> CreateSignedAsync(this HttpClient client, string title, string from, string to, string signedOn, string? contactEmail = null)
    {
        var id = await client.CreateDraftAsync(DraftFields(title, from, to, contactEmail: contactEmail));
        var signed = await client.SignAsync(id, signedOn);
        if (signed.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign failed: {(int)signed.StatusCode}");
        return id;
    }

    public static Task<Agreement> AgreementAsync(this SamverkaFactory app, int id) => app.WithDbAsync(db => db.Agreements.AsNoTracking()
        .Include(a => a.Parties).Include(a => a.FollowUps).Include(a => a.Areas).SingleAsync(a => a.Id == id));
}
