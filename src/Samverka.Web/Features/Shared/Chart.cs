using System.Globalization;

namespace Samverka.Web.Features.Shared;

/// <summary>How a <see cref="Chart"/> lays out its bars.</summary>
public enum ChartLayout
{
    /// <summary>One row per bar, labels on the left, a grid line at each tick (the self-assessment's 1–7 scale).</summary>
    Rows,
    /// <summary>One column per bar, the value above and the label below (a series of years).</summary>
    Columns,
}

/// <summary>
/// Every chart in Samverka: bars with a label and a value, drawn on the server as SVG by <c>_Chart.cshtml</c>
/// (no script, presentation attributes only, as the CSP wants). role="img" with title and description gives a
/// screen reader the summary; the page shows the same figures in a table beside it, the chart's text alternative.
/// </summary>
/// <param name="Id">Prefix for the ids inside the SVG, unique on the page.</param>
/// <param name="Max">The value a full-length bar stands for.</param>
/// <param name="Ticks">Values with a grid line and an axis label (rows only).</param>
public sealed record Chart(string Id, string Title, string Description, ChartLayout Layout, IReadOnlyList<Chart.Bar> Bars, double Max,
    IReadOnlyList<double>? Ticks = null)
{
    /// <param name="ValueText">The value as the bar shows it, Swedish formats.</param>
    public sealed record Bar(string Label, double Value, string ValueText);

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Means on the self-assessment's 1–7 scale, one row each.</summary>
    /// <param name="names">Full names for the description when the bars' labels are shortened.</param>
    public static Chart Scale17(string id, string title, IReadOnlyList<(string Label, double Value)> bars, IReadOnlyList<string>? names = null) =>
        new(id, title, string.Join("; ", bars.Select((b, i) => $"{names?[i] ?? b.Label}: {Number(b.Value)}")), ChartLayout.Rows,
            [.. bars.Select(b => new Bar(b.Label, b.Value, Number(b.Value)))], 7, [1, 2, 3, 4, 5, 6, 7]);

    /// <summary>Percentages, one column each.</summary>
    public static Chart Percentages(string id, string title, IReadOnlyList<(string Label, decimal Percent)> bars) =>
        new(id, title, string.Join("; ", bars.Select(b => $"{b.Label}: {Percent(b.Percent)}")), ChartLayout.Columns,
            [.. bars.Select(b => new Bar(b.Label, (double)b.Percent, Percent(b.Percent)))], 100);

    public static string Number(double value) => value.ToString("0.0", Swedish);
    public static string Percent(decimal value) => value.ToString("0.0", Swedish) + " %";

    // Rows: label column, bar area, room for the value.
    public const int LabelWidth = 330, BarArea = 300, RowHeight = 26;
    // Columns: bar width and gap, plot height, room for the value above and the label below.
    public const int ColumnWidth = 40, ColumnGap = 12, PlotHeight = 160, Top = 20, Bottom = 24;

    public int Width => Layout == ChartLayout.Rows ? LabelWidth + BarArea + 50 : Bars.Count * (ColumnWidth + ColumnGap) + ColumnGap;
    public int Height => Layout == ChartLayout.Rows ? Bars.Count * RowHeight + 30 : PlotHeight + Top + Bottom;

    /// <summary>A bar's length in SVG units.</summary>
    public double Length(double value) => Math.Clamp(value / Max, 0, 1) * (Layout == ChartLayout.Rows ? BarArea : PlotHeight);

    /// <summary>Where a tick's grid line stands (rows).</summary>
    public double TickX(double tick) => LabelWidth + Length(tick);

    /// <summary>A column's left edge.</summary>
    public static int ColumnX(int index) => ColumnGap + index * (ColumnWidth + ColumnGap);

    /// <summary>SVG coordinates are invariant numbers (sv-SE would write a decimal comma).</summary>
    public static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
