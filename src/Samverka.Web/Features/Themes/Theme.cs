namespace Samverka.Web.Features.Themes;

/// <summary>
/// A theme (tema) that activities, self-assessment needs and raised needs are tagged with. The issue's
/// list is loaded by migration 0005; an administrator may add more, so themes are rows, not an enum.
/// </summary>
public class Theme
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
}
