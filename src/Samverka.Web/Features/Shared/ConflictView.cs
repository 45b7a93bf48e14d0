namespace Samverka.Web.Features.Shared;

/// <summary>One field of a record as saved by someone else and as the user typed it.</summary>
public record ConflictRow(string Label, string? Theirs, string? Yours)
{
    public bool Differs => (Theirs ?? "") != (Yours ?? "");
}

/// <summary>Both versions of a record after a refused save, for _ConcurrencyConflict.</summary>
public record ConflictView(string Caption, IReadOnlyList<ConflictRow> Rows)
{
    public const string Heading = "Jämför versionerna";
}
