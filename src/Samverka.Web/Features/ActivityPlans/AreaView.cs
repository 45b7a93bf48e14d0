using Samverka.Web.Data;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>What _Area needs: the plan as read, the area, its heading level and whether edit links are offered (not in the report).</summary>
public record AreaView(PlanReading Reading, DevelopmentArea Area, int HeadingLevel, bool Editable, IReadOnlyList<int> Years, bool ShowEmpty = true);
