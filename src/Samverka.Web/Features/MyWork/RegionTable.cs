using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.MyWork;

/// <summary>The national coordinator's view: every region's items as one row, sortable, with national totals.</summary>
public static class RegionTable
{
    public sealed record Column(string Key, string Heading);
    public sealed record Row(string CountyCode, string County, IReadOnlyDictionary<string, WorkItem> Items);

    public static async Task<(List<Column> Columns, List<Row> Rows)> LoadAsync(AppDbContext db, UserScope s, DateTimeOffset now,
        string? sortKey, bool descending, CancellationToken ct = default)
    {
        var today = SwedishTimeZone.Today(now);
        var rows = new List<Row>();
        foreach (var c in await db.Counties.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Code, c.Name }).ToListAsync(ct))
            rows.Add(new(c.Code, c.Name, (await WorkItems.RegionalAsync(db, s, c.Code, today, ct)).ToDictionary(i => i.Key)));
        var columns = rows.FirstOrDefault()?.Items.Values.Select(i => new Column(i.Key, i.Text)).ToList() ?? [];
        IEnumerable<Row> sorted = columns.Any(c => c.Key == sortKey)
            ? (descending ? rows.OrderByDescending(r => r.Items[sortKey!].Count) : rows.OrderBy(r => r.Items[sortKey!].Count)).ThenBy(r => r.County, SwedishText.Order)
            : (descending ? rows.OrderByDescending(r => r.County, SwedishText.Order) : rows.OrderBy(r => r.County, SwedishText.Order));
        return (columns, sorted.ToList());
    }

    /// <summary>The national totals as items (the weekly digest's); each links to the table sorted by its column.</summary>
    public static WorkGroup Totals(List<Column> columns, List<Row> rows) =>
        new("Nationell samordnare, hela landet", columns.Select(c => new WorkItem(c.Key, rows.Sum(r => r.Items[c.Key].Count), c.Heading,
            $"/?sortera={Uri.EscapeDataString(c.Key)}&ordning=fallande#regioner")).ToList());
}
