namespace Samverka.Web.Features.Directory.Libraries;

/// <summary>Column headings of the library CSV: the import reads the first eight, the export adds three for reading.</summary>
public static class LibraryCsv
{
    public static readonly string[] Columns = ["namn", "typ", "kommunkod", "adress", "postnummer", "ort", "e-post", "webb", "kommun", "län", "status"];
}
