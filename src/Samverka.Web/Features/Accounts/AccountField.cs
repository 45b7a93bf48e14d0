namespace Samverka.Web.Features.Accounts;

/// <summary>What _AccountField renders: secret or one-time fields, never pre-filled.</summary>
public record AccountField(string Name, string Label, string Type, string Autocomplete, string? Hint = null, string? InputMode = null);
