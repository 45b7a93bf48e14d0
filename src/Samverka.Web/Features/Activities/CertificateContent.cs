using System.Globalization;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Activities;

/// <summary>
/// The certificate of attendance as document blocks for the PDF, from the same <see cref="CertificateModel"/> (the
/// sessions marked attended, their hours) as the printable page, and the lines the two share.
/// </summary>
public static class CertificateContent
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");

    public static string Title(CertificateModel m) => $"Intyg om deltagande – {m.Activity.Title}";

    public static string FileName(CertificateModel m) => m.Anmalan is int rid ? $"intyg-{m.Id}-anmalan-{rid}.pdf" : $"intyg-{m.Id}.pdf";

    public static string Extent(CertificateModel m) => $"{m.Activity.Kind.Label()}, {m.HoursText} timmar";

    public static string Organiser(Activity a) => "Arrangör: " + (a.OrganiserLibrary?.Name ?? a.County!.RegionalBody)
        + (a.CoOrganisers.Count > 0 ? " i samarbete med " + string.Join(", ", a.CoOrganisers.Select(o => o.Library?.Name ?? o.County?.RegionalBody ?? o.PartnerName)) : "");

    public static string Issued(CertificateModel m) => $"Utfärdat {m.Issued.ToString("d MMMM yyyy", Sv)} genom Samverka.";

    public static List<DocBlock> Outline(CertificateModel m)
    {
        var a = m.Activity;
        var blocks = new List<DocBlock>
        {
            new DocTitle("Intyg om deltagande"),
            new DocParagraph(m.PersonName, DocAlign.Center, Bold: true, SpaceBefore: 24),
            new DocParagraph(m.LibraryName, DocAlign.Center),
            new DocParagraph("har deltagit i", DocAlign.Center, SpaceBefore: 12),
            new DocParagraph(a.Title, DocAlign.Center, Bold: true),
            new DocParagraph(Extent(m), DocAlign.Center, SpaceBefore: 12),
        };
        blocks.AddRange(m.Attended.Select(s => new DocListItem("–", Registrations.SessionText(s))));
        if (a.Themes.Count > 0) blocks.Add(new DocParagraph("Teman: " + string.Join(", ", a.Themes.Select(t => t.Theme!.Name)), SpaceBefore: 12));
        blocks.Add(new DocParagraph(Organiser(a)));
        if (a.Place is not null) blocks.Add(new DocParagraph("Plats: " + a.Place));
        blocks.Add(new DocParagraph(Issued(m), SpaceBefore: 36));
        return blocks;
    }
}
