namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// What _DeleteConfirm shows before a removal: what goes (heading and button), what else goes or changes with it,
/// and where "Avbryt" leads. The confirmation is a page of its own so removing works without JavaScript and a
/// GET never deletes.
/// </summary>
public sealed record DeleteConfirmation(int PlanId, string PlanTitle, string Heading, string Button, IReadOnlyList<string> Consequences, string BackUrl)
{
    /// <summary>"1 aktivitet", "3 aktiviteter": Swedish counts for the consequences.</summary>
    public static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    /// <summary>"a", "a och b", "a, b och c".</summary>
    public static string List(IReadOnlyList<string> parts) =>
        parts.Count <= 1 ? string.Concat(parts) : $"{string.Join(", ", parts.Take(parts.Count - 1))} och {parts[^1]}";
}

/// <summary>The "Ta bort" step on an edit page: a GET form to the confirmation page, so it is a button without JavaScript.</summary>
public sealed record DeleteButton(string Url, string Label, string Explanation);
