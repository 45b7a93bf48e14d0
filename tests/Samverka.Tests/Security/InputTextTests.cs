using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Security;

/// <summary>Item 5: control characters and personnummer are refused in every form, body, query string and import; never a 500.</summary>
[Collection(AppCollection.Name)]
public class InputTextTests(SamverkaFactory app)
{
    private const string Pnr = "19121212-1212";

    private static Dictionary<string, string> PlanForm(string title, string vision = "") => new()
    {
        ["Input.CountyCode"] = "19", ["Input.Title"] = title, ["Input.StartDate"] = "2031-01-01", ["Input.EndDate"] = "2031-12-31", ["Input.Vision"] = vision,
    };

    [Theory]
    [InlineData("/bibliotek/ny", "Input.Name")]
    [InlineData("/personer/ny", "Input.Name")]
    [InlineData("/aktiviteter/ny", "Input.Title")]
    [InlineData("/verksamhetsplaner/ny", "Input.Title")]
    public async Task Post_FormWithControlCharacter_Answers400WithSwedishMessage(string url, string field)
    {
        var client = await app.SignedInAs(Roles.Admin);
        foreach (var bad in new[] { "a\u0000b", "a\u0001b", "a\u007fb" })
        {
            var response = await client.PostFormAsync(url, new() { [field] = bad });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(InputText.ControlCharacterMessage, await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("/api/v1/libraries", "name")]
    [InlineData("/api/v1/activity-plans", "title")]
    public async Task Api_BodyWithControlCharacter_Answers400WithSwedishMessage(string url, string field)
    {
        var client = await app.SignedInAs(Roles.Admin);
        var response = await client.PostAsJsonAsync(url, new Dictionary<string, string> { [field] = "a\u0000b", ["kind"] = "Filial", ["municipalityCode"] = "1280" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(InputText.ControlCharacterMessage, error.GetProperty("message").GetString());
        Assert.Equal(InputText.ControlCharacterMessage, error.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("/sok?q=a%00b")]
    [InlineData("/bibliotek?q=a%01b")]
    [InlineData("/api/v1/libraries?q=a%00b")]
    [InlineData("/api/v1/library-plans?county=%07")]
    public async Task Get_QueryWithControlCharacter_Answers400WithSwedishMessage(string url)
    {
        var response = await app.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(InputText.ControlCharacterMessage, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_ActivityPlanWithPersonnummer_Answers400AndStoresNothing()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var response = await client.PostAsJsonAsync("/api/v1/activity-plans", new { countyCode = "19", title = $"Plan {Pnr}", startDate = "2031-01-01", endDate = "2031-12-31", vision = Pnr });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(InputText.PersonalIdentityNumberMessage, error.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Equal(InputText.PersonalIdentityNumberMessage, error.GetProperty("errors").GetProperty("vision")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.ActivityPlans.CountAsync(p => p.Title.Contains("1212"))));
    }

    [Fact]
    public async Task Post_ActivityPlanFormWithPersonnummer_Answers400AndStoresNothing()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var title = $"Pnrplan {UniqueText.Letters(12)}";
        var response = await client.PostFormAsync("/verksamhetsplaner/ny", PlanForm(title, $"Vision {Pnr}"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(InputText.PersonalIdentityNumberMessage, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.ActivityPlans.CountAsync(p => p.Title == title)));
    }

    [Fact]
    public async Task Post_ActivityPlanFormWithTabsNewlinesAndDates_IsSaved()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var title = $"Radplan {UniqueText.Letters(12)}";
        var response = await client.PostFormAsync("/verksamhetsplaner/ny", PlanForm(title, "Rad ett\r\nRad två\tmed tabb, från 2031-01-01 till 2031-12-31, 1 000 000 kr"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.ActivityPlans.CountAsync(p => p.Title == title)));
    }

    [Fact]
    public async Task Post_LibraryImportWithControlCharacter_ReportsLineAndStoresNothing()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var csv = Encoding.UTF8.GetBytes("namn;typ;kommunkod;ort\nStyr-import Ett;Filial;1280;Malmö\nStyr-import Två;Filial;1280;Mal\u0007mö\n");
        var response = await client.PostFileAsync("/bibliotek/import", csv, "bibliotek.csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rows = (await response.ToDocumentAsync()).QuerySelectorAll(".table-scroll tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "3" && r[1] == "ort" && r[3] == InputText.ControlCharacterMessage);
        Assert.Equal(0, await app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name.StartsWith("Styr-import"))));
    }

    [Theory]
    [InlineData("/fel/0")]
    [InlineData("/fel/200")]
    public async Task Get_ErrorPageWithCodeOutOfRange_SendsValidStatus(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(url)).StatusCode);

    [Theory]
    [InlineData("800101-1234", true)]
    [InlineData("19800101-1234", true)]
    [InlineData("198001011234", true)]
    [InlineData("2026-01-01", false)]
    [InlineData("2026-01-01–2026-12-31", false)]
    [InlineData("1 000 000", false)]
    [InlineData("tel 040-123 45 67", false)]
    [InlineData("19121212-1212-4abc-8def-0123456789ab", false)] // a GUID as a whole (an account id)
    public void PersonalIdentityNumber_DatesAndAmountsDoNotMatch(string text, bool matches) =>
        Assert.Equal(matches, InputText.ContainsPersonalIdentityNumber(text));

    [Theory]
    [InlineData("rad\r\nrad\tslut", false)]
    [InlineData("a\u0000b", true)]
    [InlineData("a\u001fb", true)]
    [InlineData("a\u007fb", true)]
    [InlineData("åäö – ”citat”", false)]
    public void ControlCharacters_TabCrLfAllowed(string text, bool refused) =>
        Assert.Equal(refused, InputText.HasControlCharacters(text));

    // --- Registry: every bound string of every form and API input is reached by the central check. ---

    private static readonly Assembly Web = typeof(InputText).Assembly;

    /// <summary>Every page's bound properties ([BindProperty], or all public settable ones under [BindProperties]).</summary>
    private static IEnumerable<(Type Page, PropertyInfo Property)> PageBindings() =>
        Web.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.IsDefined(typeof(BindPropertyAttribute), true) || p.GetCustomAttributes(true).OfType<Microsoft.AspNetCore.Mvc.ModelBinding.IBindingSourceMetadata>().Any()
                    || (t.IsDefined(typeof(BindPropertiesAttribute), true) && p.SetMethod is { IsPublic: true }))
                .Select(p => (t, p)));

    /// <summary>Every page handler's parameters (OnGet…, OnPost…) that are strings or form types.</summary>
    private static IEnumerable<(Type Page, ParameterInfo Parameter)> HandlerBindings() =>
        Web.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => System.Text.RegularExpressions.Regex.IsMatch(m.Name, "^On(Get|Post|Put|Delete)"))
                .SelectMany(m => m.GetParameters()).Where(p => p.ParameterType == typeof(string) || BoundTextInspector.IsModelType(p.ParameterType))
                .Select(p => (t, p)));

    /// <summary>The model-type parameters of every API endpoint (JSON bodies and [AsParameters] inputs).</summary>
    private IEnumerable<(RouteEndpoint Endpoint, ParameterInfo Parameter)> ApiBindings()
    {
        var isService = app.Services.GetRequiredService<IServiceProviderIsService>();
        return ApiEndpoints().SelectMany(e => (e.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
            .Where(p => p.ParameterType == typeof(string) || (BoundTextInspector.IsModelType(p.ParameterType) && !isService.IsService(p.ParameterType)))
            .Select(p => (e, p)));
    }

    private IEnumerable<RouteEndpoint> ApiEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true);

    [Fact]
    public void EveryApiEndpoint_CarriesTheCentralCheck()
    {
        var missing = ApiEndpoints().Where(e => e.Metadata.GetMetadata<InputTextCheckedMetadata>() is null).Select(e => e.RoutePattern.RawText).ToList();
        Assert.Empty(missing);
        Assert.NotEmpty(ApiEndpoints());
    }

    [Fact]
    public void EveryBoundStringOfEveryFormAndApiInput_IsCheckedForPersonnummerAndControlCharacters()
    {
        var checkedFields = 0;
        var uncovered = new List<string>();
        var roots = PageBindings().Select(b => (Name: $"{b.Page.Name}.{b.Property.Name}", b.Property.PropertyType, Member: (ICustomAttributeProvider)b.Property, Json: false))
            .Concat(HandlerBindings().Select(b => (Name: $"{b.Page.Name}({b.Parameter.Name})", b.Parameter.ParameterType, Member: (ICustomAttributeProvider)b.Parameter, Json: false)))
            .Concat(ApiBindings().Select(b => (Name: $"{b.Endpoint.RoutePattern.RawText} {b.Parameter.Name}", b.Parameter.ParameterType, Member: (ICustomAttributeProvider)b.Parameter, Json: true)));
        foreach (var (name, type, member, json) in roots)
        {
            var allowed = BoundTextInspector.Allows(member);
            var root = type == typeof(string) ? "x" : "";
            foreach (var (path, allowsNumber) in StringPaths(type, root, allowed, json, 0))
            {
                // A value whose every string is the bad text, and the inspector must name this very path.
                foreach (var bad in new[] { "a\u0000b", Pnr })
                {
                    if (bad == Pnr && allowsNumber) continue;
                    var value = Build(type, bad, 0);
                    var found = BoundTextInspector.Inspect([(root, value, member)], json).Select(p => p.Field);
                    if (!found.Contains(path)) uncovered.Add($"{name}: {path} ({(bad == Pnr ? "personnummer" : "NUL")})");
                }
                checkedFields++;
            }
        }
        Assert.True(uncovered.Count == 0, "Not reached by the central check:\n" + string.Join("\n", uncovered));
        Assert.True(checkedFields > 100, $"Only {checkedFields} bound strings found");
    }

    /// <summary>Every string reachable from a bound type as the form or JSON names it; lists as [0], dictionaries as [k].</summary>
    private static IEnumerable<(string Path, bool AllowsNumber)> StringPaths(Type type, string path, bool allowed, bool json, int depth)
    {
        if (depth > 6) yield break;
        if (type == typeof(string)) { yield return (path, allowed); yield break; }
        if (Element(type) is { } element)
        {
            var key = Dictionary(type) && type.GetGenericArguments()[0] == typeof(string) ? "[k]" : "[0]";
            foreach (var p in StringPaths(element, path + key, allowed, json, depth + 1)) yield return p;
            yield break;
        }
        if (!BoundTextInspector.IsModelType(type)) yield break;
        foreach (var p in BoundTextInspector.BoundMembers(type))
        {
            var name = json ? char.ToLowerInvariant(p.Name[0]) + p.Name[1..] : p.Name;
            foreach (var inner in StringPaths(p.PropertyType, path.Length == 0 ? name : $"{path}.{name}", allowed || BoundTextInspector.Allows(p), json, depth + 1))
                yield return inner;
        }
    }

    private static bool Dictionary(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() is var g && (g == typeof(Dictionary<,>) || g == typeof(IDictionary<,>) || g == typeof(IReadOnlyDictionary<,>));

    private static Type? Element(Type t) =>
        t == typeof(string) ? null
        : Dictionary(t) ? t.GetGenericArguments()[1]
        : t.IsArray ? t.GetElementType()
        : t.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[0]
        : null;

    /// <summary>An instance of <paramref name="type"/> with every string set to <paramref name="text"/>, lists of one, dictionaries keyed "k".</summary>
    private static object? Build(Type type, string text, int depth)
    {
        if (type == typeof(string)) return text;
        if (depth > 6) return null;
        if (Element(type) is { } element)
        {
            var item = Build(element, text, depth + 1) ?? (element.IsValueType ? Activator.CreateInstance(element) : null);
            if (item is null) return null; // no string inside
            if (Dictionary(type))
            {
                var key = type.GetGenericArguments()[0];
                var dict = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(key, element))!;
                dict.Add(key == typeof(string) ? "k" : Activator.CreateInstance(key)!, item);
                return dict;
            }
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(item);
            if (type.IsArray) { var array = Array.CreateInstance(element, 1); array.SetValue(item, 0); return array; }
            return list;
        }
        if (!BoundTextInspector.IsModelType(type) || type.IsAbstract || type.IsInterface) return null;
        var value = type.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(type)! : System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
        foreach (var p in BoundTextInspector.BoundMembers(type))
            if (Build(p.PropertyType, text, depth + 1) is { } v && p.PropertyType.IsInstanceOfType(v)) p.SetValue(value, v);
        return value;
    }
}
