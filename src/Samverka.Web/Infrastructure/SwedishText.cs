using System.Globalization;

namespace Samverka.Web.Infrastructure;

/// <summary>Swedish alphabetical order for lists built in memory (å, ä, ö after z), as the database's "sv" collation sorts.</summary>
public static class SwedishText
{
    /// <summary>Swedish order, case-sensitive (ties between "Ale" and "ale" keep a stable order).</summary>
    public static readonly StringComparer Order = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: false);

    /// <summary>Swedish order, ignoring case.</summary>
    public static readonly StringComparer OrderIgnoringCase = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);
}
