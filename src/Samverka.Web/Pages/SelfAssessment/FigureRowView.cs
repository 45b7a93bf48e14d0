using Samverka.Web.Assessment;

namespace Samverka.Web.Pages.SelfAssessment;

public sealed record FigureRowView(string Label, Figure Figure, bool IsArea);
