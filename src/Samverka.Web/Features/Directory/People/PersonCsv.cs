namespace Samverka.Web.Features.Directory.People;

/// <summary>Column headings of the people CSV: the import reads the first five, the export adds the status for reading.</summary>
public static class PersonCsv
{
    public static readonly string[] Columns = ["namn", "e-post", "kommunkod", "organisation", "roll", "status"];
}
