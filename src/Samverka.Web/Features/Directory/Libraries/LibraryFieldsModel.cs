using Samverka.Web.Data;

namespace Samverka.Web.Features.Directory.Libraries;

public record LibraryFieldsModel(LibraryForm Form, IReadOnlyList<Municipality> Municipalities)
{
    public string? Value(string field) => typeof(LibraryForm).GetProperty(field)!.GetValue(Form) as string;
}
