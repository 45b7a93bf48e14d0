using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Samverka.Tests.Support;

public static class HttpHelpers
{
    /// <summary>Over https: the session and antiforgery cookies are Secure (__Host-), and the cookie container sends them only over https.</summary>
    public static HttpClient Anonymous(this SamverkaFactory f) =>
        f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>A client signed in through the real sign-in form, as a person would.</summary>
    public static async Task<HttpClient> SignedInAs(this SamverkaFactory f, string role)
    {
        var client = f.Anonymous();
        var response = await client.PostFormAsync("/konto/logga-in", new()
        {
            ["Email"] = SamverkaFactory.Accounts[role],
            ["Password"] = SamverkaFactory.Password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {role} failed: {(int)response.StatusCode}");
        if (response.Headers.Location?.OriginalString.StartsWith("/konto/logga-in/kod", StringComparison.Ordinal) == true)
        {
            // Administrators sign in with a second factor: the code an authenticator app would show,
            // of a time step not used yet (each code is accepted once).
            response = await f.WithUnusedAdminCodeAsync(code => client.PostFormAsync("/konto/logga-in/kod", new() { ["Code"] = code }));
            if (response.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"Second factor for {role} failed: {(int)response.StatusCode}");
        }
        return client;
    }

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await response.ToDocumentAsync();
    }

    public static async Task<IDocument> ToDocumentAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    /// <summary>Fetches the form page for its antiforgery token (and cookie), then posts the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await AntiforgeryTokenAsync(client, formPage ?? url);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var doc = await client.GetDocumentAsync(pageUrl);
        var input = doc.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement
            ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}");
        return input.Value;
    }

    public static string[] ErrorMessages(this IDocument doc) =>
        doc.QuerySelectorAll(".error-summary li").Select(e => e.TextContent.Trim()).ToArray();

    /// <summary>Uploads a file through a page's form (with its antiforgery token), as the browser's file field does.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string url, byte[] content, string fileName,
        string field = "Upload", string contentType = "text/csv")
    {
        var token = await client.AntiforgeryTokenAsync(url);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        return await client.PostAsync(url, form);
    }
}
