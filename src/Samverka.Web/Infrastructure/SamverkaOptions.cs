namespace Samverka.Web.Infrastructure;

/// <summary>The "Samverka" configuration section (environment: Samverka__AdminEmail, …).</summary>
public class SamverkaOptions
{
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    public bool DemoData { get; set; }
    /// <summary>Password for the demo accounts; without it demo people get no sign-in.</summary>
    public string? DemoPassword { get; set; }
}

public static class Policies
{
    public const string DirectoryEditor = "DirectoryEditor";
}

public static class CachePolicies
{
    /// <summary>Public directory pages and API reads; evicted whenever a library or person changes.</summary>
    public const string Directory = "directory";
}
