using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// The yearly report as a Word document in seed 004's structure, from the same <see cref="PlanReading"/> as the
/// print page. Headings use Word's built-in heading styles so the navigation pane and a table of contents work;
/// tables carry a header row marked as such for screen readers; the engagement map is a PNG with its description as
/// alternative text, followed by the same figures as a table; what carries an action out links back to Samverka.
/// </summary>
public static class PlanReportDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <param name="baseUrl">Scheme and host of the request ("https://samverka.example"): links in the document point there.</param>
    public static byte[] Build(PlanReading r, int year, string baseUrl)
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
            body.Append(Blocks(plan.Vision, "1.1", 3));
            body.Append(Para("1.2 Värdegrund", "Heading2"));
            body.Append(Blocks(plan.ValuesText, "1.2", 3));
            body.Append(Para("2 Förutsättningar", "Heading1"));
            body.Append(Blocks(plan.Premises, "2", 2));
            body.Append(Para("3 Uppdrag", "Heading1"));
            body.Append(Blocks(plan.Assignment, "3", 2));
            body.Append(Para("4 Personal", "Heading1"));
            if (r.CanSeeTeam)
            {
                body.Append(Blocks(plan.StaffNote, null, 2));
                body.Append(Table(["Namn", "Ansvarsområde", "Tjänstgöring"], plan.Team.OrderBy(m => m.SortOrder).ThenBy(m => m.Name)
                    .Select(m => new[] { m.Name, m.Responsibility ?? "", string.Join("; ", m.Periods.OrderBy(p => p.FromMonth).Select(PlanText.Period)) })));
            }
            else body.Append(Para("Personalavsnittet med tjänstgöringsgrad och ledighet visas för regionens samordnare och den nationella samordnaren."));
            body.Append(Para("5 Utvecklingsområden", "Heading1"));
            body.Append(Blocks(plan.AreasIntro, null, 2));
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
                else body.Append(Table(
                    r.CanSeeTeam ? ["Aktivitet", "Ansvarig", "Planerad", "Status", "Genomförs genom"] : ["Aktivitet", "Planerad", "Status", "Genomförs genom"],
                    area.Actions.OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select(a => new[]
                    {
                        [Para(a.Text)], r.CanSeeTeam ? [Para(r.ResponsibleName(a))] : null,
                        [Para(PlanText.Months(a.PlannedFrom, a.PlannedTo))],
                        [Para(PlanText.Status(a.Status) + (a.StatusReason is null ? "" : ": " + a.StatusReason))],
                        a.Links.Count == 0 ? [Para("–")] : a.Links.Select(l => LinkPara(main, baseUrl, l)).ToArray(),
                    }.OfType<Paragraph[]>().ToArray())));
                body.Append(Para("Utfall", "Heading3"));
                var outcome = area.Outcomes.FirstOrDefault(o => o.Year == year);
                body.Append(outcome is null ? [Para($"Inget utfall skrivet för {year}.")] : Blocks(figures.Render(outcome.Text), null, 3));
            }
            body.Append(Para($"Bilaga: kommunerna i länet {year}", "Heading1"));
            body.Append(Reach(main, figures, ReachMap.For(figures, plan.County.Name, year)));
            body.Append(Para("Bilaga: uppgifter ur Samverka", "Heading1"));
            body.Append(Table(["Uppgift", "Värde"], figures.Figures.Select(f => new[] { f.Label, f.Formatted })));
            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1418, Bottom = 1418, Left = 1418U, Right = 1418U, Header = 709U, Footer = 709U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    /// <summary>The engagement map as a picture, its legend in words and the same figures as a table.</summary>
    private static OpenXmlElement[] Reach(MainDocumentPart main, PlanFigureSet figures, ReachMap.Map map)
    {
        var reach = figures.Reach;
        var (png, w, h) = MapPng.Render(map.Spec);
        var image = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png)) image.FeedData(data);
        const long widthEmu = 5_400_000; // 15 cm: fits A4 between the margins
        var elements = new List<OpenXmlElement>
        {
            Para($"{reach.Count(x => x.Reached)} av {reach.Count} kommuner har nåtts genom aktiviteter som kommunens bibliotek arrangerat eller "
                + "medarrangerat, eller genom anslutningar till regionens program."),
            new Paragraph(new Run(Picture(main.GetIdOfPart(image), widthEmu, widthEmu * h / w, map.Spec.Title, map.Spec.Description))),
            Para("Teckenförklaring (aktiviteter och anslutningar; färgen blir mörkare och mönstret tätare ju högre värdet är):"),
        };
        elements.AddRange(map.Spec.Classes.Select((c, i) => Para($"– {c.Label}: {map.CountPerClass[i]} {(map.CountPerClass[i] == 1 ? "kommun" : "kommuner")}")));
        elements.Add(Table(["Kommun", "Aktiviteter som kommunens bibliotek arrangerat", "Anslutningar till program", "Deltagare från kommunens bibliotek",
                "Workshop efter självskattningen", "Aktuell biblioteksplan"],
            reach.Select(m => new[] { m.Name, m.Activities.ToString(), m.Enrolments.ToString(), m.Participants.ToString(), m.Workshop ? "ja" : "nej", m.CurrentLibraryPlan ? "ja" : "nej" })));
        return [.. elements];
    }

    private static Drawing Picture(string relationshipId, long cx, long cy, string name, string description) => new(
        new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            // The description is the picture's alternative text in Word and LibreOffice.
            new DW.DocProperties { Id = 1U, Name = name, Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = "karta.png", Description = description },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });

    /// <summary>What carries an action out, as a link to its page in Samverka.</summary>
    private static Paragraph LinkPara(MainDocumentPart main, string baseUrl, PlannedActionLink l)
    {
        var (label, name, path) = l switch
        {
            { Programme: { } pr } => ("Program", pr.Name, $"/program/{pr.Id}"),
            { Activity: { } a } => ("Aktivitet", a.Title, $"/aktiviteter/{a.Id}"),
            { Agreement: { } g } => ("Överenskommelse", g.Title, $"/overenskommelser/{g.Id}"),
            { Round: { } x } => ("Självskattning", x.Name, $"/sjalvskattning/omgangar/{x.Id}"),
            _ => ("Koppling", "okänd", ""),
        };
        var para = new Paragraph(new Run(new Text(label + ": ") { Space = SpaceProcessingModeValues.Preserve }));
        if (path.Length == 0) { para.Append(new Run(new Text(name))); return para; }
        var rel = main.AddHyperlinkRelationship(new Uri(baseUrl + path, UriKind.Absolute), isExternal: true);
        para.Append(new Hyperlink(new Run(new RunProperties(new RunStyle { Val = "Hyperlink" }), new Text(name) { Space = SpaceProcessingModeValues.Preserve })) { Id = rel.Id });
        return para;
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var p = new Paragraph();
        if (style is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        p.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    /// <summary>The region's text as <see cref="PlanText.Blocks"/>: paragraphs, numbered sub-headings ("2.1 …") and lists.</summary>
    /// <param name="number">The section's number, or null for unnumbered sub-headings.</param>
    /// <param name="level">The sub-headings' Word heading level.</param>
    private static OpenXmlElement[] Blocks(string? text, string? number, int level)
    {
        var n = 0;
        var elements = PlanText.Blocks(text).SelectMany(b => b.Kind switch
        {
            TextBlockKind.Heading => [Para(number is null ? b.Text : $"{number}.{++n} {b.Text}", $"Heading{Math.Min(level, 3)}")],
            TextBlockKind.List => List(b.Items),
            _ => new OpenXmlElement[] { Para(b.Text) },
        }).ToArray();
        return elements.Length == 0 ? [Para("")] : elements;
    }

    private static OpenXmlElement[] List(IEnumerable<string> items)
    {
        var list = items.Select(i => (OpenXmlElement)Para("– " + i)).ToArray();
        return list.Length == 0 ? [Para("Inga angivna.")] : list;
    }

    private static Table Table(string[] headers, IEnumerable<string[]> rows) =>
        Table(headers, rows.Select(r => r.Select(c => new[] { Para(c) }).ToArray()));

    /// <summary>A table whose cells hold paragraphs (several, or with links).</summary>
    private static Table Table(string[] headers, IEnumerable<Paragraph[][]> rows)
    {
        // The schema fixes the order: top, left, bottom, right, inside horizontal, inside vertical.
        var border = () => new BorderType[] { new TopBorder(), new LeftBorder(), new BottomBorder(), new RightBorder(), new InsideHorizontalBorder(), new InsideVerticalBorder() };
        var borders = new TableBorders();
        foreach (var b in border()) { b.Val = BorderValues.Single; b.Size = 4U; borders.Append(b); }
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, borders));
        var grid = new TableGrid();
        foreach (var _ in headers) grid.Append(new GridColumn());
        table.Append(grid);
        // A repeated header row, marked so screen readers and Word treat it as headings.
        var head = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var h in headers) head.Append(new TableCell(new Paragraph(new Run(new RunProperties(new Bold()), new Text(h) { Space = SpaceProcessingModeValues.Preserve }))));
        table.Append(head);
        foreach (var row in rows)
        {
            var tr = new TableRow();
            foreach (var cell in row) tr.Append(new TableCell(cell));
            table.Append(tr);
        }
        return table;
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
            Heading("Heading1", "heading 1", 16, 0), Heading("Heading2", "heading 2", 13, 1), Heading("Heading3", "heading 3", 11, 2),
            // Word's own colour for links (#0563C1, 6.4:1 on white), underlined so the link does not rest on colour alone.
            new Style(new StyleName { Val = "Hyperlink" }, new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }))
            { Type = StyleValues.Character, StyleId = "Hyperlink" });
    }
}
