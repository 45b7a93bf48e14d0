using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Agreements;

/// <summary>
/// The agreement as a Word document: <see cref="AgreementContent"/>'s blocks (seeds 000 and 001's layout), the same
/// the PDF is written from. Plain paragraphs and built-in style names only, so that Word and LibreOffice open it alike.
/// </summary>
public static class AgreementDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Build(Agreement a)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            foreach (var block in AgreementContent.Outline(a))
                body.Append(block switch
                {
                    DocTitle t => Para(t.Text, "Title"),
                    DocHeading h => Para(h.Text, "Heading1"),
                    DocListItem li => ListItem(li.Marker, li.Text, li.Level),
                    DocParagraph p => Para(p.Text, justify: p.Align == DocAlign.Right ? JustificationValues.Right : null, italic: p.Italic,
                        spaceBefore: p.SpaceBefore > 0 ? (int)(p.SpaceBefore * 20) : null, keepNext: p.KeepWithNext), // points to twentieths of a point
                    _ => throw new NotSupportedException(block.GetType().Name),
                });
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1418, Right = 1418U, Bottom = 1418, Left = 1418U, Header = 709U, Footer = 709U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private static Paragraph Para(string text, string? style = null, JustificationValues? justify = null, bool italic = false, int? spaceBefore = null, bool keepNext = false)
    {
        var props = new ParagraphProperties();
        if (style is not null) props.Append(new ParagraphStyleId { Val = style });
        if (keepNext) props.Append(new KeepNext());
        if (spaceBefore is int sb) props.Append(new SpacingBetweenLines { Before = sb.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (justify is { } j) props.Append(new Justification { Val = j });
        var run = new Run();
        if (italic) run.Append(new RunProperties(new Italic()));
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(props, run);
    }

    /// <summary>A list line with its marker as text and a hanging indent: no numbering part to get wrong.</summary>
    private static Paragraph ListItem(string marker, string text, int level)
    {
        var left = 567 * (level + 1);
        var props = new ParagraphProperties(new Indentation { Left = left.ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "397" });
        var run = new Run();
        if (marker.Length > 0) run.Append(new Text(marker), new TabChar());
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(props, run);
    }

    private static Styles Styles()
    {
        Style Heading(string id, string name, string size) => new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360", After = "120" }),
            new StyleRunProperties(new Bold(), new FontSize { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };

        var normal = new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "160", Line = "276", LineRule = LineSpacingRuleValues.Auto }),
            new StyleRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" }, new FontSize { Val = "22" }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new Languages { Val = "sv-SE" })), new ParagraphPropertiesDefault()),
            normal, Heading("Title", "Title", "36"), Heading("Heading1", "heading 1", "28"));
    }
}
