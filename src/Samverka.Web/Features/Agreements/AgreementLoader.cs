using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Agreements;

/// <summary>The agreement with its content, if the user may read it: pages outside the scope answer 404.</summary>
public static class AgreementLoader
{
    public static async Task<Agreement?> LoadAsync(AppDbContext db, UserScope scope, int id, bool tracked)
    {
        var q = AgreementRules.WithContent(await AgreementRules.ReadableAsync(db, scope));
        if (!tracked) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(a => a.Id == id);
    }
}
