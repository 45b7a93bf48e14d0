using AngleSharp.Dom;
using Samverka.Web.Features.SelfAssessment;

namespace Samverka.Tests.Features.MyWork;

/// <summary>Reading the start page's items, and the rounds the item tests make.</summary>
public static class WorkItemSamples
{
    public static IElement? Item(IDocument doc, string key) => doc.QuerySelector($"li[data-item='{key}']");

    /// <summary>The item's count as digits (sv-SE groups thousands with a no-break space).</summary>
    public static string Count(IElement item) => item.QuerySelector(".count")!.TextContent.Replace("\u00a0", "").Replace(" ", "");

    public static AssessmentRound Round(string county, string name, int instrument, DateOnly opens, DateOnly closes) => new()
    {
        Name = name, CountyCode = county, InstrumentId = instrument, OpensOn = opens, ClosesOn = closes, RegionalToken = AssessmentRules.NewToken(),
        CreatedAt = DateTimeOffset.UtcNow,
    };
}
