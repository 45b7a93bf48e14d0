using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;

namespace Samverka.Tests.Registry;

/// <summary>What a response is: an HTML page for people, the JSON API, or something else (OpenAPI, health).</summary>
public enum EntryKind { Html, Api, Other }

/// <summary>What an anonymous visitor gets.</summary>
public enum AnonymousAccess
{
    /// <summary>200 OK.</summary>
    Public,
    /// <summary>Pages: 302 to /konto/logga-in. API: 401.</summary>
    SignIn,
    /// <summary>A specific status, see <see cref="RegistryEntry.AnonymousStatus"/>.</summary>
    Status,
}

/// <summary>One route and HTTP method the app answers.</summary>
/// <param name="Route">The route template exactly as ASP.NET reports it (RoutePattern.RawText), with a leading slash.</param>
/// <param name="Method">GET, POST, PUT or DELETE.</param>
/// <param name="SampleUrl">A URL that reaches the route. {library} and {person} are replaced by real ids at test time.</param>
/// <param name="Kind">HTML page, API or other.</param>
/// <param name="Role">The role to view it with in the browser; null = anonymous.</param>
/// <param name="Anonymous">What an anonymous request with this method gets.</param>
/// <param name="Status">The status for <see cref="AnonymousAccess.Status"/>.</param>
public sealed record RegistryEntry(string Route, string Method, string SampleUrl, EntryKind Kind, string? Role,
    AnonymousAccess Anonymous, int? Status = null)
{
    /// <summary>Opened in the browser tests: HTML answered to GET.</summary>
    public bool IsBrowserPage => Kind == EntryKind.Html && Method == "GET";

    /// <summary>The status an anonymous request must get.</summary>
    public int AnonymousStatus => Anonymous switch
    {
        AnonymousAccess.Public => 200,
        AnonymousAccess.SignIn => Kind == EntryKind.Api ? 401 : 302,
        _ => Status ?? throw new InvalidOperationException($"{this}: AnonymousAccess.Status needs a status"),
    };

    /// <summary>The status the page must get in the browser, signed in with <see cref="Role"/> when it has one.</summary>
    public int BrowserStatus => Role is null ? AnonymousStatus : 200;

    /// <summary>A file-system friendly name: "/bibliotek/{id:int}/redigera" → "bibliotek-id-redigera".</summary>
    public string Name
    {
        get
        {
            var parts = Route.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Trim('{', '}').Split(':')[0].Replace('.', '-'));
            var name = string.Join('-', parts);
            return name.Length == 0 ? "start" : name;
        }
    }

    public override string ToString() => $"{Method} {Route}";
}

/// <summary>
/// Every page and endpoint of the app. PageRegistryTests checks that the app exposes exactly these
/// (route, method) pairs and that anonymous visitors get what is listed here; the browser tests open
/// every HTML page listed here.
/// </summary>
public static class PageRegistry
{
    private const string Admin = Roles.Admin;

    private static RegistryEntry Page(string route, string url, AnonymousAccess anonymous = AnonymousAccess.Public, string? role = null, int? status = null) =>
        new(route, "GET", url, EntryKind.Html, role, anonymous, status);

    /// <summary>
    /// A form post without an antiforgery token. Behind sign-in, the authorization middleware answers
    /// first (302 to sign-in); on anonymous forms Razor Pages' antiforgery filter answers 400.
    /// </summary>
    private static RegistryEntry Post(string route, string url, AnonymousAccess anonymous, string? role = null, int? status = null) =>
        new(route, "POST", url, EntryKind.Html, role, anonymous, status);

    private static RegistryEntry Api(string method, string route, string url, AnonymousAccess anonymous = AnonymousAccess.Public) =>
        new(route, method, url, EntryKind.Api, null, anonymous);

    private static RegistryEntry Other(string route, string url) =>
        new(route, "GET", url, EntryKind.Other, null, AnonymousAccess.Public);

    public static readonly IReadOnlyList<RegistryEntry> Entries =
    [
        // Directory, open to everyone.
        Page("/", "/"),
        Page("/sok", "/sok?q=malm%C3%B6"),
        Page("/lan", "/lan"),
        Page("/lan/{code}", "/lan/12"),
        Page("/kommuner", "/kommuner"),
        Page("/kommuner/{code}", "/kommuner/1280"),
        Page("/bibliotek", "/bibliotek"),
        Page("/bibliotek/{id:int}", "/bibliotek/{library}"),
        Page("/tillganglighet", "/tillganglighet"),
        Page("/om-data", "/om-data"),

        // Directory editing: directory editors (admin, regional coordinator, library manager).
        Page("/bibliotek/ny", "/bibliotek/ny", AnonymousAccess.SignIn, Admin),
        Post("/bibliotek/ny", "/bibliotek/ny", AnonymousAccess.SignIn, Admin),
        Page("/bibliotek/{id:int}/redigera", "/bibliotek/{library}/redigera", AnonymousAccess.SignIn, Admin),
        Post("/bibliotek/{id:int}/redigera", "/bibliotek/{library}/redigera", AnonymousAccess.SignIn, Admin),
        Page("/bibliotek/import", "/bibliotek/import", AnonymousAccess.SignIn, Admin),
        Post("/bibliotek/import", "/bibliotek/import", AnonymousAccess.SignIn, Admin),

        // People: signed in only.
        Page("/personer", "/personer", AnonymousAccess.SignIn, Admin),
        Page("/personer/{id:int}", "/personer/{person}", AnonymousAccess.SignIn, Admin),
        Page("/personer/ny", "/personer/ny", AnonymousAccess.SignIn, Admin),
        Post("/personer/ny", "/personer/ny", AnonymousAccess.SignIn, Admin),
        Page("/personer/{id:int}/redigera", "/personer/{person}/redigera", AnonymousAccess.SignIn, Admin),
        Post("/personer/{id:int}/redigera", "/personer/{person}/redigera", AnonymousAccess.SignIn, Admin),
        Page("/personer/import", "/personer/import", AnonymousAccess.SignIn, Admin),
        Post("/personer/import", "/personer/import", AnonymousAccess.SignIn, Admin),
        // Privacy: removing a person's personal data, administrators only.
        Page("/personer/{id:int}/ta-bort-personuppgifter", "/personer/{person}/ta-bort-personuppgifter", AnonymousAccess.SignIn, Admin),
        Post("/personer/{id:int}/ta-bort-personuppgifter", "/personer/{person}/ta-bort-personuppgifter", AnonymousAccess.SignIn, Admin),

        // Role matrix, administrators only.
        Page("/admin/roller", "/admin/roller", AnonymousAccess.SignIn, Admin),

        // Accounts and invitations: administrators and regional coordinators; the e-mail outbox: administrators.
        Page("/admin/konton", "/admin/konton", AnonymousAccess.SignIn, Admin),
        Page("/admin/konton/bjud-in", "/admin/konton/bjud-in", AnonymousAccess.SignIn, Admin),
        Post("/admin/konton/bjud-in", "/admin/konton/bjud-in", AnonymousAccess.SignIn, Admin),
        Page("/admin/konton/{id}", "/admin/konton/{account}", AnonymousAccess.SignIn, Admin),
        Post("/admin/konton/{id}", "/admin/konton/{account}?handler=Deactivate", AnonymousAccess.SignIn, Admin),
        Page("/admin/e-post", "/admin/e-post", AnonymousAccess.SignIn, Admin),

        // Audit trail: administrators (all) and regional coordinators (their region); read-only, GET only.
        Page("/admin/logg", "/admin/logg", AnonymousAccess.SignIn, Admin),
        // The invitation link is anonymous; a made-up token shows the "link does not work" page.
        Page("/konto/inbjudan/{token}", "/konto/inbjudan/ingen-sadan-inbjudan", AnonymousAccess.Status, status: 404),
        Post("/konto/inbjudan/{token}", "/konto/inbjudan/ingen-sadan-inbjudan", AnonymousAccess.Status, status: 400),

        // Account. Anonymous posts without a token are rejected by the antiforgery filter: 400.
        Page("/konto/logga-in", "/konto/logga-in"),
        Post("/konto/logga-in", "/konto/logga-in", AnonymousAccess.Status, status: 400),
        Page("/konto/logga-ut", "/konto/logga-ut"),
        Post("/konto/logga-ut", "/konto/logga-ut", AnonymousAccess.Status, status: 400),
        Page("/konto/nekad", "/konto/nekad", AnonymousAccess.Status, status: 403),
        // Re-executed in place of a form post that the scope guard refused (ScopeViolationHandler).
        Post("/konto/nekad", "/konto/nekad", AnonymousAccess.Status, status: 403),
        // Sign-in security. The code step without a pending sign-in says so and links to the password step.
        Page("/konto/logga-in/kod", "/konto/logga-in/kod"),
        Post("/konto/logga-in/kod", "/konto/logga-in/kod", AnonymousAccess.Status, status: 400),
        Page("/konto/losenord", "/konto/losenord", AnonymousAccess.SignIn, Roles.LibraryStaff),
        Post("/konto/losenord", "/konto/losenord", AnonymousAccess.SignIn, Roles.LibraryStaff),
        Page("/konto/tvastegsverifiering", "/konto/tvastegsverifiering", AnonymousAccess.SignIn, Roles.LibraryStaff),
        Post("/konto/tvastegsverifiering", "/konto/tvastegsverifiering?handler=Enable", AnonymousAccess.SignIn, Roles.LibraryStaff),
        // Privacy: what Samverka holds about the signed-in person (?handler=Download gives the JSON), for every role.
        Page("/konto/mina-uppgifter", "/konto/mina-uppgifter", AnonymousAccess.SignIn, Roles.LibraryStaff),

        // Error pages: the status in the URL (the status-code middleware re-executes them with POST too).
        Page("/fel/{code:int}", "/fel/404", AnonymousAccess.Status, status: 404),
        Post("/fel/{code:int}", "/fel/404", AnonymousAccess.Status, status: 404),

        // JSON API: anonymous reads, writes for directory editors (401 instead of a redirect).
        Api("GET", "/api/v1/counties", "/api/v1/counties"),
        Api("GET", "/api/v1/counties/{code}", "/api/v1/counties/12"),
        Api("GET", "/api/v1/municipalities", "/api/v1/municipalities?county=12"),
        Api("GET", "/api/v1/municipalities/{code}", "/api/v1/municipalities/1280"),
        Api("GET", "/api/v1/libraries", "/api/v1/libraries"),
        // MapGroup("/libraries").MapPost("") makes the raw text end in a slash; the URL without one matches it too.
        Api("POST", "/api/v1/libraries/", "/api/v1/libraries", AnonymousAccess.SignIn),
        Api("GET", "/api/v1/libraries/{id:int}", "/api/v1/libraries/{library}"),
        Api("PUT", "/api/v1/libraries/{id:int}", "/api/v1/libraries/{library}", AnonymousAccess.SignIn),
        Api("DELETE", "/api/v1/libraries/{id:int}", "/api/v1/libraries/{library}", AnonymousAccess.SignIn),

        // Programme reference groups and coverage (demo programme 1: Digitalt först i Skåne). The year page is public;
        // its add/remove posts are for the programme's editors (anonymous: the antiforgery filter answers 400).
        Page("/program/{id:int}/referensgrupper/{year:int}", "/program/1/referensgrupper/2019"),
        Post("/program/{id:int}/referensgrupper/{year:int}", "/program/1/referensgrupper/2019?handler=Add", AnonymousAccess.Status, status: 400),
        Page("/program/{id:int}/referensgrupper/forslag", "/program/1/referensgrupper/forslag?ar=2021&storlek=15", AnonymousAccess.SignIn, Admin),
        Post("/program/{id:int}/referensgrupper/forslag", "/program/1/referensgrupper/forslag", AnonymousAccess.SignIn, Admin),
        Page("/program/{id:int}/tackning", "/program/1/tackning"),
        Api("GET", "/api/v1/programmes/{id:int}/reference-groups", "/api/v1/programmes/1/reference-groups"),
        Api("GET", "/api/v1/programmes/{id:int}/coverage", "/api/v1/programmes/1/coverage"),

        // Programmes (satsningar): public reads; programme editors (admin, or the coordinator of all its regions) write.
        Page("/program", "/program"),
        Page("/program/{id:int}", "/program/{programme}"),
        Page("/program/{id:int}/erbjudanden/{offeringId:int}", "/program/{programme}/erbjudanden/{offering}"),
        Post("/program/{id:int}/erbjudanden/{offeringId:int}", "/program/{programme}/erbjudanden/{offering}?handler=Enrol", AnonymousAccess.Status, status: 400),
        Page("/program/ny", "/program/ny", AnonymousAccess.SignIn, Admin),
        Post("/program/ny", "/program/ny", AnonymousAccess.SignIn, Admin),
        Page("/program/{id:int}/redigera", "/program/{programme}/redigera", AnonymousAccess.SignIn, Admin),
        Post("/program/{id:int}/redigera", "/program/{programme}/redigera", AnonymousAccess.SignIn, Admin),
        Page("/program/{id:int}/erbjudanden/ny", "/program/{programme}/erbjudanden/ny", AnonymousAccess.SignIn, Admin),
        Post("/program/{id:int}/erbjudanden/ny", "/program/{programme}/erbjudanden/ny", AnonymousAccess.SignIn, Admin),
        Page("/program/{id:int}/erbjudanden/{offeringId:int}/redigera", "/program/{programme}/erbjudanden/{offering}/redigera", AnonymousAccess.SignIn, Admin),
        Post("/program/{id:int}/erbjudanden/{offeringId:int}/redigera", "/program/{programme}/erbjudanden/{offering}/redigera", AnonymousAccess.SignIn, Admin),
        Api("GET", "/api/v1/programmes/", "/api/v1/programmes"),
        Api("GET", "/api/v1/programmes/{id:int}", "/api/v1/programmes/{programme}"),
        Api("GET", "/api/v1/programmes/{id:int}/offerings", "/api/v1/programmes/{programme}/offerings"),
        Api("GET", "/api/v1/programmes/{id:int}/offerings/{offeringId:int}/eligibility", "/api/v1/programmes/{programme}/offerings/{offering}/eligibility"),
        Api("GET", "/api/v1/programmes/{id:int}/enrolments", "/api/v1/programmes/{programme}/enrolments"),
        Api("POST", "/api/v1/programmes/{id:int}/enrolments", "/api/v1/programmes/{programme}/enrolments", AnonymousAccess.SignIn),

        // Engagement per municipality (map, table; ?handler=Csv|Xlsx|Svg): public, like the seed's map.
        Page("/program/{id:int}/engagemang", "/program/{programme}/engagemang"),
        Page("/engagemang", "/engagemang"),
        Api("GET", "/api/v1/programmes/{id:int}/engagement", "/api/v1/programmes/{programme}/engagement"),

        // Machine-readable description and health checks.
        Other("/openapi/{documentName}.json", "/openapi/v1.json"),
        Other("/health/live", "/health/live"),
        Other("/health/ready", "/health/ready"),

        // Library plans: the register is public open data; managers and coordinators add and edit in their scope.
        // Demo plan 1 is Köping's or Västerås's (Västmanland); the PDF route answers 404 for a plan without a file.
        Page("/biblioteksplaner", "/biblioteksplaner?ar=2020&lan=19"),
        Page("/biblioteksplaner/kommun/{code}", "/biblioteksplaner/kommun/1983"),
        Page("/biblioteksplaner/ny", "/biblioteksplaner/ny?kommun=1280", AnonymousAccess.SignIn, Admin),
        Post("/biblioteksplaner/ny", "/biblioteksplaner/ny?kommun=1280", AnonymousAccess.SignIn, Admin),
        Page("/biblioteksplaner/{id:int}/redigera", "/biblioteksplaner/1/redigera", AnonymousAccess.SignIn, Admin),
        Post("/biblioteksplaner/{id:int}/redigera", "/biblioteksplaner/1/redigera", AnonymousAccess.SignIn, Admin),
        Page("/biblioteksplaner/{id:int}/fil", "/biblioteksplaner/999999/fil", AnonymousAccess.Status, status: 404),
        Api("GET", "/api/v1/library-plans/", "/api/v1/library-plans"),
        Api("GET", "/api/v1/library-plans/overview", "/api/v1/library-plans/overview?year=2020"),
        // Plan surveys: demo survey 1 is Västmanland's 2019; the answer page is reached by a token link without signing in.
        Page("/biblioteksplaner/enkater/ny", "/biblioteksplaner/enkater/ny", AnonymousAccess.SignIn, Admin),
        Post("/biblioteksplaner/enkater/ny", "/biblioteksplaner/enkater/ny", AnonymousAccess.SignIn, Admin),
        Page("/biblioteksplaner/enkater/{id:int}", "/biblioteksplaner/enkater/1", AnonymousAccess.SignIn, Admin),
        Post("/biblioteksplaner/enkater/{id:int}", "/biblioteksplaner/enkater/1?handler=Confirm", AnonymousAccess.SignIn, Admin),
        Page("/biblioteksplaner/enkat/{token}", "/biblioteksplaner/enkat/ingen-sadan-enkatlank-finns", AnonymousAccess.Status, status: 404),
        Post("/biblioteksplaner/enkat/{token}", "/biblioteksplaner/enkat/ingen-sadan-enkatlank-finns", AnonymousAccess.Status, status: 400),

        // Needs and priority rounds: signed in only. Demo need 1 and round 1 are BISS's (national need; Kalmar, Blekinge, Kronoberg).
        Page("/behov", "/behov", AnonymousAccess.SignIn, Admin),
        Page("/behov/nytt", "/behov/nytt", AnonymousAccess.SignIn, Admin),
        Post("/behov/nytt", "/behov/nytt", AnonymousAccess.SignIn, Admin),
        Page("/behov/{id:int}", "/behov/1", AnonymousAccess.SignIn, Admin),
        Post("/behov/{id:int}", "/behov/1?handler=Support", AnonymousAccess.SignIn, Admin),
        Page("/behov/omgangar/ny", "/behov/omgangar/ny", AnonymousAccess.SignIn, Admin),
        Post("/behov/omgangar/ny", "/behov/omgangar/ny", AnonymousAccess.SignIn, Admin),
        Page("/behov/omgangar/{id:int}", "/behov/omgangar/1", AnonymousAccess.SignIn, Admin),
        Post("/behov/omgangar/{id:int}", "/behov/omgangar/1?handler=Vote", AnonymousAccess.SignIn, Admin),
        Api("GET", "/api/v1/needs/", "/api/v1/needs", AnonymousAccess.SignIn),
        Api("GET", "/api/v1/needs/{id:int}", "/api/v1/needs/1", AnonymousAccess.SignIn),
        Api("GET", "/api/v1/priority-rounds/{id:int}/results", "/api/v1/priority-rounds/1/results", AnonymousAccess.SignIn),
    ];

    /// <summary>Replaces {library} and {person} in a sample URL with the lowest ids in the app's database.</summary>
    public static async Task<string> ResolveAsync(string sampleUrl, SamverkaFactory app)
    {
        var url = sampleUrl;
        if (url.Contains("{library}"))
        {
            var id = await app.WithDbAsync(db => db.Libraries.OrderBy(l => l.Id).Select(l => l.Id).FirstAsync());
            url = url.Replace("{library}", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (url.Contains("{person}"))
        {
            var id = await app.WithDbAsync(db => db.People.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
            url = url.Replace("{person}", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (url.Contains("{programme}") || url.Contains("{offering}"))
        {
            var (programme, offering) = await Samverka.Tests.Programmes.ProgrammeSamples.RegistrySampleAsync(app);
            url = url.Replace("{programme}", programme.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("{offering}", offering.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (url.Contains("{account}"))
        {
            // A demo account that is not the administrator's own, so its page offers every action.
            var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == SamverkaFactory.Accounts[Roles.LibraryStaff]).Select(u => u.Id).FirstAsync());
            url = url.Replace("{account}", id);
        }
        return url;
    }
}
