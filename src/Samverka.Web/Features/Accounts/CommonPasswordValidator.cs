using Microsoft.AspNetCore.Identity;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Accounts;

/// <summary>
/// OWASP ASVS 5.0 password rules beyond the 12-character minimum (set in Program.cs): at most 128
/// characters, none of the most common passwords (Data/Reference/common-passwords.txt, compared
/// case-insensitively) and nothing built from the person's own e-mail address. No composition
/// rules: ASVS forbids them.
/// </summary>
public class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(() =>
        File.ReadLines(Path.Combine(ReferenceData.Directory, "common-passwords.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal));

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var errors = new List<IdentityError>();
        if (password.Length > MaximumLength)
            errors.Add(new() { Code = "PasswordTooLong", Description = $"Lösenordet får ha högst {MaximumLength} tecken." });
        if (IsCommon(password))
            errors.Add(new() { Code = "PasswordTooCommon", Description = "Lösenordet är för vanligt och lätt att gissa. Välj ett annat, gärna en mening med flera ord." });
        // The local part of the e-mail ("maja.exempel") is the first thing an attacker tries; parts
        // shorter than four characters would refuse too many harmless passwords.
        var local = (user.Email ?? user.UserName ?? "").Split('@')[0];
        if (local.Length >= 4 && password.Contains(local, StringComparison.OrdinalIgnoreCase))
            errors.Add(new() { Code = "PasswordContainsEmail", Description = "Lösenordet får inte innehålla din e-postadress." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());
}
