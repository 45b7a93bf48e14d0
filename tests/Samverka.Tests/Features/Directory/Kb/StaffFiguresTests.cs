using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Directory.Kb;

namespace Samverka.Tests.Features.Directory.Kb;

/// <summary>Staff counts from KB's statistics as denominators: computed from data, year stated, "uppgift saknas" where none.</summary>
[Collection(AppCollection.Name)]
public class StaffFiguresTests(SamverkaFactory app)
{
    [Fact]
    public void ResponseRate_ShownGroupHasRateAndSuppressedGroupShowsNothing()
    {
        Assert.Equal("41 svar av cirka 58 anställda, 71 %", StaffFigures.ResponseRate(41, new StaffFigure(57.6m, 2022, 2022)));
        Assert.Equal("–", StaffFigures.ResponseRate(null, new StaffFigure(58m, 2022, 2022))); // suppressed: no count, no rate
        Assert.Equal("7 svar, anställda: uppgift saknas", StaffFigures.ResponseRate(7, null));
        Assert.Equal("uppgift saknas", StaffFigures.Per100(12, null));
        Assert.Equal("25,0", StaffFigures.Per100(10, new StaffFigure(40m, 2019, 2019)));
        Assert.Equal("33,3", StaffFigures.Per100(1, new StaffFigure(3m, 2019, 2019)));
        Assert.Equal(0.3m, StaffFigures.Per100Value(1, new StaffFigure(400m, 2019, 2019))); // 0.25 rounds half away from zero
        Assert.Null(StaffFigures.Per100Value(5, new StaffFigure(0m, 2019, 2019)));
        Assert.Equal("cirka 1\u00A0235 (2019–2022)", StaffFigures.Staff(new StaffFigure(1234.5m, 2019, 2022)));
        Assert.Equal("uppgift saknas", StaffFigures.Staff(null));
    }

    [Fact]
    public async Task ForYears_EqualsForYearPerYear()
    {
        var both = await app.WithDbAsync(db => StaffFigures.ForYearsAsync(db, [2020, 2023]));
        Assert.Equal(await app.WithDbAsync(db => StaffFigures.ForYearAsync(db, 2020)), both[2020]);
        Assert.Equal(await app.WithDbAsync(db => StaffFigures.ForYearAsync(db, 2023)), both[2023]);
    }

    [Fact]
    public async Task ForYear_TakesEachLibrarysLatestYearUpToTheYearAndSumsUpwards()
    {
        // The demo loads the sample statistics through the real import: Malmö 120 (2019) and 126 (2022).
        var in2020 = await app.WithDbAsync(db => StaffFigures.ForYearAsync(db, 2020));
        var malmo = await app.WithDbAsync(async db => (await db.Libraries.SingleAsync(l => l.Sigel == "EX-MALMO")).Id);
        Assert.Equal(new StaffFigure(120m, 2019, 2019), in2020[$"L:1280:{malmo}"]);
        var in2023 = await app.WithDbAsync(db => StaffFigures.ForYearAsync(db, 2023));
        Assert.Equal(126m, in2023[$"L:1280:{malmo}"].Persons);
        Assert.True(in2023["C:12"].Persons >= in2023["M:1280"].Persons);
        Assert.Equal("2022", in2023[$"L:1280:{malmo}"].Years);
        Assert.False(in2023.ContainsKey("M:0114")); // no figure: no denominator, never zero
    }
}
