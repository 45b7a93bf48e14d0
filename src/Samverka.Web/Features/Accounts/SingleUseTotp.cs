using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Accounts;

/// <summary>
/// TOTP (RFC 6238: HMAC-SHA1, 30-second steps, six digits) that accepts each code only once (OWASP
/// ASVS 5.0: a time-based code can be used only once within its validity period). Replaces Identity's
/// AuthenticatorTokenProvider, so sign-in, enabling and disabling all go through it. The last accepted
/// time step is kept per account as an authentication token (no table of its own); a code whose step
/// is not later than it is refused. One step either side of now is accepted for clock drift.
/// </summary>
public class SingleUseAuthenticatorTokenProvider(IHttpContextAccessor http) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string LoginProvider = "Samverka";
    public const string LastStepToken = "LastTotpStep";
    /// <summary>Steps accepted either side of the current one.</summary>
    public const int Window = 1;
    /// <summary>Set in HttpContext.Items when a correct code was refused because it had been used.</summary>
    private const string ReplayItem = "Samverka.TotpReplay";

    public const string ReplayMessage = "Koden har redan använts. Vänta på nästa kod.";

    /// <summary>Whether the last refused code of this request was a correct one used again (for the page's message).</summary>
    public static bool WasReplay(HttpContext context) => context.Items.ContainsKey(ReplayItem);

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / 30;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the person's app, never from us.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit)) return false;
        // The wall clock, as the person's phone has it (not the app's TimeProvider, which tests move).
        var now = StepAt(DateTimeOffset.UtcNow);
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepToken),
            NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;

        var keyBytes = Base32Decode(key);
        var used = false;
        for (var step = now - Window; step <= now + Window; step++)
        {
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(keyBytes, step)), Encoding.ASCII.GetBytes(token))) continue;
            if (step <= last)
            {
                used = true;
                continue;
            }
            // Recorded with the account's concurrency stamp: of two requests racing with one code, only one succeeds.
            var saved = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
            if (saved.Succeeded) return true;
            used = true;
            break;
        }
        if (used && http.HttpContext is { } ctx) ctx.Items[ReplayItem] = true;
        return false;
    }

    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.Replace(" ", "").TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) continue;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
