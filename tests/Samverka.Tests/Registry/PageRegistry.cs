using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

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
        // Section landing pages of the main navigation (one route; Katalog is public, the others are reached signed in).
        Page("/{sektion:regex(^(samverkan|uppfoljning|katalog|administration)$)}", "/katalog"),

        // Directory editing: directory editors (admin, regional coordinator, library manager).
        Page("/bibliotek/ny", "/bibliotek/ny", AnonymousAccess.SignIn, Admin),
        Post("/bibliotek/ny", "/bibliotek/ny", AnonymousAccess.SignIn, Admin),
        Page("/bibliotek/{id:int}/redigera", "/bibliotek/{library}/redigera", AnonymousAccess.SignIn, Admin),
        Post("/bibliotek/{id:int}/redigera", "/bibliotek/{library}/redigera", AnonymousAccess.SignIn, Admin),
        Page("/bibliotek/import", "/bibliotek/import", AnonymousAccess.SignIn, Admin),
        Post("/bibliotek/import", "/bibliotek/import", AnonymousAccess.SignIn, Admin),
        Page("/bibliotek/importera-kb", "/bibliotek/importera-kb", AnonymousAccess.SignIn, Admin),
        Post("/bibliotek/importera-kb", "/bibliotek/importera-kb", AnonymousAccess.SignIn, Admin),

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
        Post("/konto/mina-uppgifter", "/konto/mina-uppgifter?handler=Digest", AnonymousAccess.SignIn, Roles.LibraryStaff),
        // The weekly digest's unsubscribe link is anonymous (one-click POST without antiforgery); a made-up token: 404.
        Page("/konto/veckobrev/avsluta/{token}", "/konto/veckobrev/avsluta/ingen-sadan-lank", AnonymousAccess.Status, status: 404),
        Post("/konto/veckobrev/avsluta/{token}", "/konto/veckobrev/avsluta/ingen-sadan-lank", AnonymousAccess.Status, status: 404),

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

        // Cooperation agreements: signed in only; a library sees those it is party to. Samples: 1 = Malmö (seed 000,
        // signed), 3 = Kristianstad (draft), follow-up 1 = Malmö's first.
        Page("/overenskommelser", "/overenskommelser", AnonymousAccess.SignIn, Admin),
        Page("/overenskommelser/ny", "/overenskommelser/ny", AnonymousAccess.SignIn, Admin),
        Post("/overenskommelser/ny", "/overenskommelser/ny", AnonymousAccess.SignIn, Admin),
        Page("/overenskommelser/{id:int}", "/overenskommelser/1", AnonymousAccess.SignIn, Admin),
        Post("/overenskommelser/{id:int}", "/overenskommelser/1?handler=Amend", AnonymousAccess.SignIn, Admin),
        Page("/overenskommelser/{id:int}/redigera", "/overenskommelser/3/redigera", AnonymousAccess.SignIn, Admin),
        Post("/overenskommelser/{id:int}/redigera", "/overenskommelser/3/redigera", AnonymousAccess.SignIn, Admin),
        Page("/overenskommelser/{id:int}/underteckna", "/overenskommelser/3/underteckna", AnonymousAccess.SignIn, Admin),
        Post("/overenskommelser/{id:int}/underteckna", "/overenskommelser/3/underteckna", AnonymousAccess.SignIn, Admin),
        Page("/overenskommelser/{id:int}/avstamningar/{followUpId:int}", "/overenskommelser/1/avstamningar/1", AnonymousAccess.SignIn, Admin),
        Post("/overenskommelser/{id:int}/avstamningar/{followUpId:int}", "/overenskommelser/1/avstamningar/1", AnonymousAccess.SignIn, Admin),
        Page("/overenskommelser/{id:int}/projektavtal/ny", "/overenskommelser/1/projektavtal/ny", AnonymousAccess.SignIn, Admin),
        Post("/overenskommelser/{id:int}/projektavtal/ny", "/overenskommelser/1/projektavtal/ny", AnonymousAccess.SignIn, Admin),
        Page("/overenskommelser/{id:int}/utskrift", "/overenskommelser/1/utskrift", AnonymousAccess.SignIn, Admin),
        Api("GET", "/api/v1/agreements/", "/api/v1/agreements", AnonymousAccess.SignIn),
        Api("GET", "/api/v1/agreements/{id:int}", "/api/v1/agreements/1", AnonymousAccess.SignIn),
        Api("PUT", "/api/v1/agreements/{id:int}", "/api/v1/agreements/3", AnonymousAccess.SignIn),
        Api("GET", "/api/v1/agreements/{id:int}/versions", "/api/v1/agreements/1/versions", AnonymousAccess.SignIn),
        Api("GET", "/api/v1/agreements/{id:int}/follow-ups", "/api/v1/agreements/1/follow-ups", AnonymousAccess.SignIn),
        // Activities (issue 5). Demo activities are inserted in a fixed order: 5 = Skåne 2019 workshop that Hugo
        // attended, 7 = upcoming Skåne webinar. Public calendar, details, statistics and feeds; organiser pages for
        // the region's coordinator; certificate and evaluation for attendees. Anonymous posts: antiforgery 400.
        Page("/aktiviteter", "/aktiviteter"),
        Page("/aktiviteter/{id:int}", "/aktiviteter/7"),
        Post("/aktiviteter/{id:int}", "/aktiviteter/7?handler=Register", AnonymousAccess.Status, status: 400),
        Page("/aktiviteter/ny", "/aktiviteter/ny", AnonymousAccess.SignIn, Admin),
        Post("/aktiviteter/ny", "/aktiviteter/ny", AnonymousAccess.SignIn, Admin),
        Page("/aktiviteter/{id:int}/redigera", "/aktiviteter/7/redigera", AnonymousAccess.SignIn, Admin),
        Post("/aktiviteter/{id:int}/redigera", "/aktiviteter/7/redigera", AnonymousAccess.SignIn, Admin),
        Page("/aktiviteter/{id:int}/deltagare", "/aktiviteter/7/deltagare", AnonymousAccess.SignIn, Admin),
        Post("/aktiviteter/{id:int}/deltagare", "/aktiviteter/7/deltagare", AnonymousAccess.SignIn, Admin),
        Page("/aktiviteter/{id:int}/intyg", "/aktiviteter/5/intyg", AnonymousAccess.SignIn, Roles.LibraryStaff),
        Page("/aktiviteter/{id:int}/utvardering", "/aktiviteter/5/utvardering", AnonymousAccess.SignIn, Roles.LibraryStaff),
        Post("/aktiviteter/{id:int}/utvardering", "/aktiviteter/5/utvardering", AnonymousAccess.SignIn, Roles.LibraryStaff),
        Page("/aktiviteter/statistik", "/aktiviteter/statistik"),
        Page("/aktiviteter/avboka/{token}", "/aktiviteter/avboka/ingen-sadan-lank", AnonymousAccess.Status, status: 404),
        Post("/aktiviteter/avboka/{token}", "/aktiviteter/avboka/ingen-sadan-lank", AnonymousAccess.Status, status: 400),
        Page("/kalender", "/kalender"),
        Other("/kalender/lan/{code}.ics", "/kalender/lan/12.ics"),
        Other("/kalender/tema/{id:int}.ics", "/kalender/tema/3.ics"),
        Page("/admin/teman", "/admin/teman", AnonymousAccess.SignIn, Admin),
        Post("/admin/teman", "/admin/teman?handler=Add", AnonymousAccess.SignIn, Admin),
        Api("GET", "/api/v1/activities/", "/api/v1/activities"),
        Api("GET", "/api/v1/activities/{id:int}", "/api/v1/activities/7"),
        Api("GET", "/api/v1/activities/{id:int}/registrations", "/api/v1/activities/7/registrations", AnonymousAccess.SignIn),
        Api("POST", "/api/v1/activities/{id:int}/registrations", "/api/v1/activities/7/registrations", AnonymousAccess.SignIn),
        Api("DELETE", "/api/v1/activities/{id:int}/registrations/{registrationId:int}", "/api/v1/activities/7/registrations/1", AnonymousAccess.SignIn),
        // Self-assessment (självskattning): answering is for anyone with a link; the rest by role and region.
        Page("/sjalvskattning", "/sjalvskattning"),
        Page("/sjalvskattning/instrument", "/sjalvskattning/instrument"),
        Page("/sjalvskattning/instrument/{id:int}/ny-version", "/sjalvskattning/instrument/{assessment-instrument}/ny-version", AnonymousAccess.SignIn, Admin),
        Post("/sjalvskattning/instrument/{id:int}/ny-version", "/sjalvskattning/instrument/{assessment-instrument}/ny-version", AnonymousAccess.SignIn, Admin),
        Page("/sjalvskattning/instrument/{id:int}/redigera", "/sjalvskattning/instrument/{assessment-instrument}/redigera", AnonymousAccess.SignIn, Admin),
        Post("/sjalvskattning/instrument/{id:int}/redigera", "/sjalvskattning/instrument/{assessment-instrument}/redigera", AnonymousAccess.SignIn, Admin),
        Page("/sjalvskattning/omgangar/ny", "/sjalvskattning/omgangar/ny", AnonymousAccess.SignIn, Admin),
        Post("/sjalvskattning/omgangar/ny", "/sjalvskattning/omgangar/ny", AnonymousAccess.SignIn, Admin),
        Page("/sjalvskattning/omgangar/{id:int}", "/sjalvskattning/omgangar/{assessment-round}", AnonymousAccess.SignIn, Admin),
        Post("/sjalvskattning/omgangar/{id:int}", "/sjalvskattning/omgangar/{assessment-round}?handler=Close", AnonymousAccess.SignIn, Admin),
        Page("/sjalvskattning/svara/{token}", "/sjalvskattning/svara/{assessment-token}"),
        Post("/sjalvskattning/svara/{token}", "/sjalvskattning/svara/{assessment-token}", AnonymousAccess.Status, status: 400),
        Page("/sjalvskattning/resultat", "/sjalvskattning/resultat?ar=2020", AnonymousAccess.SignIn, Admin),
        Page("/sjalvskattning/behov", "/sjalvskattning/behov?ar=2018", AnonymousAccess.SignIn, Admin),
        Api("GET", "/api/v1/self-assessment/rounds", "/api/v1/self-assessment/rounds", AnonymousAccess.SignIn),
        Api("GET", "/api/v1/self-assessment/aggregates", "/api/v1/self-assessment/aggregates?year=2020", AnonymousAccess.SignIn),
        // Activity plans and yearly reports (demo plan 1: Västmanland 2019, area 1, action 1): not public.
        Page("/verksamhetsplaner", "/verksamhetsplaner", AnonymousAccess.SignIn, Admin),
        Page("/verksamhetsplaner/{id:int}", "/verksamhetsplaner/1", AnonymousAccess.SignIn, Admin),
        Page("/verksamhetsplaner/{id:int}/berattelse/{year:int}", "/verksamhetsplaner/1/berattelse/2019", AnonymousAccess.SignIn, Admin),
        Page("/verksamhetsplaner/{id:int}/aktiviteter/{actionId:int}", "/verksamhetsplaner/1/aktiviteter/1", AnonymousAccess.SignIn, Admin),
        Post("/verksamhetsplaner/{id:int}/aktiviteter/{actionId:int}", "/verksamhetsplaner/1/aktiviteter/1", AnonymousAccess.SignIn, Admin),
        Page("/verksamhetsplaner/{id:int}/omraden/{areaId:int}/utfall/{year:int}", "/verksamhetsplaner/1/omraden/1/utfall/2019", AnonymousAccess.SignIn, Admin),
        Post("/verksamhetsplaner/{id:int}/omraden/{areaId:int}/utfall/{year:int}", "/verksamhetsplaner/1/omraden/1/utfall/2019", AnonymousAccess.SignIn, Admin),
        Page("/verksamhetsplaner/ny", "/verksamhetsplaner/ny", AnonymousAccess.SignIn, Admin),
        Post("/verksamhetsplaner/ny", "/verksamhetsplaner/ny", AnonymousAccess.SignIn, Admin),
        Page("/verksamhetsplaner/{id:int}/redigera", "/verksamhetsplaner/1/redigera", AnonymousAccess.SignIn, Admin),
        Post("/verksamhetsplaner/{id:int}/redigera", "/verksamhetsplaner/1/redigera", AnonymousAccess.SignIn, Admin),
        Page("/verksamhetsplaner/{id:int}/omraden/{areaId:int?}", "/verksamhetsplaner/1/omraden/1", AnonymousAccess.SignIn, Admin),
        Post("/verksamhetsplaner/{id:int}/omraden/{areaId:int?}", "/verksamhetsplaner/1/omraden/1", AnonymousAccess.SignIn, Admin),
        Page("/verksamhetsplaner/{id:int}/omraden/{areaId:int}/ny-aktivitet", "/verksamhetsplaner/1/omraden/1/ny-aktivitet", AnonymousAccess.SignIn, Admin),
        Post("/verksamhetsplaner/{id:int}/omraden/{areaId:int}/ny-aktivitet", "/verksamhetsplaner/1/omraden/1/ny-aktivitet", AnonymousAccess.SignIn, Admin),
        Page("/verksamhetsplaner/{id:int}/personal/{memberId:int?}", "/verksamhetsplaner/1/personal/1", AnonymousAccess.SignIn, Admin),
        Post("/verksamhetsplaner/{id:int}/personal/{memberId:int?}", "/verksamhetsplaner/1/personal/1", AnonymousAccess.SignIn, Admin),
        Api("GET", "/api/v1/activity-plans/", "/api/v1/activity-plans", AnonymousAccess.SignIn),
        Api("GET", "/api/v1/activity-plans/{id:int}", "/api/v1/activity-plans/1", AnonymousAccess.SignIn),
        Api("GET", "/api/v1/activity-plans/{id:int}/areas", "/api/v1/activity-plans/1/areas", AnonymousAccess.SignIn),
        Api("GET", "/api/v1/activity-plans/{id:int}/actions", "/api/v1/activity-plans/1/actions", AnonymousAccess.SignIn),
        Api("GET", "/api/v1/activity-plans/{id:int}/outcomes", "/api/v1/activity-plans/1/outcomes", AnonymousAccess.SignIn),
        Api("POST", "/api/v1/activity-plans/", "/api/v1/activity-plans", AnonymousAccess.SignIn),
        Api("PUT", "/api/v1/activity-plans/{id:int}", "/api/v1/activity-plans/1", AnonymousAccess.SignIn),
        Api("POST", "/api/v1/activity-plans/{id:int}/areas", "/api/v1/activity-plans/1/areas", AnonymousAccess.SignIn),
        Api("PUT", "/api/v1/activity-plans/{id:int}/areas/{areaId:int}", "/api/v1/activity-plans/1/areas/1", AnonymousAccess.SignIn),
        Api("DELETE", "/api/v1/activity-plans/{id:int}/areas/{areaId:int}", "/api/v1/activity-plans/1/areas/1", AnonymousAccess.SignIn),
        Api("POST", "/api/v1/activity-plans/{id:int}/areas/{areaId:int}/actions", "/api/v1/activity-plans/1/areas/1/actions", AnonymousAccess.SignIn),
        Api("PUT", "/api/v1/activity-plans/{id:int}/actions/{actionId:int}", "/api/v1/activity-plans/1/actions/1", AnonymousAccess.SignIn),
        Api("DELETE", "/api/v1/activity-plans/{id:int}/actions/{actionId:int}", "/api/v1/activity-plans/1/actions/1", AnonymousAccess.SignIn),
        Api("PUT", "/api/v1/activity-plans/{id:int}/areas/{areaId:int}/outcomes/{year:int}", "/api/v1/activity-plans/1/areas/1/outcomes/2019", AnonymousAccess.SignIn),
        Api("DELETE", "/api/v1/activity-plans/{id:int}/areas/{areaId:int}/outcomes/{year:int}", "/api/v1/activity-plans/1/areas/1/outcomes/2019", AnonymousAccess.SignIn),
        // Removing from activity plans: a confirmation page (GET) whose POST deletes; the plan's editors only.
        Page("/verksamhetsplaner/{id:int}/omraden/{areaId:int}/ta-bort", "/verksamhetsplaner/1/omraden/1/ta-bort", AnonymousAccess.SignIn, Admin),
        Post("/verksamhetsplaner/{id:int}/omraden/{areaId:int}/ta-bort", "/verksamhetsplaner/1/omraden/1/ta-bort", AnonymousAccess.SignIn, Admin),
        Page("/verksamhetsplaner/{id:int}/aktiviteter/{actionId:int}/ta-bort", "/verksamhetsplaner/1/aktiviteter/1/ta-bort", AnonymousAccess.SignIn, Admin),
        Post("/verksamhetsplaner/{id:int}/aktiviteter/{actionId:int}/ta-bort", "/verksamhetsplaner/1/aktiviteter/1/ta-bort", AnonymousAccess.SignIn, Admin),
        Page("/verksamhetsplaner/{id:int}/personal/{memberId:int}/ta-bort", "/verksamhetsplaner/1/personal/1/ta-bort", AnonymousAccess.SignIn, Admin),
        Post("/verksamhetsplaner/{id:int}/personal/{memberId:int}/ta-bort", "/verksamhetsplaner/1/personal/1/ta-bort", AnonymousAccess.SignIn, Admin),
        Page("/verksamhetsplaner/{id:int}/omraden/{areaId:int}/utfall/{year:int}/ta-bort", "/verksamhetsplaner/1/omraden/1/utfall/2019/ta-bort", AnonymousAccess.SignIn, Admin),
        Post("/verksamhetsplaner/{id:int}/omraden/{areaId:int}/utfall/{year:int}/ta-bort", "/verksamhetsplaner/1/omraden/1/utfall/2019/ta-bort", AnonymousAccess.SignIn, Admin),
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
            var (programme, offering) = await Samverka.Tests.Features.Programmes.ProgrammeSamples.RegistrySampleAsync(app);
            url = url.Replace("{programme}", programme.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("{offering}", offering.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (url.Contains("{assessment-"))
            url = await Samverka.Tests.Features.SelfAssessment.AssessmentSamples.ResolveAsync(url, app);
        if (url.Contains("{account}"))
        {
            // A demo account that is not the administrator's own, so its page offers every action.
            var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == SamverkaFactory.Accounts[Roles.LibraryStaff]).Select(u => u.Id).FirstAsync());
            url = url.Replace("{account}", id);
        }
        return url;
    }
}
