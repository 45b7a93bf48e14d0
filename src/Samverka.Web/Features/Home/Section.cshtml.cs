using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Features.Shared;

namespace Samverka.Web.Features.Home;

/// <summary>A section's landing page (Samverkan, Uppföljning, Katalog, Administration): the parts the user is offered.</summary>
public class SectionModel : PageModel
{
    public Sections.Section Section { get; private set; } = null!;
    public List<Sections.Part> Parts { get; private set; } = [];

    public IActionResult OnGet(string sektion)
    {
        if (Sections.Find(sektion) is not { Parts.Count: > 0 } section) return NotFound();
        Parts = section.Parts.Where(p => p.Visible(User)).ToList();
        if (Parts.Count == 0) return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        Section = section;
        return Page();
    }
}
