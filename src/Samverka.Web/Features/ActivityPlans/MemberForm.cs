using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// A team member as posted: responsibility, development areas, and employment periods as rows (month from, month
/// to or empty for open-ended, percent, note). Leave is a period at 0 %; blank rows are ignored. A member may be
/// a person in the directory (one of the regional unit's staff); then the name may be left empty.
/// </summary>
public class MemberForm
{
    public const int BlankRows = 2;
    public string? Name { get; set; }
    /// <summary>The directory person's id as posted; empty for none.</summary>
    public string? PersonId { get; set; }
    public string? Responsibility { get; set; }
    public List<int> Areas { get; set; } = [];
    public List<PeriodRow> Periods { get; set; } = [];

    public class PeriodRow
    {
        public string? From { get; set; }
        public string? To { get; set; }
        public string? Percent { get; set; }
        public string? Note { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To) && string.IsNullOrWhiteSpace(Percent) && string.IsNullOrWhiteSpace(Note);
    }

    public static MemberForm From(TeamMember m) => new()
    {
        Name = m.Name, PersonId = m.PersonId?.ToString(CultureInfo.InvariantCulture), Responsibility = m.Responsibility, Areas = m.Areas.Select(a => a.AreaId).ToList(),
        Periods = m.Periods.OrderBy(p => p.FromMonth).Select(p => new PeriodRow
        {
            From = p.FromMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), To = p.ToMonth?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Percent = p.Percent.ToString(CultureInfo.InvariantCulture), Note = p.Note,
        }).ToList(),
    };

    public MemberForm WithBlankRows()
    {
        while (Periods.Count < BlankRows || Periods.TakeLast(BlankRows).Any(p => !p.IsBlank)) Periods.Add(new PeriodRow());
        return this;
    }

    public sealed record Period(DateOnly From, DateOnly? To, int Percent, string? Note);
    public sealed record Valid(string Name, int? PersonId, string? Responsibility, List<int> Areas, List<Period> Periods);

    /// <summary><paramref name="people"/>: who may be chosen (<see cref="PeopleAsync"/>); any other id is refused.</summary>
    public (Valid? Value, Dictionary<string, string> Errors) Validate(ActivityPlan plan, IReadOnlyList<Person> people)
    {
        var errors = new Dictionary<string, string>();
        Person? person = null;
        if (!string.IsNullOrWhiteSpace(PersonId))
        {
            person = int.TryParse(PersonId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? people.FirstOrDefault(p => p.Id == pid) : null;
            if (person is null) errors[nameof(PersonId)] = "Välj en person ur listan. Bara regionens egen personal i katalogen kan kopplas till teamet.";
        }
        // Left empty, a linked member's name is the directory's: nobody has to type it twice.
        var name = Name?.Trim() is { Length: > 0 } typed ? typed : person?.Name ?? "";
        if (name.Length == 0) errors[nameof(Name)] = "Ange namnet, eller välj en person ur katalogen.";
        else if (name.Length > 200) errors[nameof(Name)] = "Namnet får vara högst 200 tecken.";
        var responsibility = string.IsNullOrWhiteSpace(Responsibility) ? null : Responsibility.Trim();
        if (responsibility?.Length > 1000) errors[nameof(Responsibility)] = "Ansvarsområdet får vara högst 1 000 tecken.";
        var areas = Areas.Distinct().ToList();
        if (areas.Any(a => plan.Areas.All(x => x.Id != a))) errors[nameof(Areas)] = "Välj bara utvecklingsområden i den här planen.";

        var periods = new List<Period>();
        for (var i = 0; i < Periods.Count; i++)
        {
            var row = Periods[i];
            if (row.IsBlank) continue;
            var key = $"Periods[{i}]";
            var n = i + 1;
            DateOnly? from = Month(row.From);
            if (from is null) errors[$"{key}.From"] = $"Ange första månad på rad {n} som ÅÅÅÅ-MM, till exempel {plan.StartDate:yyyy}-02.";
            DateOnly? to = null;
            if (!string.IsNullOrWhiteSpace(row.To))
            {
                to = Month(row.To);
                if (to is null) errors[$"{key}.To"] = $"Ange sista månad på rad {n} som ÅÅÅÅ-MM, eller lämna tomt om perioden inte har något slut.";
                else if (from is { } f && to < f) errors[$"{key}.To"] = $"Sista månaden på rad {n} kan inte vara före den första.";
            }
            int? percent = int.TryParse(row.Percent?.Trim().TrimEnd('%').Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
            if (percent is null or > 100) errors[$"{key}.Percent"] = $"Ange tjänstgöringsgrad på rad {n} i procent, 0–100 (0 för ledighet).";
            var note = string.IsNullOrWhiteSpace(row.Note) ? null : row.Note.Trim();
            if (note?.Length > 200) errors[$"{key}.Note"] = $"Anteckningen på rad {n} får vara högst 200 tecken.";
            if (from is { } ff && percent is int pp and <= 100 && !errors.ContainsKey($"{key}.To") && note?.Length is null or <= 200)
                periods.Add(new Period(ff, to, pp, note));
        }
        return errors.Count > 0 ? (null, errors) : (new Valid(name, person?.Id, responsibility, areas, periods), errors);
    }

    private static DateOnly? Month(string? text) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : null;

    public static void Apply(Valid v, TeamMember m)
    {
        m.Name = v.Name;
        m.PersonId = v.PersonId;
        m.Responsibility = v.Responsibility;
        m.Areas.RemoveAll(a => !v.Areas.Contains(a.AreaId));
        foreach (var a in v.Areas.Where(a => m.Areas.All(x => x.AreaId != a))) m.Areas.Add(new TeamMemberArea { AreaId = a });
        m.Periods.Clear();
        m.Periods.AddRange(v.Periods.Select(p => new EmploymentPeriod { FromMonth = p.From, ToMonth = p.To, Percent = p.Percent, Note = p.Note }));
    }

    /// <summary>
    /// The people a member may be: active staff of the plan's county's regional unit (libraries of the kind
    /// Regionbibliotek) whom the editor may read, plus the member's current person so an edit never drops it
    /// silently. A regional unit's staff is a handful, so a select needs no search step.
    /// </summary>
    public static Task<List<Person>> PeopleAsync(AppDbContext db, UserScope scope, string countyCode, int? current) =>
        DirectoryAccess.VisiblePeople(db.People.AsNoTracking(), scope)
            .Where(p => p.Id == current || (p.IsActive && p.Library!.Kind == LibraryKind.Regionbibliotek && p.Library.Municipality!.CountyCode == countyCode))
            .OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync();
}
