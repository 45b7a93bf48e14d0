using Samverka.Web.Data;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Programmes;

/// <summary>What _OfferingFields needs: the form, the programme's counties and their municipalities.</summary>
public record OfferingFieldsModel(OfferingForm Form, IReadOnlyList<County> Counties, IReadOnlyList<Municipality> Municipalities);
