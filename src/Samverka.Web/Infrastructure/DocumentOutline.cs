namespace Samverka.Web.Infrastructure;

/// <summary>
/// A document that people file and print (yearly report, agreement, certificate) as a sequence of blocks, built once
/// per document from the feature's data and written out as DOCX or as PDF (<see cref="Pdf"/>). The blocks say what
/// the text is (title, heading, paragraph, list item, table, picture), so both formats can tag it for screen readers.
/// </summary>
public abstract record DocBlock;

/// <summary>The document's title, printed large (Word's "Title" style, the PDF's H1).</summary>
public sealed record DocTitle(string Text) : DocBlock;

/// <param name="Level">1–3: the section heading levels under the title.</param>
public sealed record DocHeading(string Text, int Level) : DocBlock;

public enum DocAlign { Left, Center, Right }

/// <param name="SpaceBefore">Extra space above, in points (the signature lines leave room to sign).</param>
/// <param name="KeepWithNext">On the same page as the next paragraph (a signature block is not split).</param>
public sealed record DocParagraph(string Text, DocAlign Align = DocAlign.Left, bool Italic = false, bool Bold = false, double SpaceBefore = 0,
    bool KeepWithNext = false) : DocBlock;

/// <summary>One item of a list, its marker ("–", "1.") written as text.</summary>
/// <param name="Level">Nesting: 0 for the outer list.</param>
public sealed record DocListItem(string Marker, string Text, int Level = 0) : DocBlock;

/// <summary>A table with a header row; each cell holds one or more lines.</summary>
public sealed record DocTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<DocCell>> Rows) : DocBlock
{
    /// <summary>A table of plain one-line cells.</summary>
    public static DocTable Of(IReadOnlyList<string> headers, IEnumerable<IEnumerable<string>> rows) =>
        new(headers, rows.Select(r => (IReadOnlyList<DocCell>)r.Select(c => new DocCell([new DocLine(c)])).ToList()).ToList());
}

public sealed record DocCell(IReadOnlyList<DocLine> Lines);

/// <summary>A line of a cell: plain text, or a label followed by a link's text and its path in Samverka ("/program/3").</summary>
public sealed record DocLine(string Text, string? Label = null, string? Path = null);

/// <summary>A PNG picture with its name and its alternative text.</summary>
public sealed record DocPicture(byte[] Png, int Width, int Height, string Name, string AltText) : DocBlock;
