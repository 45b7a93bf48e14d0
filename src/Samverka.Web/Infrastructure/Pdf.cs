using System.Reflection;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// A <see cref="DocBlock"/> document as an A4 PDF (PDFsharp): title and language (sv-SE) in the metadata and shown as
/// the window title, DejaVu Sans embedded (shipped in Infrastructure/Fonts, so å, ä, ö and − are real text on any
/// system), bookmarks for the headings, and a structure tree for screen readers through PDFsharp's UAManager: H1–H4,
/// P, L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD, Figure with alternative text, Link; rules, repeated table headers
/// and page numbers ("Sida 2") are artifacts.
/// </summary>
public static class Pdf
{
    public const string ContentType = "application/pdf";
    public const string Language = "sv-SE";

    static Pdf() => GlobalFontSettings.FontResolver = new EmbeddedFonts();

    /// <param name="title">The document's title in its metadata (what a reader shows in the window's title bar).</param>
    /// <param name="baseUrl">Scheme and host of the request: links (<see cref="DocLine.Path"/>) point there.</param>
    public static byte[] Build(string title, IEnumerable<DocBlock> blocks, string baseUrl, string? subject = null) =>
        new Writer(title, subject, baseUrl).Write(blocks);

    /// <summary>DejaVu Sans from the assembly for every family name; italic is slanted by PDFsharp.</summary>
    private sealed class EmbeddedFonts : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans", false, italic);

        public byte[] GetFont(string faceName)
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Samverka.Fonts.{faceName}.ttf")
                ?? throw new InvalidOperationException($"Typsnittet {faceName} saknas.");
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            return ms.ToArray();
        }
    }

    private sealed class Writer
    {
        private const string Family = "DejaVu Sans";
        private const double Margin = 70.9; // 2.5 cm, as the DOCX files
        private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
        private static readonly XFont Body = new(Family, 10.5, XFontStyleEx.Regular, Unicode);
        private static readonly XFont Small = new(Family, 8.5, XFontStyleEx.Regular, Unicode);
        private static readonly XFont SmallBold = new(Family, 8.5, XFontStyleEx.Bold, Unicode);
        private static readonly XFont[] Headings =
            [new(Family, 20, XFontStyleEx.Bold, Unicode), new(Family, 15, XFontStyleEx.Bold, Unicode), new(Family, 12.5, XFontStyleEx.Bold, Unicode), new(Family, 10.5, XFontStyleEx.Bold, Unicode)];
        private static readonly PdfBlockLevelElementTag[] HeadingTags =
            [PdfBlockLevelElementTag.Heading1, PdfBlockLevelElementTag.Heading2, PdfBlockLevelElementTag.Heading3, PdfBlockLevelElementTag.Heading4];

        private readonly PdfDocument _doc = new();
        private readonly StructureBuilder _sb;
        private readonly string _baseUrl;
        private readonly List<MemoryStream> _images = [];
        private readonly List<PdfOutline?> _bookmarks = [null, null, null, null];
        private PdfPage _page = null!;
        private XGraphics _gfx = null!;
        private double _y;
        private double _pageHeight;
        private double Right => _page.Width.Point - Margin;
        private double Width => Right - Margin;

        public Writer(string title, string? subject, string baseUrl)
        {
            _baseUrl = baseUrl;
            // The manager must exist before the first page: it hooks the document's page and drawing events.
            var ua = UAManager.ForDocument(_doc);
            _sb = ua.StructureBuilder;
            ua.SetDocumentLanguage(Language);
            _doc.Info.Title = title;
            _doc.Info.Subject = subject ?? title;
            _doc.Info.Author = "Samverka";
            _doc.Info.Creator = "Samverka";
            _doc.ViewerPreferences.DisplayDocTitle = true;
            _doc.PageMode = PdfPageMode.UseOutlines;
        }

        public byte[] Write(IEnumerable<DocBlock> blocks)
        {
            NewPage();
            var list = new List<DocListItem>();
            var all = blocks.ToList();
            for (var i = 0; i < all.Count; i++)
            {
                var block = all[i];
                if (block is DocListItem item) { list.Add(item); continue; }
                if (list.Count > 0) { List(list); list.Clear(); }
                switch (block)
                {
                    case DocTitle t: Heading(t.Text, 0); break;
                    case DocHeading h: Heading(h.Text, Math.Clamp(h.Level, 1, 3)); break;
                    case DocParagraph p:
                        if (p.KeepWithNext && (i == 0 || all[i - 1] is not DocParagraph { KeepWithNext: true })) Room(KeptHeight(all, i));
                        Paragraph(p);
                        break;
                    case DocTable t: Table(t); break;
                    case DocPicture pic: Picture(pic); break;
                    default: throw new NotSupportedException(block.GetType().Name);
                }
            }
            if (list.Count > 0) List(list);
            _gfx.Dispose();
            using var ms = new MemoryStream();
            _doc.Save(ms);
            foreach (var s in _images) s.Dispose();
            return ms.ToArray();
        }

        private void NewPage()
        {
            // The old page's graphics stay open while the page is added: UAManager closes its marked content on them,
            // so a paragraph or table that breaks continues in the same structure element on the next page.
            var old = _gfx;
            _page = _doc.AddPage();
            old?.Dispose();
            _page.Size = PdfSharp.PageSize.A4;
            _pageHeight = _page.Height.Point;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
            PageNumber();
        }

        /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
        private void Room(double height)
        {
            if (_y + height > _pageHeight - Margin && _y > Margin) NewPage();
        }

        private static double LineHeight(XFont font) => font.GetHeight() * 1.2;

        /// <summary>Words wrapped to <paramref name="width"/>; a word longer than a line is cut.</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (_gfx.MeasureString(candidate, font).Width <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (line.Length > 1 && _gfx.MeasureString(line, font).Width > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && _gfx.MeasureString(line[..cut], font).Width > width) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            if (line.Length > 0 || lines.Count == 0) lines.Add(line);
            return lines;
        }

        /// <summary>Draws wrapped text line by line from the current position, breaking pages between lines.</summary>
        private void Lines(string text, XFont font, double x, double width, DocAlign align = DocAlign.Left)
        {
            var height = LineHeight(font);
            foreach (var line in Wrap(text, font, width))
            {
                Room(height);
                var w = _gfx.MeasureString(line, font).Width;
                var left = align switch { DocAlign.Right => x + width - w, DocAlign.Center => x + (width - w) / 2, _ => x };
                if (line.Length > 0) _gfx.DrawString(line, font, XBrushes.Black, left, _y, XStringFormats.TopLeft);
                _y += height;
            }
        }

        /// <param name="level">0 for the title (H1), 1–3 for the headings under it (H2–H4).</param>
        private void Heading(string text, int level)
        {
            var font = Headings[level];
            _y += level == 0 ? 0 : font.Size * 0.9;
            Room(LineHeight(font) + 3 * LineHeight(Body)); // keep with the next lines
            Bookmark(text, level);
            _sb.BeginElement(HeadingTags[level]);
            Lines(text, font, Margin, Width);
            _sb.End();
            _y += font.Size * 0.4;
        }

        private void Bookmark(string text, int level)
        {
            var parent = Enumerable.Range(0, level).Reverse().Select(l => _bookmarks[l]).FirstOrDefault(b => b is not null);
            var outline = (parent?.Outlines ?? _doc.Outlines).Add(text, _page, true);
            _bookmarks[level] = outline;
            for (var l = level + 1; l < _bookmarks.Count; l++) _bookmarks[l] = null;
        }

        /// <summary>The height of the paragraphs from <paramref name="first"/> that are kept together (the last one without the flag included).</summary>
        private double KeptHeight(List<DocBlock> blocks, int first)
        {
            var height = 0.0;
            for (var i = first; i < blocks.Count && blocks[i] is DocParagraph p; i++)
            {
                height += p.SpaceBefore + Wrap(p.Text, Body, Width).Count * LineHeight(Body) + Body.Size * 0.5;
                if (!p.KeepWithNext) break;
            }
            return height;
        }

        private void Paragraph(DocParagraph p)
        {
            _y += p.SpaceBefore;
            if (p.Text.Length == 0) { _y += LineHeight(Body) / 2; return; }
            var font = p.Bold || p.Italic
                ? new XFont(Family, Body.Size, (p.Bold ? XFontStyleEx.Bold : 0) | (p.Italic ? XFontStyleEx.Italic : 0), Unicode)
                : Body;
            _sb.BeginElement(PdfBlockLevelElementTag.Paragraph);
            Lines(p.Text, font, Margin, Width, p.Align);
            _sb.End();
            _y += Body.Size * 0.5;
        }

        /// <summary>Consecutive list items as one list (L), deeper levels nested in the item above them.</summary>
        private void List(List<DocListItem> items)
        {
            const double indent = 20, hanging = 16;
            var open = new Stack<bool>(); // per open list: whether its last item (LI, LBody) is still open
            void CloseItem() { if (open.Pop()) { _sb.End(); _sb.End(); } open.Push(false); }
            void CloseList() { if (open.Pop()) { _sb.End(); _sb.End(); } _sb.End(); }
            foreach (var item in items)
            {
                while (open.Count > item.Level + 1) CloseList();
                if (open.Count == item.Level + 1) CloseItem();
                while (open.Count < item.Level + 1) { _sb.BeginElement(PdfBlockLevelElementTag.List); open.Push(false); }
                var x = Margin + indent * item.Level;
                Room(LineHeight(Body));
                _sb.BeginElement(PdfBlockLevelElementTag.ListItem);
                if (item.Marker.Length > 0)
                {
                    _sb.BeginElement(PdfBlockLevelElementTag.Label);
                    _gfx.DrawString(item.Marker, Body, XBrushes.Black, x, _y, XStringFormats.TopLeft);
                    _sb.End();
                }
                _sb.BeginElement(PdfBlockLevelElementTag.ListBody);
                Lines(item.Text, Body, x + hanging, Right - x - hanging);
                _y += Body.Size * 0.2;
                open.Pop();
                open.Push(true);
            }
            while (open.Count > 0) CloseList();
            _y += Body.Size * 0.3;
        }

        private void Table(DocTable t)
        {
            const double pad = 3;
            var texts = t.Rows.Select(r => r.Select(c => c.Lines.Select(Text).ToList()).ToList()).ToList();
            var widths = ColumnWidths(t.Headers, texts, pad);
            _y += 2;
            Room(2 * (LineHeight(Small) + 2 * pad) + 2);
            _sb.BeginElement(PdfBlockLevelElementTag.Table);
            _sb.BeginElement(PdfBlockLevelElementTag.TableHeadRowGroup);
            HeaderRow(t.Headers, widths, pad);
            _sb.End();
            _sb.BeginElement(PdfBlockLevelElementTag.TableBodyRowGroup);
            for (var r = 0; r < t.Rows.Count; r++)
            {
                var cells = texts[r].Select((lines, c) => lines.Select(l => Wrap(l, Small, widths[c] - 2 * pad)).ToList()).ToList();
                var height = cells.Max(c => c.Sum(l => l.Count)) * LineHeight(Small) + 2 * pad;
                if (_y + height > _pageHeight - Margin)
                {
                    NewPage();
                    // The header again on the new page, for the eye only: the structure holds it once.
                    _sb.BeginArtifact();
                    HeaderRow(t.Headers, widths, pad);
                    _sb.End();
                }
                _sb.BeginElement(PdfBlockLevelElementTag.TableRow);
                var x = Margin;
                for (var c = 0; c < cells.Count; c++)
                {
                    Rule(x, height, widths[c]);
                    _sb.BeginElement(PdfBlockLevelElementTag.TableDataCell);
                    var top = _y + pad;
                    for (var l = 0; l < cells[c].Count; l++)
                        top = CellLine(t.Rows[r][c].Lines[l], cells[c][l], x + pad, top, widths[c] - 2 * pad);
                    _sb.End();
                    x += widths[c];
                }
                _sb.End();
                _y += height;
            }
            _sb.End();
            _sb.End();
            _y += Body.Size * 0.8;
        }

        private static string Text(DocLine l) => l.Label is null ? l.Text : $"{l.Label}: {l.Text}";

        private void HeaderRow(IReadOnlyList<string> headers, double[] widths, double pad)
        {
            var wrapped = headers.Select((h, i) => Wrap(h, SmallBold, widths[i] - 2 * pad)).ToList();
            var height = wrapped.Max(w => w.Count) * LineHeight(SmallBold) + 2 * pad;
            _sb.BeginElement(PdfBlockLevelElementTag.TableRow);
            var x = Margin;
            for (var i = 0; i < headers.Count; i++)
            {
                Rule(x, height, widths[i]);
                _sb.BeginElement(PdfBlockLevelElementTag.TableHeaderCell);
                for (var l = 0; l < wrapped[i].Count; l++)
                    _gfx.DrawString(wrapped[i][l], SmallBold, XBrushes.Black, x + pad, _y + pad + l * LineHeight(SmallBold), XStringFormats.TopLeft);
                _sb.End();
                x += widths[i];
            }
            _sb.End();
            _y += height;
        }

        /// <summary>A cell's border, as an artifact: it carries no content.</summary>
        private void Rule(double x, double height, double width)
        {
            _sb.BeginArtifact();
            _gfx.DrawRectangle(new XPen(XColors.Black, 0.5), x, _y, width, height);
            _sb.End();
        }

        /// <summary>One line of a cell; a link's line is also a link annotation (a Link element) to its page in Samverka.</summary>
        private double CellLine(DocLine line, List<string> wrapped, double x, double top, double width)
        {
            var height = wrapped.Count * LineHeight(Small);
            if (line.Path is not null)
            {
                var rect = _gfx.Transformer.WorldToDefaultPage(new XRect(x, top, width, height));
                // BeginElement adds the annotation to the page itself.
                var link = PdfSharp.Pdf.Annotations.PdfLinkAnnotation.CreateWebLink(new PdfRectangle(rect), _baseUrl + line.Path);
                _sb.BeginElement(link, $"{Text(line)} (länk till Samverka)");
            }
            for (var i = 0; i < wrapped.Count; i++)
                _gfx.DrawString(wrapped[i], Small, line.Path is null ? XBrushes.Black : LinkBrush, x, top + i * LineHeight(Small), XStringFormats.TopLeft);
            if (line.Path is not null) _sb.End();
            return top + height;
        }

        // Word's colour for links (#0563C1, 6.4:1 on white).
        private static readonly XBrush LinkBrush = new XSolidBrush(XColor.FromArgb(0x05, 0x63, 0xC1));

        /// <summary>Widths that fit the page: each column its natural width, shrunk towards its longest word when the sum is too wide.</summary>
        private double[] ColumnWidths(IReadOnlyList<string> headers, List<List<List<string>>> rows, double pad)
        {
            var natural = new double[headers.Count];
            var minimum = new double[headers.Count];
            for (var c = 0; c < headers.Count; c++)
            {
                var texts = rows.SelectMany(r => r[c]).Select(s => (s, Small)).Append((headers[c], SmallBold)).ToList();
                natural[c] = Math.Min(Width * 0.6, texts.Max(t => _gfx.MeasureString(t.Item1, t.Item2).Width)) + 2 * pad;
                minimum[c] = Math.Min(natural[c], texts.SelectMany(t => t.Item1.Split(' ').Select(w => _gfx.MeasureString(w, t.Item2).Width)).DefaultIfEmpty(0).Max() + 2 * pad);
            }
            double sumNatural = natural.Sum(), sumMinimum = minimum.Sum();
            if (sumNatural <= Width) return natural.Select(n => n * Width / sumNatural).ToArray();
            if (sumMinimum >= Width) return minimum.Select(m => m * Width / sumMinimum).ToArray();
            var spare = (Width - sumMinimum) / (sumNatural - sumMinimum);
            return natural.Select((n, c) => minimum[c] + (n - minimum[c]) * spare).ToArray();
        }

        /// <summary>A picture across the text width (or less, to fit the page), as a Figure with its alternative text.</summary>
        private void Picture(DocPicture pic)
        {
            var width = Math.Min(Width, 425); // 15 cm, as in the DOCX
            var height = width * pic.Height / pic.Width;
            var maxHeight = _pageHeight - 2 * Margin;
            if (height > maxHeight) (width, height) = (width * maxHeight / height, maxHeight);
            Room(height);
            var stream = new MemoryStream(pic.Png);
            _images.Add(stream);
            var image = XImage.FromStream(stream);
            var rect = new XRect(Margin, _y, width, height);
            _sb.BeginElement(PdfIllustrationElementTag.Figure, pic.AltText, rect);
            _gfx.DrawImage(image, rect);
            _sb.End();
            _y += height + Body.Size;
        }

        /// <summary>"Sida 2" at the foot of the page, as an artifact (UAManager draws on the current page only, so no "av 5").</summary>
        private void PageNumber()
        {
            _sb.BeginArtifact();
            _gfx.DrawString($"Sida {_doc.PageCount}", Small, XBrushes.Black,
                new XRect(Margin, _pageHeight - Margin / 2 - LineHeight(Small), Width, LineHeight(Small)), XStringFormats.TopRight);
            _sb.End();
        }
    }
}
