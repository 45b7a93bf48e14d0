namespace Samverka.Web.Features.Administration.Accounts;

public class InviteForm : RoleChoiceForm
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
}

/// <summary>The role fields partial: the posted values, what may be offered, and the field-name prefix.</summary>
public record RoleFieldsModel(RoleChoiceForm Form, RoleOptions Options, string Prefix = "Input");
