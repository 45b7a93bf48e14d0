using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Agreements;

/// <summary>
/// Who may read and manage agreements, their status by date and their follow-up schedule: shared by the
/// pages, the API, the reminders and the demo data so that they cannot disagree.
/// </summary>
public static class AgreementRules
{
    /// <summary>Agreements ending within this many days are flagged for renewal.</summary>
    public const int RenewalDays = 90;
    public const int ReminderDaysBefore = 14;

    /// <summary>Computed, never stored: a signed agreement comes into force and ends by its dates alone.</summary>
    public static AgreementStatus StatusOn(Agreement a, DateOnly today) =>
        a.SignedOn is null ? AgreementStatus.Draft
        : a.TerminatedOn is { } t && t <= today ? AgreementStatus.Terminated
        : today < a.ValidFrom ? AgreementStatus.Signed
        : today <= a.ValidTo ? AgreementStatus.InForce
        : AgreementStatus.Ended;

    public static string Label(AgreementStatus s) => s switch
    {
        AgreementStatus.Draft => "Utkast",
        AgreementStatus.Signed => "Undertecknad (ej börjat gälla)",
        AgreementStatus.InForce => "Gällande",
        AgreementStatus.Ended => "Avslutad",
        _ => "Uppsagd",
    };

    public static string Label(AreaProgress p) => p switch { AreaProgress.Yes => "Ja", AreaProgress.Partly => "Delvis", _ => "Nej" };

    /// <summary>Signed agreements stay as signed: a change is an amendment (a new version).</summary>
    public static bool IsEditable(Agreement a) => a.SignedOn is null;

    public static bool EndsSoon(Agreement a, DateOnly today) =>
        StatusOn(a, today) is AgreementStatus.InForce or AgreementStatus.Signed && a.ValidTo <= today.AddDays(RenewalDays);

    /// <summary>Administrators everywhere, regional coordinators in their counties.</summary>
    public static bool CanManage(UserScope s, string countyCode) => s.IsSystem || s.IsAdmin || s.Counties.Contains(countyCode);

    public static bool CanCreate(UserScope s) => s.IsSystem || s.IsAdmin || s.Counties.Count > 0;

    /// <summary>
    /// The agreements the user may read: all for administrators and the national coordinator; their
    /// counties' for regional coordinators; for a library manager or staff only those their
    /// municipality or library is party to. Anonymous visitors read none.
    /// </summary>
    public static async Task<IQueryable<Agreement>> ReadableAsync(AppDbContext db, UserScope s, CancellationToken ct = default)
    {
        var source = db.Agreements.AsQueryable();
        if (s.ReadsEverything) return source;
        var counties = s.Counties.ToArray();
        var libraries = s.Libraries.ToArray();
        var municipalities = s.Municipalities.ToArray();
        // Staff of a library in a municipality that is itself party read the agreement too.
        var staffMunicipalities = libraries.Length == 0 ? [] :
            await db.Libraries.Where(l => libraries.Contains(l.Id)).Select(l => l.MunicipalityCode).ToArrayAsync(ct);
        var partyMunicipalities = municipalities.Concat(staffMunicipalities).Distinct().ToArray();
        return source.Where(a => counties.Contains(a.CountyCode) || a.Parties.Any(p =>
            (p.LibraryId != null && libraries.Contains(p.LibraryId.Value))
            || (p.LibraryId != null && municipalities.Contains(p.Library!.MunicipalityCode))
            || (p.MunicipalityCode != null && partyMunicipalities.Contains(p.MunicipalityCode))));
    }

    /// <summary>The follow-up dates: every interval from the start, inside the period.</summary>
    public static List<DateOnly> FollowUpDates(DateOnly from, DateOnly to, int intervalMonths)
    {
        var dates = new List<DateOnly>();
        if (intervalMonths < 1) return dates;
        for (var d = from.AddMonths(intervalMonths); d <= to; d = from.AddMonths(intervalMonths * (dates.Count + 1)))
            dates.Add(d);
        return dates;
    }

    /// <summary>Replaces the planned follow-ups of a draft with those of its current period and interval.</summary>
    public static void Reschedule(Agreement a)
    {
        var dates = FollowUpDates(a.ValidFrom, a.ValidTo, a.FollowUpIntervalMonths);
        a.FollowUps.RemoveAll(f => f.HeldOn is null && !dates.Contains(f.DueOn));
        foreach (var d in dates.Where(d => a.FollowUps.All(f => f.DueOn != d)))
            a.FollowUps.Add(new AgreementFollowUp { DueOn = d });
    }

    /// <summary>The next follow-up not yet recorded, or null.</summary>
    public static AgreementFollowUp? NextFollowUp(Agreement a) =>
        a.FollowUps.Where(f => f.HeldOn is null).OrderBy(f => f.DueOn).FirstOrDefault();

    /// <summary>Overdue: a signed, not terminated agreement's follow-up whose date has passed unrecorded.</summary>
    public static bool IsOverdue(Agreement a, AgreementFollowUp f, DateOnly today) =>
        a.SignedOn is not null && a.TerminatedOn is null && f.HeldOn is null && f.DueOn < today;

    public static bool HasOverdue(Agreement a, DateOnly today) => a.FollowUps.Any(f => IsOverdue(a, f, today));

    /// <summary>How far ahead a coming follow-up is worth preparing for (the start page and the list's filter).</summary>
    public const int FollowUpSoonDays = 30;

    /// <summary>A signed, not terminated agreement with an unrecorded follow-up due today or within <see cref="FollowUpSoonDays"/> days.</summary>
    public static bool HasFollowUpSoon(Agreement a, DateOnly today) =>
        a.SignedOn is not null && a.TerminatedOn is null
        && a.FollowUps.Any(f => f.HeldOn is null && f.DueOn >= today && f.DueOn <= today.AddDays(FollowUpSoonDays));

    /// <summary>The list's filters ("forsenade", "avstamning", "upphor", "utkast"), which the start page counts by.</summary>
    public static bool Shows(string? filter, Agreement a, DateOnly today) => filter switch
    {
        "forsenade" => HasOverdue(a, today),
        "avstamning" => HasFollowUpSoon(a, today),
        "upphor" => EndsSoon(a, today),
        "utkast" => StatusOn(a, today) == AgreementStatus.Draft,
        _ => true,
    };

    public static readonly IReadOnlyDictionary<string, string> FilterLabels = new Dictionary<string, string>
    {
        ["forsenade"] = "Med försenad avstämning",
        ["avstamning"] = $"Med avstämning inom {FollowUpSoonDays} dagar",
        ["upphor"] = $"Upphör inom {RenewalDays} dagar",
        ["utkast"] = "Utkast (ej undertecknade)",
    };

    /// <summary>A copy of the content (parties without signatures, texts, areas) as a new draft.</summary>
    public static Agreement CopyAsDraft(Agreement source, DateTimeOffset now)
    {
        var copy = new Agreement
        {
            Title = source.Title,
            RegistryNumber = source.RegistryNumber,
            CountyCode = source.CountyCode,
            ProgrammeId = source.ProgrammeId,
            ValidFrom = source.ValidFrom,
            ValidTo = source.ValidTo,
            FollowUpIntervalMonths = source.FollowUpIntervalMonths,
            Purpose = source.Purpose,
            Background = source.Background,
            AreasIntro = source.AreasIntro,
            FollowUpText = source.FollowUpText,
            CreatedAt = now,
            UpdatedAt = now,
            Parties = source.Parties.OrderBy(p => p.SortOrder).Select(p => new AgreementParty
            {
                SortOrder = p.SortOrder, Name = p.Name, LibraryId = p.LibraryId, MunicipalityCode = p.MunicipalityCode,
                ContactName = p.ContactName, ContactEmail = p.ContactEmail,
            }).ToList(),
            SteeringDocuments = source.SteeringDocuments.OrderBy(d => d.SortOrder).Select(d => new SteeringDocument
            {
                SortOrder = d.SortOrder, Title = d.Title, FromYear = d.FromYear, ToYear = d.ToYear,
            }).ToList(),
            Areas = source.Areas.OrderBy(x => x.SortOrder).Select(x => new CooperationArea
            {
                SortOrder = x.SortOrder, Text = x.Text, Needs = x.Needs,
                Themes = x.Themes.Select(t => new CooperationAreaTheme { ThemeId = t.ThemeId }).ToList(),
            }).ToList(),
        };
        return copy;
    }

    /// <summary>Loads an agreement with everything the pages, the API and the document show.</summary>
    public static IQueryable<Agreement> WithContent(IQueryable<Agreement> q) => q.AsSplitQuery()
        .Include(a => a.County)
        .Include(a => a.Programme)
        .Include(a => a.Parties).ThenInclude(p => p.Library)
        .Include(a => a.Parties).ThenInclude(p => p.Municipality)
        .Include(a => a.SteeringDocuments)
        .Include(a => a.Areas).ThenInclude(x => x.Themes).ThenInclude(t => t.Theme)
        .Include(a => a.FollowUps).ThenInclude(f => f.Progress)
        .Include(a => a.ProjectAgreements).ThenInclude(p => p.Activities).ThenInclude(x => x.Activity);
}
