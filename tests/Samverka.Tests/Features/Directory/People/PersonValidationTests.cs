using Samverka.Web.Data;
using Samverka.Web.Features.Directory.People;
using Samverka.Web.Features.Directory;

namespace Samverka.Tests.Features.Directory.People;

public class PersonValidationTests
{
    private static readonly PersonInput Valid = new("Anna Andersson", "anna.andersson@exempel.se", 7, "Bibliotekarie");

    private static Dictionary<string, string> Validate(PersonInput input, bool libraryExists = true) =>
        PersonValidation.Validate(input, _ => libraryExists);

    [Fact]
    public void Validate_CompleteInput_HasNoErrors()
    {
        Assert.Empty(Validate(Valid));
        Assert.Empty(Validate(Valid with { RoleTitle = null }));
    }

    [Fact]
    public void Validate_MissingRequiredFields_ExplainsEachInSwedish()
    {
        var errors = Validate(new PersonInput("  ", null, null, null));
        Assert.Equal("Ange personens namn.", errors["Name"]);
        Assert.Equal("Ange personens e-postadress.", errors["Email"]);
        Assert.Equal("Välj vilket bibliotek eller vilken organisation personen tillhör.", errors["LibraryId"]);
        Assert.False(errors.ContainsKey("RoleTitle"));
    }

    [Fact]
    public void Validate_TooLongNameAndRole_AreRefused()
    {
        var errors = Validate(Valid with { Name = new string('a', 201), RoleTitle = new string('b', 201) });
        Assert.Equal("Namnet får vara högst 200 tecken.", errors["Name"]);
        Assert.Equal("Roll eller titel får vara högst 200 tecken.", errors["RoleTitle"]);
        Assert.Empty(Validate(Valid with { Name = new string('a', 200), RoleTitle = new string('b', 200) }));
    }

    [Theory]
    [InlineData("anna")]
    [InlineData("anna@")]
    [InlineData("anna@exempel")]
    [InlineData("Anna Andersson <anna@exempel.se>")]
    [InlineData("anna andersson@exempel.se")]
    public void Validate_InvalidEmail_IsRefused(string email) =>
        Assert.Equal("E-postadressen ska se ut som namn@exempel.se.", Validate(Valid with { Email = email })["Email"]);

    [Fact]
    public void Validate_UnknownLibrary_NamesTheNumber() =>
        Assert.Equal("Biblioteket med nummer 7 finns inte i Samverka.", Validate(Valid, libraryExists: false)["LibraryId"]);

    [Theory]
    [InlineData("19800101-1234")]
    [InlineData("800101-1234")]
    [InlineData("800101+1234")]
    [InlineData("8001011234")]
    [InlineData("198001011234")]
    [InlineData("Anna Andersson 800101-1234")]
    [InlineData("Anna (19800101-1234) Andersson")]
    public void Validate_PersonnummerInNameOrRole_IsRefused(string text)
    {
        Assert.True(PersonValidation.ContainsPersonalIdentityNumber(text));
        Assert.Equal("Skriv inte personnummer i Samverka.", Validate(Valid with { Name = text })["Name"]);
        Assert.Equal("Skriv inte personnummer i Samverka.", Validate(Valid with { RoleTitle = text })["RoleTitle"]);
    }

    [Theory]
    [InlineData("Anna Andersson")]
    [InlineData("Bibliotekarie sedan 2019")]
    [InlineData("Rum 12345")]
    [InlineData("123456789")]      // 9 digits
    [InlineData("12345678901")]    // 11 digits
    [InlineData("1234567890123")]  // 13 digits
    [InlineData("800101-123")]
    public void ContainsPersonalIdentityNumber_OtherNumbers_AreAllowed(string text)
    {
        Assert.False(PersonValidation.ContainsPersonalIdentityNumber(text));
        Assert.Empty(Validate(Valid with { RoleTitle = text }));
    }

    [Fact]
    public void Apply_TrimsAndStoresEmailInLowerCase()
    {
        var person = new Person { Name = "", Email = "" };
        PersonValidation.Apply(new PersonInput("  Anna Andersson ", " Anna.Andersson@Exempel.SE ", 7, "   "), person);
        Assert.Equal("Anna Andersson", person.Name);
        Assert.Equal("anna.andersson@exempel.se", person.Email);
        Assert.Equal(7, person.LibraryId);
        Assert.Null(person.RoleTitle);
    }
}
