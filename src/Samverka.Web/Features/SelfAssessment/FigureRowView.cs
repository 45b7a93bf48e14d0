
namespace Samverka.Web.Features.SelfAssessment;

public sealed record FigureRowView(string Label, Figure Figure, bool IsArea);
