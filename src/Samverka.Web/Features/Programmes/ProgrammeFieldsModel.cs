using Samverka.Web.Data;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Programmes;

/// <summary>What _ProgrammeFields needs: the form, the counties to choose regions from, and the libraries that may be partners.</summary>
public record ProgrammeFieldsModel(ProgrammeForm Form, IReadOnlyList<County> Counties, IReadOnlyList<(int Id, string Name)> Libraries);
