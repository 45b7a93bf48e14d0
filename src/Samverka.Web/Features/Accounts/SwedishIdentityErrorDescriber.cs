using Microsoft.AspNetCore.Identity;

namespace Samverka.Web.Features.Accounts;

public class SwedishIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Lösenordet måste ha minst {length} tecken." };
    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = $"E-postadressen {email} används redan." };
    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"Användarnamnet {userName} används redan." };
    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = $"E-postadressen {email} är ogiltig." };
    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "Fel lösenord." };
    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "Någon annan har ändrat uppgifterna. Ladda om sidan och försök igen." };
    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "Något gick fel." };
}
