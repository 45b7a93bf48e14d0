namespace Samverka.Web.Features.Directory.Libraries;

/// <summary>Column headings of the library CSV: the import reads the first nine, the export adds three for reading.</summary>
public static class LibraryCsv
{
    public static readonly string[] Columns = ["namn", "typ", "kommunkod", "adress", "postnummer", "ort", "e-post", "webb", "sigel", "kommun", "län", "status"];
}
