using Samverka.Web.Data;
using Samverka.Web.Features.Directory.Kb;

namespace Samverka.Web.Features.Activities;

/// <summary>
/// Participants per 100 staff (issue 19): confirmed participants from a municipality's or county's libraries against the
/// staff of those libraries in KB's library statistics (<see cref="StaffFigures"/>: per library the latest measurement year
/// up to the year asked). The year of the staff figure is stated; a group without a figure shows "uppgift saknas", never 0.
/// The participant counts are public and shown beside the rate, and staff are public figures, so the rate reveals
/// nothing more and no suppression applies.
/// </summary>
public static class ParticipationRates
{
    public sealed record Rate(int Participants, StaffFigure? Staff)
    {
        public decimal? Per100 => StaffFigures.Per100Value(Participants, Staff);
        public string Per100Text => StaffFigures.Per100(Participants, Staff);
        public string StaffText => StaffFigures.Staff(Staff);
    }

    /// <summary>Participants in activities whose first session is in <paramref name="fromYear"/>–<paramref name="toYear"/>, against staff at <paramref name="toYear"/>.</summary>
    public sealed record Period(int FromYear, int ToYear, IReadOnlyDictionary<string, int> ByMunicipality, IReadOnlyDictionary<string, StaffFigure> Staff)
    {
        public string Years => FromYear == ToYear ? FromYear.ToString() : $"{FromYear}–{ToYear}";
        public Rate Municipality(string code) => new(ByMunicipality.GetValueOrDefault(code), Staff.GetValueOrDefault("M:" + code));
    }

    public static async Task<Period> ForPeriodAsync(AppDbContext db, int fromYear, int toYear, CancellationToken ct = default)
    {
        var rows = await ActivityStatistics.LoadAsync(db);
        return ForPeriod(rows, fromYear, toYear, await StaffFigures.ForYearAsync(db, toYear, ct));
    }

    public static Period ForPeriod(IEnumerable<ActivityStatistics.Participation> rows, int fromYear, int toYear, IReadOnlyDictionary<string, StaffFigure> staff) =>
        new(fromYear, toYear, rows.Where(r => r.Year >= fromYear && r.Year <= toYear).GroupBy(r => r.MunicipalityCode).ToDictionary(g => g.Key, g => g.Count()), staff);

    /// <summary>The latest year with a participant up to <paramref name="thisYear"/> (the national map's year), else this year.</summary>
    public static int LatestYear(IEnumerable<ActivityStatistics.Participation> rows, int thisYear) =>
        rows.Select(r => r.Year).Where(y => y <= thisYear).DefaultIfEmpty(thisYear).Max();

    /// <summary>What the tables say about the denominator, beneath them.</summary>
    public const string Note = "Deltagare per 100 anställda: bekräftade deltagare från bibliotekens personal i förhållande till antalet anställda (personer) "
        + "enligt KB:s biblioteksstatistik, för varje bibliotek det senaste mätåret till och med året i fråga; mätåret står vid antalet anställda. "
        + "”Uppgift saknas” där KB inte har någon siffra för kommunens eller länets bibliotek.";
}

/// <summary>A participation table (<c>_ParticipationTable</c>); with <paramref name="Staff"/> it adds staff and participants per 100 staff per row.</summary>
public sealed record ParticipationTableView(string Id, string Caption, string KeyHeading, List<ActivityStatistics.Count> Counts,
    Func<ActivityStatistics.Count, StaffFigure?>? Staff = null);
