using System.Globalization;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>A horizontal bar chart of values on the 1–7 scale, drawn as SVG by _BarChart.cshtml.</summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<(string Label, double Value)> Bars)
{
    public const int LabelWidth = 330;
    public const int BarArea = 300;
    public const int RowHeight = 26;
    public int Height => Bars.Count * RowHeight + 30;

    public static string Width(double value) => (value / 7.0 * BarArea).ToString("0.#", CultureInfo.InvariantCulture);
    public static string Number(double value) => value.ToString("0.0", CultureInfo.GetCultureInfo("sv-SE"));
    public static string X(int scalePoint) => (LabelWidth + scalePoint / 7.0 * BarArea).ToString("0.#", CultureInfo.InvariantCulture);
}
