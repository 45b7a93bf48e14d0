namespace Samverka.Web.Features.ActivityPlans;

/// <param name="HeadingLevel">The level of the text's own sub-headings (one below its section).</param>
/// <param name="Number">The section's number in the report ("2"), so sub-headings read "2.1 …"; null on the plan page.</param>
/// <param name="CssClass">A class for the paragraphs (outcome texts are marked for tests and print).</param>
public sealed record TextView(string? Text, int HeadingLevel, string? Number = null, string? CssClass = null);
