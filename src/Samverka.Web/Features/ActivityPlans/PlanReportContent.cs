using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// The yearly report's content in seed 004's structure, from the same <see cref="PlanReading"/> and figures as the
/// print page: written once here, rendered as Word (<see cref="PlanReportDocx"/>) and as PDF (<see cref="Pdf"/>).
/// The engagement map is a PNG with its description as alternative text, followed by the same figures as a table;
/// what carries an action out is a link back to Samverka.
/// </summary>
public static class PlanReportContent
{
    /// <summary>The title the page, the PDF's metadata and the browser tab share.</summary>
    public static string Title(PlanReading r, int year) => $"Verksamhetsberättelse {year} – {r.Plan.County!.RegionalBody}";

    public static string FileName(PlanReading r, int year, string extension) =>
        $"verksamhetsberattelse-{r.Plan.County!.ShortName.ToLowerInvariant()}-{year}.{extension}";

    public static List<DocBlock> Outline(PlanReading r, int year)
    {
        var plan = r.Plan;
        var figures = r.Figures[year];
        var blocks = new List<DocBlock>
        {
            new DocTitle($"Verksamhetsberättelse {year}"),
            new DocParagraph(plan.County!.RegionalBody),
            new DocParagraph($"Siffrorna i berättelsen gäller {PlanText.Date(figures.From)} – {PlanText.Date(figures.To)} och är beräknade ur Samverka {PlanText.Computed(figures.ComputedAt)}."),
            new DocHeading("1 Inledning", 1),
            new DocHeading("1.1 Vision", 2),
        };
        blocks.AddRange(Text(plan.Vision, "1.1", 3));
        blocks.Add(new DocHeading("1.2 Värdegrund", 2));
        blocks.AddRange(Text(plan.ValuesText, "1.2", 3));
        blocks.Add(new DocHeading("2 Förutsättningar", 1));
        blocks.AddRange(Text(plan.Premises, "2", 2));
        blocks.Add(new DocHeading("3 Uppdrag", 1));
        blocks.AddRange(Text(plan.Assignment, "3", 2));
        blocks.Add(new DocHeading("4 Personal", 1));
        if (r.CanSeeTeam)
        {
            blocks.AddRange(Text(plan.StaffNote, null, 2));
            blocks.Add(DocTable.Of(["Namn", "Ansvarsområde", "Tjänstgöring"], plan.Team.OrderBy(m => m.SortOrder).ThenBy(m => m.Name)
                .Select(m => new[] { m.Name, m.Responsibility ?? "", string.Join("; ", m.Periods.OrderBy(p => p.FromMonth).Select(PlanText.Period)) })));
        }
        else blocks.Add(new DocParagraph("Personalavsnittet med tjänstgöringsgrad och ledighet visas för regionens samordnare och den nationella samordnaren."));
        blocks.Add(new DocHeading("5 Utvecklingsområden", 1));
        blocks.AddRange(Text(plan.AreasIntro, null, 2));
        var n = 0;
        foreach (var area in r.Areas)
        {
            n++;
            blocks.Add(new DocHeading($"5.{n} {area.Name}", 2));
            blocks.Add(new DocHeading("Samverkansparter", 3));
            blocks.AddRange(List(area.Partners.OrderBy(p => p.SortOrder).Select(p => $"{p.Name} ({PlanText.Kind(p.Kind)})")));
            blocks.Add(new DocHeading("Delmål", 3));
            blocks.AddRange(List(area.SubGoals.OrderBy(g => g.SortOrder).Select(g => g.Text)));
            blocks.Add(new DocHeading("Aktiviteter", 3));
            if (area.Actions.Count == 0) blocks.Add(new DocParagraph("Inga planerade aktiviteter."));
            else blocks.Add(new DocTable(
                r.CanSeeTeam ? ["Aktivitet", "Ansvarig", "Planerad", "Status", "Genomförs genom"] : ["Aktivitet", "Planerad", "Status", "Genomförs genom"],
                area.Actions.OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select(a => (IReadOnlyList<DocCell>)new[]
                {
                    Cell(a.Text), r.CanSeeTeam ? Cell(r.ResponsibleName(a)) : null,
                    Cell(PlanText.Months(a.PlannedFrom, a.PlannedTo)),
                    Cell(PlanText.Status(a.Status) + (a.StatusReason is null ? "" : ": " + a.StatusReason)),
                    a.Links.Count == 0 ? Cell("–") : new DocCell(a.Links.Select(Link).ToList()),
                }.OfType<DocCell>().ToList()).ToList()));
            blocks.Add(new DocHeading("Utfall", 3));
            var outcome = area.Outcomes.FirstOrDefault(o => o.Year == year);
            blocks.AddRange(outcome is null ? [new DocParagraph($"Inget utfall skrivet för {year}.")] : Text(figures.Render(outcome.Text), null, 3));
        }
        blocks.Add(new DocHeading($"Bilaga: kommunerna i länet {year}", 1));
        blocks.AddRange(Reach(figures, ReachMap.For(figures, plan.County.Name, year)));
        blocks.Add(new DocHeading("Bilaga: uppgifter ur Samverka", 1));
        blocks.Add(DocTable.Of(["Uppgift", "Värde"], figures.Figures.Select(f => new[] { f.Label, f.Formatted })));
        return blocks;
    }

    /// <summary>The engagement map as a picture, its legend in words and the same figures as a table.</summary>
    private static IEnumerable<DocBlock> Reach(PlanFigureSet figures, ReachMap.Map map)
    {
        var reach = figures.Reach;
        var (png, w, h) = MapPng.Render(map.Spec);
        yield return new DocParagraph($"{reach.Count(x => x.Reached)} av {reach.Count} kommuner har nåtts genom aktiviteter som kommunens bibliotek arrangerat eller "
            + "medarrangerat, eller genom anslutningar till regionens program.");
        yield return new DocPicture(png, w, h, map.Spec.Title, map.Spec.Description);
        yield return new DocParagraph("Teckenförklaring (aktiviteter och anslutningar; färgen blir mörkare och mönstret tätare ju högre värdet är):");
        foreach (var (c, i) in map.Spec.Classes.Select((c, i) => (c, i)))
            yield return new DocListItem("–", $"{c.Label}: {map.CountPerClass[i]} {(map.CountPerClass[i] == 1 ? "kommun" : "kommuner")}");
        var region = figures.RegionRate;
        var whole = reach.Count.ToString();
        yield return DocTable.Of(["Kommun", "Aktiviteter som kommunens bibliotek arrangerat", "Anslutningar till program", "Deltagare från kommunens bibliotek",
                "Workshop efter självskattningen", "Aktuell biblioteksplan"],
            reach.Select(m => new[] { m.Name, m.Activities.ToString(), m.Enrolments.ToString(), m.Participants.ToString(), m.Workshop ? "ja" : "nej", m.CurrentLibraryPlan ? "ja" : "nej" })
                .Append([RegionRow, reach.Sum(m => m.Activities).ToString(), reach.Sum(m => m.Enrolments).ToString(), region.Participants.ToString(),
                    $"{reach.Count(m => m.Workshop)} av {whole}", $"{reach.Count(m => m.CurrentLibraryPlan)} av {whole}"]));
        // The page shows the rate beside the count in the one table; a printed page has no room for eight columns, so the
        // documents repeat the count beside the rate in a table of their own.
        yield return new DocParagraph("Deltagare per 100 anställda per kommun:");
        yield return DocTable.Of(["Kommun", "Deltagare från kommunens bibliotek", "Deltagare per 100 anställda", "Anställda enligt KB (mätår)"],
            reach.Select(m => (m.Name, m.Rate)).Append((RegionRow, region))
                .Select(x => new[] { x.Item1, x.Item2.Participants.ToString(), x.Item2.Per100Text, x.Item2.StaffText }));
        yield return new DocParagraph(RateNote(figures));
    }

    /// <summary>The municipality tables' last row: the whole county.</summary>
    public const string RegionRow = "Hela länet";

    /// <summary>What the per-100 column means, with the staff figures' year (the page and the document say the same).</summary>
    public static string RateNote(PlanFigureSet figures) =>
        $"Deltagare per 100 anställda: deltagare från kommunens (länets) bibliotek i regionens aktiviteter under perioden i förhållande till antalet anställda "
        + $"(personer) enligt KB:s biblioteksstatistik, för varje bibliotek det senaste mätåret till och med {figures.To.Year}"
        + (figures.RegionStaff is { } s ? $" (länet: mätår {s.Years})" : "") + ". ”Uppgift saknas” där KB inte har någon siffra.";

    /// <summary>What carries an action out, as a link to its page in Samverka.</summary>
    private static DocLine Link(PlannedActionLink l) => l switch
    {
        { Programme: { } pr } => new(pr.Name, "Program", $"/program/{pr.Id}"),
        { Activity: { } a } => new(a.Title, "Aktivitet", $"/aktiviteter/{a.Id}"),
        { Agreement: { } g } => new(g.Title, "Överenskommelse", $"/overenskommelser/{g.Id}"),
        { Round: { } x } => new(x.Name, "Självskattning", $"/sjalvskattning/omgangar/{x.Id}"),
        _ => new("okänd", "Koppling"),
    };

    private static DocCell Cell(string text) => new([new DocLine(text)]);

    /// <summary>The region's text as <see cref="PlanText.Blocks"/>: paragraphs, numbered sub-headings ("2.1 …") and lists.</summary>
    /// <param name="number">The section's number, or null for unnumbered sub-headings.</param>
    /// <param name="level">The sub-headings' level.</param>
    private static List<DocBlock> Text(string? text, string? number, int level)
    {
        var n = 0;
        var blocks = PlanText.Blocks(text).SelectMany(b => b.Kind switch
        {
            TextBlockKind.Heading => [new DocHeading(number is null ? b.Text : $"{number}.{++n} {b.Text}", Math.Min(level, 3))],
            TextBlockKind.List => List(b.Items),
            _ => new DocBlock[] { new DocParagraph(b.Text) },
        }).ToList();
        return blocks.Count == 0 ? [new DocParagraph("")] : blocks;
    }

    private static DocBlock[] List(IEnumerable<string> items)
    {
        var list = items.Select(i => (DocBlock)new DocListItem("–", i)).ToArray();
        return list.Length == 0 ? [new DocParagraph("Inga angivna.")] : list;
    }
}
