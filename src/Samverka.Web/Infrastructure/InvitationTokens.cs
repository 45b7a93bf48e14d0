using System.Security.Cryptography;
using System.Text;

namespace Samverka.Web.Infrastructure;

/// <summary>Invitation links: 32 random bytes in the URL, only their SHA-256 in the database.</summary>
public static class InvitationTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string Create() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the token as it appears in the link.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Swedish local time for e-mails and pages ("14 maj 2026 kl. 09:30").</summary>
    public static string SwedishTime(DateTimeOffset t)
    {
        var local = SwedishTimeZone.Local(t);
        return local.ToString("d MMMM yyyy 'kl.' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"));
    }
}
