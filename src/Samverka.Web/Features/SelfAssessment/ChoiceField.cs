namespace Samverka.Web.Features.SelfAssessment;

/// <summary>A required choice among fixed answers, drawn as radio buttons in a fieldset by _Choice.cshtml.</summary>
public sealed record ChoiceField(string Id, string Name, string Legend, IReadOnlyList<(string Value, string Label)> Options, string? Chosen);
