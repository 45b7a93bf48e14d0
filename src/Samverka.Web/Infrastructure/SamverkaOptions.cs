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

/// <summary>The "Samverka:Database" section: the request pool (README, Configuration).</summary>
public class DatabaseOptions
{
    /// <summary>
    /// Connections one instance may hold. Keep instances × this plus a few for administrators below the
    /// server's max_connections (./run: 100 = 2 × 40 + 20).
    /// </summary>
    public int MaxPoolSize { get; set; } = 40;
    /// <summary>How long a request waits for a free connection (or to connect) before it gets a 503.</summary>
    public int ConnectionTimeoutSeconds { get; set; } = 15;
    /// <summary>The Retry-After the 503 gives.</summary>
    public int RetryAfterSeconds { get; set; } = 5;
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
