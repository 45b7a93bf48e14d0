using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Programmes;

namespace Samverka.Tests.Features.Programmes;

/// <summary>Seed 003's reference-group sentences verbatim, parsed here independently of the app's demo data.</summary>
public static class SkaneSeed
{
    public const string Group2020 = "Referensgruppen 2020 består av representanter från biblioteken i: Burlöv, Båstad, Helsingborg, Hässleholm, Klippan, Kristianstad, Kävlinge, Lund, Malmö, Perstorp, Simrishamn, Skurup, Svalöv, Åstorp, Ängelholm, Örkelljunga, Östra Göinge samt en nationell representant från Digiteket.";
    public const string Group2019 = "Referensgruppen 2019 bestod av representanter från biblioteken i: Bromölla, Helsingborg, Höganäs, Höör, Kristianstad, Landskrona, Lomma, Lund, Malmö, Osby, Perstorp, Sjöbo, Tomelilla och Vellinge.";
    public const string Group2018 = "Referensgruppens 2018 bestod av representanter från biblioteken i: Bjuv, Eslöv, Helsingborg, Hörby, Kristianstad, Lund, Malmö, Perstorp, Svedala, Trelleborg och Ystad.";

    /// <summary>The municipality names of one sentence: after the colon, split on commas and "och", without "samt …".</summary>
    public static string[] Names(string sentence)
    {
        var list = sentence[(sentence.IndexOf(':') + 1)..].TrimEnd('.');
        var samt = list.IndexOf(" samt ", StringComparison.Ordinal);
        if (samt >= 0) list = list[..samt];
        return list.Replace(" och ", ", ").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    public static Task<int> ProgrammeIdAsync(SamverkaFactory app) =>
        app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Programmes.Where(p => p.Name == ProgrammeDemoData.Name).Select(p => p.Id)));

    public static async Task<ProgrammeFacts> FactsAsync(SamverkaFactory app) =>
        (await app.WithDbAsync(async db => await ProgrammeFacts.LoadAsync(db, await ProgrammeIdAsync(app))))!;

    /// <summary>A fresh programme in Skåne 2018–2020 (partner: Malmö; 2018 group: Bjuv, Malmö) for tests that change data.</summary>
    public static Task<int> CreateProgrammeAsync(SamverkaFactory app) => app.WithDbAsync(async db =>
    {
        var malmo = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Libraries.Where(l => l.Name == "Malmö stadsbibliotek").Select(l => l.Id));
        var now = DateTimeOffset.UtcNow;
        var p = new Programme
        {
            Name = "Testsatsning " + UniqueText.Letters(10), StartDate = new(2018, 1, 1), EndDate = new(2020, 12, 31),
            GoalAllMunicipalitiesReached = true, CreatedAt = now, UpdatedAt = now,
            Regions = [new ProgrammeRegion { CountyCode = "12" }],
            Partners = [new ProgrammePartner { LibraryId = await malmo }],
            ReferenceGroups = [new ReferenceGroup { Year = 2018, Members = [new() { MunicipalityCode = "1260" }, new() { MunicipalityCode = "1280" }] }],
        };
        db.Programmes.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    });
}
