using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Programmes;

namespace Samverka.Tests.Features.Engagement;

/// <summary>
/// Seed 003 (Digitalt först med användaren i fokus i Skåne) as the tests need it: the reference
/// groups exactly as listed per year, and the only enrolments the seed states (Sjöbo, Klippan and
/// Bjuv took all three packages). The year of those enrolments is not given; 2019 is assumed here.
/// </summary>
public static class Seed003
{
    public static readonly string[] Group2018 = ["Bjuv", "Eslöv", "Helsingborg", "Hörby", "Kristianstad", "Lund", "Malmö", "Perstorp", "Svedala", "Trelleborg", "Ystad"];
    public static readonly string[] Group2019 = ["Bromölla", "Helsingborg", "Höganäs", "Höör", "Kristianstad", "Landskrona", "Lomma", "Lund", "Malmö", "Osby", "Perstorp", "Sjöbo", "Tomelilla", "Vellinge"];
    public static readonly string[] Group2020 = ["Burlöv", "Båstad", "Helsingborg", "Hässleholm", "Klippan", "Kristianstad", "Kävlinge", "Lund", "Malmö", "Perstorp", "Simrishamn", "Skurup", "Svalöv", "Åstorp", "Ängelholm", "Örkelljunga", "Östra Göinge"];
    public static readonly string[] AllThreePackages = ["Sjöbo", "Klippan", "Bjuv"];
    public static readonly string[] Packages = ["Startpaket", "Folkpaket", "Ledarpaket"];

    /// <summary>Adds the scenario as a new programme (named <paramref name="name"/>) and returns its id.</summary>
    public static Task<int> AddAsync(SamverkaFactory app, string name) => app.WithDbAsync(async db =>
    {
        var skane = await db.Municipalities.Where(m => m.CountyCode == "12").ToDictionaryAsync(m => m.Name, m => m.Code);
        var now = DateTimeOffset.UtcNow;
        var p = new Programme
        {
            Name = name, StartDate = new(2018, 1, 1), EndDate = new(2020, 12, 31), CreatedAt = now, UpdatedAt = now,
            DataNote = "Källan anger bara att Sjöbo, Klippan och Bjuv tog alla tre paketen.",
            Regions = [new() { CountyCode = "12" }],
        };
        for (var i = 0; i < Packages.Length; i++)
        {
            var o = new Offering { Name = Packages[i], SortOrder = i };
            if (Packages[i] == "Ledarpaket")
            {
                o.MaxPopulation = 25_000;
                o.PopulationYear = 2019;
                o.Exceptions.Add(new() { MunicipalityCode = skane["Kävlinge"], Reason = "Antagen genom beslut" });
            }
            foreach (var m in AllThreePackages) o.Enrolments.Add(new() { MunicipalityCode = skane[m], Year = 2019, CreatedAt = now });
            p.Offerings.Add(o);
        }
        foreach (var (year, names) in new[] { (2018, Group2018), (2019, Group2019), (2020, Group2020) })
        {
            var g = new ReferenceGroup { Year = year };
            g.Members.AddRange(names.Select(n => new ReferenceGroupMember { MunicipalityCode = skane[n] }));
            if (year >= 2019) g.Members.Add(new() { ExternalName = "Digiteket (nationell representant)" });
            p.ReferenceGroups.Add(g);
        }
        db.Programmes.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    });
}
