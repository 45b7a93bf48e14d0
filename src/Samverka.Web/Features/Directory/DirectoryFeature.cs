using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory;

/// <summary>What the directory adds to the app: who may open its pages (its API: <see cref="DirectoryApi"/>).</summary>
public static class DirectoryFeature
{
    /// <summary>People are for signed-in users; creating and editing people and libraries is for directory editors.</summary>
    public static PageConventionCollection AddDirectoryConventions(this PageConventionCollection c)
    {
        c.AuthorizeFolder("/Directory/People");
        c.AuthorizePage("/Directory/People/Create", Policies.DirectoryEditor);
        c.AuthorizePage("/Directory/People/Edit", Policies.DirectoryEditor);
        c.AuthorizeFolder("/Directory/Libraries", Policies.DirectoryEditor);
        c.AuthorizeFolder("/Directory/Kb", Policies.DirectoryEditor);
        c.AllowAnonymousToPage("/Directory/Libraries/Index");
        c.AllowAnonymousToPage("/Directory/Libraries/Details");
        return c;
    }
}
