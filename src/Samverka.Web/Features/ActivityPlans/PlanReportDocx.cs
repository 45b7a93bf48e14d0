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
/// The yearly report as a Word document: <see cref="PlanReportContent"/>'s blocks, the same the PDF is written from.
/// Headings use Word's built-in heading styles so the navigation pane and a table of contents work; tables carry a
/// header row marked as such for screen readers; the engagement map is a PNG with its description as alternative text;
/// what carries an action out links back to Samverka.
/// </summary>
public static class PlanReportDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <param name="baseUrl">Scheme and host of the request ("https://samverka.example"): links in the document point there.</param>
    public static byte[] Build(PlanReading r, int year, string baseUrl)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            var pictures = 0U;
            foreach (var block in PlanReportContent.Outline(r, year))
                body.Append(block switch
                {
                    DocTitle t => Para(t.Text, "Title"),
                    DocHeading h => Para(h.Text, $"Heading{h.Level}"),
                    DocListItem li => Para($"{li.Marker} {li.Text}"),
                    DocTable t => Table([.. t.Headers], t.Rows.Select(row => row.Select(c => c.Lines.Select(l => LinePara(main, baseUrl, l)).ToArray()).ToArray())),
                    DocPicture pic => Picture(main, pic, ++pictures),
                    DocParagraph p => Para(p.Text),
                    _ => throw new NotSupportedException(block.GetType().Name),
                });
            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1418, Bottom = 1418, Left = 1418U, Right = 1418U, Header = 709U, Footer = 709U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private static Paragraph Picture(MainDocumentPart main, DocPicture pic, uint id)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(pic.Png)) image.FeedData(data);
        const long widthEmu = 5_400_000; // 15 cm: fits A4 between the margins
        return new Paragraph(new Run(Picture(main.GetIdOfPart(image), widthEmu, widthEmu * pic.Height / pic.Width, pic.Name, pic.AltText, id)));
    }

    private static Drawing Picture(string relationshipId, long cx, long cy, string name, string description, uint id) => new(
        new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            // The description is the picture's alternative text in Word and LibreOffice.
            new DW.DocProperties { Id = id, Name = name, Description = description },
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

    /// <summary>A cell's line; a link's text as a hyperlink to its page in Samverka.</summary>
    private static Paragraph LinePara(MainDocumentPart main, string baseUrl, DocLine l)
    {
        if (l.Label is null) return Para(l.Text);
        var para = new Paragraph(new Run(new Text(l.Label + ": ") { Space = SpaceProcessingModeValues.Preserve }));
        if (l.Path is null) { para.Append(new Run(new Text(l.Text))); return para; }
        var rel = main.AddHyperlinkRelationship(new Uri(baseUrl + l.Path, UriKind.Absolute), isExternal: true);
        para.Append(new Hyperlink(new Run(new RunProperties(new RunStyle { Val = "Hyperlink" }), new Text(l.Text) { Space = SpaceProcessingModeValues.Preserve })) { Id = rel.Id });
        return para;
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var p = new Paragraph();
        if (style is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        p.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

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
