namespace Samverka.Web.Features.SelfAssessment;

/// <summary>A DigComp 2.2 competence area with the themes (rows of themes, ids from 0005) that answer a need in it.</summary>
public sealed record DigCompArea(int Number, string Name, string ShortName, int[] ThemeIds);

public sealed record DigCompCompetence(string Code, string Name)
{
    public int Area => Code[0] - '0';
}

/// <summary>
/// The five areas and 21 competences of DigComp 2.2 (Data/Reference/digcomp.json, CC BY 4.0) with
/// their Swedish titles, and this project's mapping from an area to the themes that answer a need
/// in it. The mapping is ours, not DigComp's; it is shown with the needs so it can be questioned.
/// </summary>
public static class DigComp
{
    public const string Attribution =
        "Kompetensområdena bygger på DigComp 2.2 – The Digital Competence Framework for Citizens "
        + "(Vuorikari, Kluzer & Punie, Europeiska kommissionen, JRC, 2022), licens CC BY 4.0. "
        + "Svenska titlar: svensk översättning av DigComp 2.2 från Digital Skills and Jobs Sverige. "
        + "Ändringar: påståendena är egna och skrivna för biblioteksarbete; titeln för 4.4 är vår översättning.";
    public const string AttributionUrl = "https://publications.jrc.ec.europa.eu/repository/handle/JRC128415";

    // Theme ids (0005): 1 Bemötande, 2 Pedagogik och handledning, 3 Käll- och sökkritik/MIK,
    // 4 Integritet och säkerhet, 5 Barn och unga, 6 Teknik, 7 Ledarskap och digital transformation.
    public static readonly IReadOnlyList<DigCompArea> Areas =
    [
        new(1, "Informations- och datakunskap", "Information och data", [3]),
        new(2, "Kommunikation och samarbete", "Kommunikation och samarbete", [1, 2]),
        new(3, "Skapa digitalt innehåll", "Skapa digitalt innehåll", [2, 6]),
        new(4, "Säkerhet", "Säkerhet", [4]),
        new(5, "Problemlösning", "Problemlösning", [6, 7]),
    ];

    public static readonly IReadOnlyList<DigCompCompetence> Competences =
    [
        new("1.1", "Söka, filtrera och bläddra i data, information och digitalt innehåll"),
        new("1.2", "Utvärdera data, information och digitalt innehåll"),
        new("1.3", "Hantera data, information och digitalt innehåll"),
        new("2.1", "Interagera genom digitala teknologier"),
        new("2.2", "Dela genom digitala teknologier"),
        new("2.3", "Engagera medborgarskap genom digitala teknologier"),
        new("2.4", "Samarbeta genom digitala teknologier"),
        new("2.5", "Nätetikett"),
        new("2.6", "Hantera digital identitet"),
        new("3.1", "Utveckla digitalt innehåll"),
        new("3.2", "Integrera och omformulera digitalt innehåll"),
        new("3.3", "Upphovsrätt och licenser"),
        new("3.4", "Programmering"),
        new("4.1", "Skydda enheter"),
        new("4.2", "Skydda personuppgifter och privatliv"),
        new("4.3", "Skydda hälsa och välbefinnande"),
        new("4.4", "Skydda miljön"),
        new("5.1", "Lösa tekniska problem"),
        new("5.2", "Identifiera behov och teknologiska svar"),
        new("5.3", "Kreativt använda digital teknik"),
        new("5.4", "Identifiera digitala kompetensluckor"),
    ];

    public static DigCompArea Area(int number) => Areas[number - 1];
    public static DigCompCompetence? Competence(string code) => Competences.FirstOrDefault(c => c.Code == code);
}

/// <summary>The background questions' fixed answers; the values are stored (and checked by 0007), the labels shown.</summary>
public static class Background
{
    public static readonly IReadOnlyList<(string Value, string Label)> JobTitles =
    [
        ("Bibliotekarie", "Bibliotekarie"),
        ("Biblioteksassistent", "Biblioteksassistent"),
        ("Barn- och ungdomsbibliotekarie", "Barn- och ungdomsbibliotekarie"),
        ("Chef", "Chef eller arbetsledare"),
        ("IT och teknik", "IT och teknik"),
        ("Annan", "Annan yrkestitel"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> YearsBands =
    [
        ("0-2", "0–2 år"), ("3-5", "3–5 år"), ("6-10", "6–10 år"), ("11-20", "11–20 år"), ("21+", "Mer än 20 år"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> OrganisationSizes =
    [
        ("1-4", "1–4 anställda"), ("5-19", "5–19 anställda"), ("20-49", "20–49 anställda"), ("50+", "50 anställda eller fler"),
    ];

    public static string Label(IReadOnlyList<(string Value, string Label)> list, string value) =>
        list.FirstOrDefault(x => x.Value == value).Label ?? value;

    /// <summary>The scale's end labels; the points between have only their number.</summary>
    public const string ScaleLow = "mycket osäker";
    public const string ScaleHigh = "mycket säker";
}

/// <summary>Samverka:SelfAssessment: the smallest groups whose mean and distribution may be shown.</summary>
public class SelfAssessmentOptions
{
    public int MinGroupForMean { get; set; } = 5;
    public int MinGroupForDistribution { get; set; } = 8;
}
