using Samverka.Web.Data;
using Samverka.Web.ActivityPlans;

namespace Samverka.Web.Pages.ActivityPlans;

/// <summary>What _Area needs: the plan as read, the area, its heading level and whether edit links are offered (not in the report).</summary>
public record AreaView(PlanReading Reading, DevelopmentArea Area, int HeadingLevel, bool Editable, IReadOnlyList<int> Years, bool ShowEmpty = true);
