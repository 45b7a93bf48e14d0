using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Activities;

/// <summary>
/// Who may do what with activities. A regional coordinator manages their county's activities; a library
/// manager manages the activities their municipality's libraries organise; administrators everything.
/// Staff register themselves; a manager registers the staff of their own municipality only.
/// </summary>
public static class ActivityRules
{
    public static bool CanCreateAny(UserScope s) => s.IsSystem || s.IsAdmin || s.Counties.Count > 0 || s.Municipalities.Count > 0;

    /// <param name="organiserMunicipality">The municipality of the organising library; null when a region organises it.</param>
    public static bool CanManage(UserScope s, string countyCode, string? organiserMunicipality) =>
        s.IsSystem || s.IsAdmin || s.Counties.Contains(countyCode)
        || (organiserMunicipality is not null && s.Municipalities.Contains(organiserMunicipality));

    public static bool CanManage(UserScope s, Activity a) => CanManage(s, a.CountyCode, a.OrganiserLibrary?.MunicipalityCode);

    /// <summary>Oneself, or (managers) the people of one's municipality; administrators anyone.</summary>
    public static bool CanRegister(UserScope s, Person p) =>
        s.IsSystem || s.IsAdmin
        || (s.Email is not null && string.Equals(s.Email, p.Email, StringComparison.OrdinalIgnoreCase))
        || (p.Library is not null && s.Municipalities.Contains(p.Library.MunicipalityCode));

    /// <summary>Drafts only for those who manage them; published and cancelled activities for everyone.</summary>
    public static IQueryable<Activity> Visible(IQueryable<Activity> q, UserScope s)
    {
        if (s.IsSystem || s.IsAdmin) return q;
        var counties = s.Counties.ToArray();
        var municipalities = s.Municipalities.ToArray();
        return q.Where(a => a.Status != ActivityStatus.Draft || counties.Contains(a.CountyCode)
            || (a.OrganiserLibrary != null && municipalities.Contains(a.OrganiserLibrary.MunicipalityCode)));
    }

    /// <summary>The activity with sessions, themes, co-organisers and organiser library, if visible to the user.</summary>
    public static Task<Activity?> LoadAsync(AppDbContext db, UserScope s, int id, bool tracked = false)
    {
        var q = Visible(db.Activities, s).AsSplitQuery()
            .Include(a => a.Sessions).Include(a => a.Themes).ThenInclude(t => t.Theme)
            .Include(a => a.CoOrganisers).ThenInclude(o => o.Library)
            .Include(a => a.CoOrganisers).ThenInclude(o => o.County)
            .Include(a => a.OrganiserLibrary).Include(a => a.County).Include(a => a.Programme);
        return (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id);
    }

    /// <summary>The person the signed-in account is, found by the account's e-mail (null when not in the directory).</summary>
    public static Task<Person?> SelfAsync(AppDbContext db, UserScope s)
    {
        var email = s.Email?.ToLowerInvariant();
        return email is null ? Task.FromResult<Person?>(null)
            : db.People.Include(p => p.Library).FirstOrDefaultAsync(p => p.Email.ToLower() == email && p.IsActive);
    }

    /// <summary>People a manager may register: the active staff of their municipalities.</summary>
    public static Task<List<Person>> RegistrableStaffAsync(AppDbContext db, UserScope s)
    {
        var municipalities = s.Municipalities.ToArray();
        var all = s.IsAdmin;
        if (municipalities.Length == 0 && !all) return Task.FromResult(new List<Person>());
        return db.People.AsNoTracking().Include(p => p.Library)
            .Where(p => p.IsActive && (all || municipalities.Contains(p.Library!.MunicipalityCode)))
            .OrderBy(p => p.Name).Take(500).ToListAsync();
    }

    /// <summary>
    /// The calendar's list as filtered by the page and counted by the start page ("Mitt arbete"), so a count and
    /// the list it links to cannot disagree.
    /// </summary>
    public static IQueryable<Activity> Calendar(AppDbContext db, UserScope s, CalendarFilter f, DateOnly today)
    {
        var q = Visible(db.Activities.AsNoTracking(), s).Where(a => a.Sessions.Any());
        if (!f.Past) q = q.Where(a => a.Sessions.Any(x => x.Date >= today));
        if (f.WithinDays is int days)
        {
            var last = today.AddDays(days);
            q = q.Where(a => a.Sessions.Any(x => x.Date >= today && x.Date <= last));
        }
        if (!string.IsNullOrWhiteSpace(f.County)) q = q.Where(a => a.CountyCode == f.County);
        if (f.SeatsLeft) q = q.Where(a => a.Status == ActivityStatus.Published
            && db.ActivityRegistrations.Count(r => r.ActivityId == a.Id && r.Status == RegistrationStatus.Confirmed) < a.Capacity);
        if (f.WaitingList) q = q.Where(a => a.Status == ActivityStatus.Published
            && db.ActivityRegistrations.Any(r => r.ActivityId == a.Id && r.Status == RegistrationStatus.Waiting));
        // A session held (before today) with a confirmed participant not marked attended or absent: the organiser's to do,
        // and until the last session is marked no one is invited to the evaluation or the certificate (Participants).
        if (f.AttendanceMissing) q = q.Where(a => a.Status == ActivityStatus.Published
            && db.ActivityRegistrations.Any(r => r.ActivityId == a.Id && r.Status == RegistrationStatus.Confirmed
                && a.Sessions.Any(x => x.Date < today && !r.Attendance.Any(m => m.SessionId == x.Id))));
        // Oneself as a participant: attended at least one session (the certificate's rule), and for the evaluation not yet
        // answered and every session's day past (the evaluation opens when the activity has ended).
        if (f.ToEvaluate || f.Attended)
        {
            var self = s.Email?.ToLowerInvariant() ?? "";
            var unanswered = f.ToEvaluate;
            q = q.Where(a => db.ActivityRegistrations.Any(r => r.ActivityId == a.Id && r.Status == RegistrationStatus.Confirmed
                && r.Person!.Email.ToLower() == self && r.Attendance.Any(x => x.Attended) && (!unanswered || !r.Evaluated)));
            if (unanswered) q = q.Where(a => !a.Sessions.Any(x => x.Date >= today));
        }
        // Published activities with a theme that a need recorded for the activity's own region names (merged needs count
        // through the need they were merged into): what the region's needs ask for, offered in the region.
        if (f.MatchesNeeds) q = q.Where(a => a.Status == ActivityStatus.Published
            && a.Themes.Any(t => db.Needs.Any(n => n.MergedIntoId == null && n.CountyCode == a.CountyCode && n.ThemeId == t.ThemeId)));
        // Activities the user organises with evaluation answers shown on the evaluation page (from MinAnswers on)
        // beyond the number the user has seen there: answers to read.
        if (f.EvaluationsUnread)
        {
            var uid = s.UserId ?? "";
            var all = s.IsAdmin;
            var counties = s.Counties.ToArray();
            var municipalities = s.Municipalities.ToArray();
            q = q.Where(a => (all || counties.Contains(a.CountyCode)
                    || (a.OrganiserLibrary != null && municipalities.Contains(a.OrganiserLibrary.MunicipalityCode)))
                && db.ActivityEvaluations.Count(e => e.ActivityId == a.Id) >= EvaluationModel.MinAnswers
                && db.ActivityEvaluations.Count(e => e.ActivityId == a.Id)
                    > (db.EvaluationReads.Where(r => r.UserId == uid && r.ActivityId == a.Id).Select(r => (int?)r.AnswersRead).FirstOrDefault() ?? 0));
        }
        if (f.Registered)
        {
            // Oneself, and for a library manager the staff of their municipalities.
            var email = s.Email?.ToLowerInvariant() ?? "";
            var municipalities = s.Municipalities.ToArray();
            q = q.Where(a => db.ActivityRegistrations.Any(r => r.ActivityId == a.Id && r.Status != RegistrationStatus.Cancelled
                && (r.Person!.Email.ToLower() == email || municipalities.Contains(r.Person.Library!.MunicipalityCode))));
        }
        return q;
    }
}

/// <summary>The calendar's filters that the start page links to.</summary>
public sealed record CalendarFilter(string? County = null, bool SeatsLeft = false, bool WaitingList = false, bool Registered = false,
    int? WithinDays = null, bool Past = false, bool AttendanceMissing = false, bool ToEvaluate = false, bool Attended = false,
    bool MatchesNeeds = false, bool EvaluationsUnread = false);
