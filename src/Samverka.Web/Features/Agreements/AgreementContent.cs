using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Agreements;

/// <summary>
/// The agreement laid out like seeds 000 and 001: registry number, heading, the parties, the four sections in order,
/// and the signature block (place and date, then per party the name and "För …"). Written once here, rendered as
/// Word (<see cref="AgreementDocument"/>) and as PDF (<see cref="Pdf"/>).
/// </summary>
public static class AgreementContent
{
    public static string FileName(Agreement a, string extension) => $"overenskommelse-{a.Id}-version-{a.VersionNumber}.{extension}";

    /// <summary>The agreement as a tagged PDF in the seeds' layout, from the same outline as the Word file.</summary>
    public static byte[] Pdf(Agreement a, string publicBase) => Infrastructure.Pdf.Build(a.Title, Outline(a), publicBase, "Överenskommelse");

    public static List<DocBlock> Outline(Agreement a)
    {
        var blocks = new List<DocBlock>();
        if (a.RegistryNumber is { } reg) blocks.Add(new DocParagraph(reg, DocAlign.Right));
        blocks.Add(new DocTitle(a.Title));
        if (a.VersionNumber > 1) blocks.Add(new DocParagraph($"Version {a.VersionNumber} (ändring av överenskommelsen)", Italic: true));
        var parties = a.Parties.OrderBy(p => p.SortOrder).ToList();
        blocks.Add(new DocParagraph(AgreementText.PartiesSentence(parties.Select(p => p.Name).ToList())));

        blocks.Add(new DocHeading("Inledning och syfte", 1));
        blocks.AddRange(Text(a.Purpose));
        blocks.Add(new DocParagraph("Period: " + $"{a.ValidFrom:yyyy-MM-dd} – {a.ValidTo:yyyy-MM-dd}"));

        blocks.Add(new DocHeading("Bakgrund", 1));
        blocks.AddRange(Text(a.Background));
        if (a.SteeringDocuments.Count > 0)
        {
            blocks.Add(new DocParagraph("Styrdokument som överenskommelsen hänvisar till:"));
            foreach (var d in a.SteeringDocuments.OrderBy(d => d.SortOrder))
            {
                var years = AgreementText.Years(d.FromYear, d.ToYear);
                blocks.Add(new DocListItem("–", years.Length == 0 ? d.Title : $"{d.Title} ({years})"));
            }
        }

        blocks.Add(new DocHeading("Samverkansområden", 1));
        blocks.AddRange(Text(a.AreasIntro));
        foreach (var area in a.Areas.OrderBy(x => x.SortOrder))
        {
            blocks.Add(new DocListItem("–", area.Text));
            var n = 0;
            foreach (var need in area.NeedList) blocks.Add(new DocListItem($"{++n}.", need, 1));
            var themes = area.Themes.Where(t => t.Theme is not null).Select(t => t.Theme!.Name).Order().ToList();
            if (themes.Count > 0) blocks.Add(new DocListItem("", "Teman: " + string.Join(", ", themes), 1));
        }

        blocks.Add(new DocHeading("Avstämning", 1));
        blocks.AddRange(Text(a.FollowUpText));
        var contacts = parties.Where(p => p.ContactName is not null).ToList();
        if (contacts.Count > 0)
            blocks.Add(new DocParagraph("Kontaktpersoner: " + string.Join("; ", contacts.Select(p => $"{p.Name}: {p.ContactName}"))));

        // Signature block as in the seeds: place and date, then the libraries' signatures above the region's; on one page.
        var signatures = new List<DocParagraph> { new(a.SignedOn is { } on ? $"{a.SignedPlace} {on:yyyy-MM-dd}" : "Ort och datum: ____________________", SpaceBefore: 24) };
        foreach (var p in parties.OrderBy(p => p.LibraryId is null && p.MunicipalityCode is null).ThenBy(p => p.SortOrder))
        {
            signatures.Add(new DocParagraph(p.SignatoryName ?? "____________________", SpaceBefore: 36));
            if (p.SignatoryTitle is { } title) signatures.Add(new DocParagraph(title));
            signatures.Add(new DocParagraph(p.SignedFor ?? $"För {p.Name}"));
        }
        blocks.AddRange(signatures.Select((p, i) => i < signatures.Count - 1 ? p with { KeepWithNext = true } : p));
        return blocks;
    }

    private static IEnumerable<DocBlock> Text(string? text) =>
        AgreementText.Blocks(text).SelectMany(block => block.IsList
            ? block.Lines.Select(line => (DocBlock)new DocListItem("–", line))
            : [new DocParagraph(block.Lines[0])]);
}
