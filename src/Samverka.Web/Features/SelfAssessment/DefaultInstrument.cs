using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>
/// The instrument Samverka ships: 24 statements about library work (as the 2018–2020 test had),
/// written for Samverka because the original wording is not public, covering all 21 DigComp 2.2
/// competences. Loaded at every start when no instrument exists (idempotent).
/// </summary>
public static class DefaultInstrument
{
    public const string Name = "Digital kompetens i biblioteksarbetet";

    public static readonly IReadOnlyList<(string Code, string Text)> Statements =
    [
        ("1.1", "Jag kan hjälpa en besökare att formulera en sökning och hitta relevant information i databaser och på webben."),
        ("1.2", "Jag kan bedöma en källas trovärdighet och förklara för en besökare hur den kan granskas."),
        ("1.2", "Jag kan känna igen manipulerade bilder, desinformation och vilseledande reklam på nätet."),
        ("1.3", "Jag kan organisera, spara och hitta tillbaka till filer och information i molntjänster och på datorn."),
        ("2.1", "Jag kan välja lämpligt digitalt verktyg (e-post, chatt, videomöte) för att nå en besökare eller kollega."),
        ("2.2", "Jag kan dela dokument, länkar och tips med besökare och kollegor på ett säkert och lämpligt sätt."),
        ("2.3", "Jag kan hjälpa en besökare med e-tjänster som e-legitimation, Försäkringskassan eller 1177."),
        ("2.4", "Jag kan samarbeta med kollegor i delade dokument och digitala arbetsytor."),
        ("2.5", "Jag vet hur man uppträder respektfullt på nätet och kan hantera ett kränkande inlägg i bibliotekets kanaler."),
        ("2.6", "Jag kan förklara för en besökare hur digitala spår uppstår och hur man hanterar sin digitala identitet."),
        ("3.1", "Jag kan skapa digitalt innehåll, till exempel en affisch, en film eller ett inlägg om en biblioteksaktivitet."),
        ("3.1", "Jag kan leda en workshop där besökare själva skapar digitalt innehåll."),
        ("3.2", "Jag kan redigera och bygga vidare på befintligt material, till exempel anpassa en presentation eller en guide."),
        ("3.3", "Jag kan avgöra om en bild eller text får användas och hur den ska anges (upphovsrätt och Creative Commons)."),
        ("3.4", "Jag kan förklara grunderna i programmering och leda en enkel kodaktivitet, till exempel med barn."),
        ("4.1", "Jag kan skydda bibliotekets och besökarnas datorer mot skadlig kod och bedrägeriförsök."),
        ("4.2", "Jag kan skydda personuppgifter i mitt arbete och hjälpa en besökare att skydda sina."),
        ("4.2", "Jag vet hur långt jag får gå när jag hjälper en besökare med personliga uppgifter i en e-tjänst."),
        ("4.3", "Jag kan ge råd om en sund skärmanvändning och om hur man undviker risker för hälsa och välbefinnande på nätet."),
        ("4.4", "Jag känner till hur digital teknik påverkar miljön och kan ge råd om ett mer hållbart användande."),
        ("5.1", "Jag kan lösa vanliga tekniska problem med skrivare, wifi, läsplattor och besökarnas egna mobiler."),
        ("5.2", "Jag kan hitta och föreslå digitala verktyg som löser ett behov hos en besökare eller i verksamheten."),
        ("5.3", "Jag kan använda digital teknik på nya sätt för att utveckla bibliotekets tjänster."),
        ("5.4", "Jag kan se vad jag behöver lära mig digitalt och hitta sätt att utveckla min kompetens."),
    ];

    public static async Task EnsureAsync(AppDbContext db)
    {
        if (await db.AssessmentInstruments.AnyAsync()) return;
        db.AssessmentInstruments.Add(new AssessmentInstrument
        {
            Name = Name,
            VersionNumber = 1,
            CreatedAt = DateTimeOffset.UtcNow,
            Items = Statements.Select((s, i) => new AssessmentItem { SortOrder = i + 1, CompetenceCode = s.Code, Text = s.Text }).ToList(),
        });
        await db.SaveChangesAsync();
    }
}
