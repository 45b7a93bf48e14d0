using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>Who may do what with the self-assessment; pages and the API ask here.</summary>
public static class AssessmentRules
{
    /// <summary>A regional coordinator opens rounds for their own region; administrators for any.</summary>
    public static bool CanManageRound(UserScope s, string countyCode) => s.IsSystem || s.IsAdmin || s.Counties.Contains(countyCode);

    public static bool CanOpenAnyRound(UserScope s) => s.IsSystem || s.IsAdmin || s.Counties.Count > 0;

    /// <summary>The round's links: those who manage it, and the national coordinator (reads every region).</summary>
    public static bool CanReadRound(UserScope s, string countyCode) => s.ReadsEverything || s.Counties.Contains(countyCode);

    /// <summary>Only administrators create instrument versions (reference data).</summary>
    public static bool CanEditInstruments(UserScope s) => s.IsSystem || s.IsAdmin;

    /// <summary>256 random bits, URL-safe: a link cannot be guessed or derived from another.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool IsOpen(AssessmentRound r, DateOnly today) => !r.ClosedEarly && r.OpensOn <= today && today <= r.ClosesOn;

    /// <summary>One answer link of an open round for a library (the manager forwards it; the staff answer with it).</summary>
    public sealed record OpenLink(int RoundId, string RoundName, DateOnly ClosesOn, int LibraryId, string Library, string Municipality, string Token);

    /// <summary>
    /// The answer links of rounds open today for the given libraries, or for every library of the given municipalities:
    /// the start page's items for library staff and managers and the "Dina svarslänkar" lists on /sjalvskattning count these.
    /// Nothing here says whether anyone answered (a response is not tied to a person).
    /// </summary>
    public static IQueryable<OpenLink> OpenLinks(Data.AppDbContext db, IEnumerable<int> libraries, IEnumerable<string> municipalities, DateOnly today)
    {
        var ids = libraries.ToArray();
        var codes = municipalities.ToArray();
        return db.AssessmentLinks.AsNoTracking()
            .Where(l => !l.Round!.ClosedEarly && l.Round.OpensOn <= today && today <= l.Round.ClosesOn
                && (ids.Contains(l.LibraryId) || codes.Contains(l.Library!.MunicipalityCode)))
            .OrderBy(l => l.Round!.ClosesOn).ThenBy(l => l.Round!.Name).ThenBy(l => l.Library!.Name)
            .Select(l => new OpenLink(l.RoundId, l.Round!.Name, l.Round.ClosesOn, l.LibraryId, l.Library!.Name, l.Library.Municipality!.Name, l.Token));
    }

    /// <summary>
    /// The rounds list as /sjalvskattning filters it (?lan=, ?visa=oppna) and the start page counts it: coordinators read
    /// their regions' rounds, administrators and the national coordinator all. Open as in <see cref="IsOpen"/>.
    /// </summary>
    public static IQueryable<AssessmentRound> Listed(Data.AppDbContext db, UserScope s, string? county, bool openOnly, DateOnly today)
    {
        var counties = s.Counties.ToArray();
        var everything = s.ReadsEverything;
        var q = db.AssessmentRounds.AsNoTracking().Where(r => everything || counties.Contains(r.CountyCode));
        if (!string.IsNullOrEmpty(county)) q = q.Where(r => r.CountyCode == county);
        return openOnly ? q.Where(r => !r.ClosedEarly && r.OpensOn <= today && today <= r.ClosesOn) : q;
    }
}
