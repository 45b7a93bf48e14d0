using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory;

[OutputCache(PolicyName = CachePolicies.Directory)]
public class SearchModel(AppDbContext db) : PageModel
{
    public const int Limit = 50;
    public record LibraryHit(int Id, string Name, string MunicipalityName);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public List<County> Counties { get; private set; } = [];
    public List<MunicipalityDto> Municipalities { get; private set; } = [];
    public List<LibraryHit> Libraries { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Q)) return;
        var like = DirectorySearch.LikePattern(Q);
        Counties = await db.Counties.AsNoTracking()
            .Where(c => EF.Functions.ILike(c.Name, like) || EF.Functions.ILike(c.RegionalBody, like) || EF.Functions.ILike(c.ShortName, like))
            .OrderBy(c => c.Name).ToListAsync();
        Municipalities = await DirectorySearch.Municipalities(db.Municipalities.AsNoTracking(), Q)
            .OrderBy(m => m.Name).Take(Limit).Select(DirectoryApi.ToDto).ToListAsync();
        Libraries = await DirectorySearch.Libraries(db.Libraries.AsNoTracking().Where(l => l.IsActive), Q)
            .OrderBy(l => l.Name).Take(Limit).Select(l => new LibraryHit(l.Id, l.Name, l.Municipality!.Name)).ToListAsync();
    }
}
