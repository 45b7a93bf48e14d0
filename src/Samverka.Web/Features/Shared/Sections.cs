using System.Security.Claims;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Shared;

/// <summary>
/// The main navigation, grouped by task: at most seven sections, each with a landing page that lists its parts.
/// The layout and the landing pages both read this table, so the menu and the pages cannot disagree.
/// </summary>
public static class Sections
{
    /// <summary>A part of a section; <paramref name="Visible"/> says who is offered it (the page itself still checks).</summary>
    public sealed record Part(string Href, string Label, string Description, Func<ClaimsPrincipal, bool> Visible);

    /// <summary>A top-level entry; <paramref name="Prefixes"/> are the paths that belong to it (the longest match wins).</summary>
    public sealed record Section(string Key, string Href, string Label, string Intro, string[] Prefixes, IReadOnlyList<Part> Parts);

    private static bool Everyone(ClaimsPrincipal u) => true;
    private static bool SignedIn(ClaimsPrincipal u) => u.Identity?.IsAuthenticated == true;
    private static bool AdminOrRegional(ClaimsPrincipal u) => u.IsInRole(Roles.Admin) || u.IsInRole(Roles.RegionalCoordinator);
    private static bool Admin(ClaimsPrincipal u) => u.IsInRole(Roles.Admin);

    public static readonly IReadOnlyList<Section> All =
    [
        new("start", "/", "Mitt arbete", "", ["/"], []),
        new("kalender", "/aktiviteter", "Kalender", "", ["/aktiviteter", "/kalender"], []),
        new("program", "/program", "Program", "", ["/program"], []),
        new("samverkan", "/samverkan", "Samverkan", "Överenskommelser, behov och prioriteringar, verksamhetsplaner.",
            ["/samverkan", "/overenskommelser", "/behov", "/verksamhetsplaner"],
        [
            new("/overenskommelser", "Överenskommelser", "Regionernas överenskommelser med bibliotek och kommuner, med avstämningar.", SignedIn),
            new("/behov", "Behov och prioriteringsomgångar", "Behov som regionen har samlat in, svar på dem och omgångar där de prioriteras.", SignedIn),
            new("/verksamhetsplaner", "Verksamhetsplaner", "Regionernas planer med insatser, kapacitet och verksamhetsberättelser.", SignedIn),
        ]),
        new("uppfoljning", "/uppfoljning", "Uppföljning", "Självskattning, biblioteksplaner, engagemang och statistik.",
            ["/uppfoljning", "/sjalvskattning", "/biblioteksplaner", "/engagemang", "/aktiviteter/statistik"],
        [
            new("/sjalvskattning", "Självskattning", "Omgångar där biblioteken skattar sin kompetens, och resultaten.", Everyone),
            new("/biblioteksplaner", "Biblioteksplaner", "Kommunernas biblioteksplaner: vilka som gäller och enkäten om dem.", Everyone),
            new("/engagemang", "Engagemang", "Kartor över bibliotekens deltagande i program och aktiviteter.", Everyone),
            new("/aktiviteter/statistik", "Statistik", "Deltagande i aktiviteterna per region, kommun och bibliotek.", Everyone),
        ]),
        new("katalog", "/katalog", "Katalog", "Län och regioner, kommuner, bibliotek och personer.",
            ["/katalog", "/lan", "/kommuner", "/bibliotek", "/personer", "/sok"],
        [
            new("/lan", "Län och regioner", "Sveriges län och regioner med deras kommuner.", Everyone),
            new("/kommuner", "Kommuner", "Kommunerna med invånarantal och bibliotek.", Everyone),
            new("/bibliotek", "Bibliotek", "Folkbibliotek och filialer.", Everyone),
            new("/personer", "Personer", "Bibliotekens personal och kontaktpersoner.", SignedIn),
            new("/sok", "Sök", "Sök län, kommun eller bibliotek.", Everyone),
        ]),
        new("administration", "/administration", "Administration", "Konton, logg, utgående e-post, roller och teman.",
            ["/administration", "/admin"],
        [
            new("/admin/konton", "Konton", "Konton, roller och inbjudningar.", AdminOrRegional),
            new("/admin/logg", "Logg", "Vem som har ändrat vad, och nekade åtkomstförsök.", AdminOrRegional),
            new("/admin/e-post", "Utgående e-post", "Meddelanden som Samverka har skickat eller ska skicka.", Admin),
            new("/admin/roller", "Roller", "Vad varje roll får göra.", Admin),
            new("/admin/teman", "Teman", "Teman som aktiviteter, behov och överenskommelser märks med.", Admin),
        ]),
    ];

    /// <summary>The sections offered to the user: those without parts, and those with at least one visible part.</summary>
    public static IEnumerable<Section> For(ClaimsPrincipal user) =>
        All.Where(s => s.Parts.Count == 0 || s.Parts.Any(p => p.Visible(user)));

    public static Section? Find(string key) => All.FirstOrDefault(s => s.Key == key);

    /// <summary>The section a path belongs to: the longest prefix that matches whole path segments.</summary>
    public static Section? Current(string path) =>
        All.SelectMany(s => s.Prefixes.Select(p => (Section: s, Prefix: p)))
            .Where(x => x.Prefix == "/" ? path == "/" : path == x.Prefix || path.StartsWith(x.Prefix + "/", StringComparison.Ordinal))
            .OrderByDescending(x => x.Prefix.Length).Select(x => x.Section).FirstOrDefault();
}
