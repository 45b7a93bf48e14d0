using Samverka.Web.Data;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>What _AreaFields needs: the form, the counties to share with, and the plan's own county (not offered).</summary>
public record AreaFieldsModel(AreaForm Form, IReadOnlyList<County> Counties, string OwnCounty);
