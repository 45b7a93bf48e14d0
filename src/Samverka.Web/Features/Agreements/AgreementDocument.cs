using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Agreements;

/// <summary>
/// The agreement as a Word document laid out like seeds 000 and 001: registry number, heading, the parties,
/// the four sections in order, and the signature block (place and date, then per party the name and "För …").
/// Plain paragraphs and built-in style names only, so that Word and LibreOffice open it alike.
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
            if (a.RegistryNumber is { } reg) body.Append(Para(reg, justify: JustificationValues.Right));
            body.Append(Para(a.Title, "Title"));
            if (a.VersionNumber > 1) body.Append(Para($"Version {a.VersionNumber} (ändring av överenskommelsen)", italic: true));
            var parties = a.Parties.OrderBy(p => p.SortOrder).ToList();
            body.Append(Para(AgreementText.PartiesSentence(parties.Select(p => p.Name).ToList())));

            body.Append(Para("Inledning och syfte", "Heading1"));
            AppendText(body, a.Purpose);
            body.Append(Para("Period: " + $"{a.ValidFrom:yyyy-MM-dd} – {a.ValidTo:yyyy-MM-dd}"));

            body.Append(Para("Bakgrund", "Heading1"));
            AppendText(body, a.Background);
            if (a.SteeringDocuments.Count > 0)
            {
                body.Append(Para("Styrdokument som överenskommelsen hänvisar till:"));
                foreach (var d in a.SteeringDocuments.OrderBy(d => d.SortOrder))
                {
                    var years = AgreementText.Years(d.FromYear, d.ToYear);
                    body.Append(ListItem("–", years.Length == 0 ? d.Title : $"{d.Title} ({years})", 0));
                }
            }

            body.Append(Para("Samverkansområden", "Heading1"));
            AppendText(body, a.AreasIntro);
            foreach (var area in a.Areas.OrderBy(x => x.SortOrder))
            {
                body.Append(ListItem("–", area.Text, 0));
                var n = 0;
                foreach (var need in area.NeedList) body.Append(ListItem($"{++n}.", need, 1));
                var themes = area.Themes.Where(t => t.Theme is not null).Select(t => t.Theme!.Name).Order().ToList();
                if (themes.Count > 0) body.Append(ListItem("", "Teman: " + string.Join(", ", themes), 1));
            }

            body.Append(Para("Avstämning", "Heading1"));
            AppendText(body, a.FollowUpText);
            var contacts = parties.Where(p => p.ContactName is not null).ToList();
            if (contacts.Count > 0)
                body.Append(Para("Kontaktpersoner: " + string.Join("; ", contacts.Select(p => $"{p.Name}: {p.ContactName}"))));

            // Signature block as in the seeds: place and date, then the libraries' signatures above the region's.
            body.Append(Para(a.SignedOn is { } on ? $"{a.SignedPlace} {on:yyyy-MM-dd}" : "Ort och datum: ____________________", spaceBefore: 480));
            foreach (var p in parties.OrderBy(p => p.LibraryId is null && p.MunicipalityCode is null).ThenBy(p => p.SortOrder))
            {
                body.Append(Para(p.SignatoryName ?? "____________________", spaceBefore: 720));
                if (p.SignatoryTitle is { } title) body.Append(Para(title));
                body.Append(Para(p.SignedFor ?? $"För {p.Name}"));
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1418, Right = 1418U, Bottom = 1418, Left = 1418U, Header = 709U, Footer = 709U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private static void AppendText(Body body, string? text)
    {
        foreach (var block in AgreementText.Blocks(text))
        {
            if (block.IsList) foreach (var line in block.Lines) body.Append(ListItem("–", line, 0));
            else body.Append(Para(block.Lines[0]));
        }
    }

    private static Paragraph Para(string text, string? style = null, JustificationValues? justify = null, bool italic = false, int? spaceBefore = null)
    {
        var props = new ParagraphProperties();
        if (style is not null) props.Append(new ParagraphStyleId { Val = style });
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
