namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// One municipality of the region in a report's period, as Samverka's data shows it took part: the activities its
/// libraries arranged or co-arranged, its enrolments in the region's programmes, the participants from its libraries,
/// a workshop after the latest self-assessment round, and a current library plan at the period's year end.
/// The report's engagement map and table show these rows; the figure kommuner.nadda counts the rows with a value.
/// <see cref="Staff"/> is the staff of its libraries in KB's statistics at the period's last year: the table shows
/// participants per 100 staff beside the participants (issue 19).
/// </summary>
public sealed record MunicipalityReach(string Code, string Name, int Activities, int Enrolments, int Participants, bool Workshop, bool CurrentLibraryPlan,
    Samverka.Web.Features.Directory.Kb.StaffFigure? Staff = null)
{
    public Activities.ParticipationRates.Rate Rate => new(Participants, Staff);

    /// <summary>The map's value: activities arranged or co-arranged plus enrolments. Above 0 means reached.</summary>
    public int Value => Activities + Enrolments;

    public bool Reached => Value > 0;
}

/// <summary>The engagement map of a report: the region's municipalities classed by <see cref="MunicipalityReach.Value"/>.</summary>
public static class ReachMap
{
    public sealed record Map(Samverka.Web.Infrastructure.SvgMap.MapSpec Spec, IReadOnlyList<int> CountPerClass);

    public static Map For(PlanFigureSet figures, string countyName, int year)
    {
        var reach = figures.Reach;
        var (classes, classOf) = Samverka.Web.Infrastructure.SvgMap.ValueClasses(reach.Count == 0 ? 0 : reach.Max(r => r.Value),
            v => v == "0" ? "0 (inte nådd)" : v);
        var areas = reach.Select(r => new Samverka.Web.Infrastructure.SvgMap.MapArea(r.Code, classOf(r.Value),
            $"{r.Name}: {r.Activities} {(r.Activities == 1 ? "aktivitet" : "aktiviteter")} och {r.Enrolments} {(r.Enrolments == 1 ? "anslutning" : "anslutningar")}")).ToList();
        var spec = new Samverka.Web.Infrastructure.SvgMap.MapSpec("reach", $"Kommunerna i {countyName} {year}",
            $"Karta över länets {reach.Count} kommuner. Värdet är antalet aktiviteter som kommunens bibliotek arrangerat eller medarrangerat "
            + $"plus anslutningar till regionens program; {reach.Count(r => r.Reached)} kommuner har ett värde över 0. Tabellen intill visar samma uppgifter.",
            classes, areas, []);
        return new Map(spec, classes.Select((_, i) => areas.Count(a => a.ClassIndex == i)).ToList());
    }
}
