using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Samverka.Web.Data;

namespace Samverka.Web.ActivityPlans;

/// <summary>
/// The yearly report as a Word document in seed 004's structure, from the same <see cref="PlanReading"/> as the
/// print page. Headings use Word's built-in heading styles so the navigation pane and a table of contents work;
/// tables carry a header row marked as such for screen readers.
/// </summary>
public static class PlanReportDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Build(PlanReading r, int year)
    {
        var plan = r.Plan;
        var figures = r.Figures[year];
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            body.Append(Para($"Verksamhetsberättelse {year}", "Title"));
            body.Append(Para(plan.County!.RegionalBody));
            body.Append(Para($"Siffrorna i berättelsen gäller {PlanText.Date(figures.From)} – {PlanText.Date(figures.To)} och är beräknade ur Samverka {PlanText.Computed(figures.ComputedAt)}."));
            body.Append(Para("1 Inledning", "Heading1"));
            body.Append(Para("1.1 Vision", "Heading2"));
            body.Append(Paras(plan.Vision));
            body.Append(Para("1.2 Värdegrund", "Heading2"));
            body.Append(Paras(plan.ValuesText));
            body.Append(Para("2 Förutsättningar", "Heading1"));
            body.Append(Paras(plan.Premises));
            body.Append(Para("3 Uppdrag", "Heading1"));
            body.Append(Paras(plan.Assignment));
            body.Append(Para("4 Personal", "Heading1"));
            if (r.CanSeeTeam)
            {
                body.Append(Paras(plan.StaffNote));
                body.Append(Table(["Namn", "Ansvarsområde", "Tjänstgöring"], plan.Team.OrderBy(m => m.SortOrder).ThenBy(m => m.Name)
                    .Select(m => new[] { m.Name, m.Responsibility ?? "", string.Join("; ", m.Periods.OrderBy(p => p.FromMonth).Select(PlanText.Period)) })));
            }
            else body.Append(Para("Personalavsnittet med tjänstgöringsgrad och ledighet visas för regionens samordnare och den nationella samordnaren."));
            body.Append(Para("5 Utvecklingsområden", "Heading1"));
            var n = 0;
            foreach (var area in r.Areas)
            {
                n++;
                body.Append(Para($"5.{n} {area.Name}", "Heading2"));
                body.Append(Para("Samverkansparter", "Heading3"));
                body.Append(List(area.Partners.OrderBy(p => p.SortOrder).Select(p => $"{p.Name} ({PlanText.Kind(p.Kind)})")));
                body.Append(Para("Delmål", "Heading3"));
                body.Append(List(area.SubGoals.OrderBy(g => g.SortOrder).Select(g => g.Text)));
                body.Append(Para("Aktiviteter", "Heading3"));
                if (area.Actions.Count == 0) body.Append(Para("Inga planerade aktiviteter."));
                else body.Append(Table(["Aktivitet", "Planerad", "Status"], area.Actions.OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
                    .Select(a => new[] { a.Text, PlanText.Months(a.PlannedFrom, a.PlannedTo), PlanText.Status(a.Status) + (a.StatusReason is null ? "" : ": " + a.StatusReason) })));
                body.Append(Para("Utfall", "Heading3"));
                var outcome = area.Outcomes.FirstOrDefault(o => o.Year == year);
                body.Append(outcome is null ? [Para($"Inget utfall skrivet för {year}.")] : Paras(figures.Render(outcome.Text)));
            }
            body.Append(Para("Bilaga: uppgifter ur Samverka", "Heading1"));
            body.Append(Table(["Uppgift", "Värde"], figures.Figures.Select(f => new[] { f.Label, f.Formatted })));
            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1418, Bottom = 1418, Left = 1418U, Right = 1418U, Header = 709U, Footer = 709U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var p = new Paragraph();
        if (style is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        p.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    private static OpenXmlElement[] Paras(string? text)
    {
        var paras = PlanText.Paragraphs(text).Select(t => (OpenXmlElement)Para(t)).ToArray();
        return paras.Length == 0 ? [Para("")] : paras;
    }

    private static OpenXmlElement[] List(IEnumerable<string> items)
    {
        var list = items.Select(i => (OpenXmlElement)Para("– " + i)).ToArray();
        return list.Length == 0 ? [Para("Inga angivna.")] : list;
    }

    private static Table Table(string[] headers, IEnumerable<string[]> rows)
    {
        // The schema fixes the order: top, left, bottom, right, inside horizontal, inside vertical.
        var border = () => new BorderType[] { new TopBorder(), new LeftBorder(), new BottomBorder(), new RightBorder(), new InsideHorizontalBorder(), new InsideVerticalBorder() };
        var borders = new TableBorders();
        foreach (var b in border()) { b.Val = BorderValues.Single; b.Size = 4U; borders.Append(b); }
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, borders));
        var grid = new TableGrid();
        foreach (var _ in headers) grid.Append(new GridColumn());
        table.Append(grid);
        table.Append(Row(headers, header: true));
        foreach (var row in rows) table.Append(Row(row, header: false));
        return table;
    }

    private static TableRow Row(string[] cells, bool header)
    {
        var row = new TableRow();
        // A repeated header row, marked so screen readers and Word treat it as headings.
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var c in cells)
        {
            var run = new Run(new Text(c) { Space = SpaceProcessingModeValues.Preserve });
            if (header) run.PrependChild(new RunProperties(new Bold()));
            row.Append(new TableCell(new Paragraph(run)));
        }
        return row;
    }

    private static Styles Styles()
    {
        Style Heading(string id, string name, int size, int level) => new(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level }),
            new StyleRunProperties(new Bold(), new FontSize { Val = (size * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };

        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "22" }, new Languages { Val = "sv-SE" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Title" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
                new StyleRunProperties(new Bold(), new FontSize { Val = "48" })) { Type = StyleValues.Paragraph, StyleId = "Title" },
            Heading("Heading1", "heading 1", 16, 0), Heading("Heading2", "heading 2", 13, 1), Heading("Heading3", "heading 3", 11, 2));
    }
}
