using Samverka.Web.Data;

namespace Samverka.Web.Pages.Programmes;

/// <summary>What _OfferingFields needs: the form, the programme's counties and their municipalities.</summary>
public record OfferingFieldsModel(OfferingForm Form, IReadOnlyList<County> Counties, IReadOnlyList<Municipality> Municipalities);
