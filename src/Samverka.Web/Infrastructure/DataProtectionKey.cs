namespace Samverka.Web.Infrastructure;

/// <summary>ASP.NET Core Data Protection key ring, stored so cookies survive restarts and work across instances.</summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
