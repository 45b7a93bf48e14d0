using System.Globalization;
using Samverka.Web.Data;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>
/// The answer form as posted. Everything is text so that a wrong or missing value gets a Swedish
/// message and the rest of the answers are shown again as given.
/// </summary>
public class AnswerForm
{
    public string? MunicipalityCode { get; set; }
    public string? LibraryId { get; set; }
    public string? JobTitle { get; set; }
    public string? YearsBand { get; set; }
    public string? OrganisationSize { get; set; }
    public Dictionary<int, string?> Scores { get; set; } = [];

    public string? ScoreFor(int itemId) => Scores.GetValueOrDefault(itemId);

    public sealed record Valid(string MunicipalityCode, int? LibraryId, string JobTitle, string YearsBand, string OrganisationSize,
        IReadOnlyList<(AssessmentItem Item, int Score)> Scores);

    /// <param name="fixedLibrary">The library of a library's own link: it fixes library and municipality.</param>
    /// <param name="municipalities">The round's region's municipalities (code → name).</param>
    /// <param name="libraries">The region's libraries (id → municipality code).</param>
    public (Valid? Value, Dictionary<string, string> Errors) Validate(IReadOnlyList<AssessmentItem> items, Library? fixedLibrary,
        IReadOnlyDictionary<string, string> municipalities, IReadOnlyDictionary<int, string> libraries)
    {
        var errors = new Dictionary<string, string>();
        string municipality;
        int? library = null;
        if (fixedLibrary is not null)
        {
            municipality = fixedLibrary.MunicipalityCode;
            library = fixedLibrary.Id;
        }
        else
        {
            municipality = MunicipalityCode?.Trim() ?? "";
            if (!municipalities.ContainsKey(municipality)) errors[nameof(MunicipalityCode)] = "Välj den kommun där du arbetar.";
            if (!string.IsNullOrWhiteSpace(LibraryId))
            {
                if (!int.TryParse(LibraryId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !libraries.TryGetValue(id, out var libraryMunicipality))
                    errors[nameof(LibraryId)] = "Välj ett bibliotek i listan, eller lämna fältet tomt.";
                else if (libraryMunicipality != municipality && !errors.ContainsKey(nameof(MunicipalityCode)))
                    errors[nameof(LibraryId)] = "Biblioteket ligger inte i den kommun du valt. Välj ett annat bibliotek eller lämna fältet tomt.";
                else library = id;
            }
        }
        if (!Background.JobTitles.Any(j => j.Value == JobTitle)) errors[nameof(JobTitle)] = "Välj din yrkestitel.";
        if (!Background.YearsBands.Any(j => j.Value == YearsBand)) errors[nameof(YearsBand)] = "Välj hur många år du har arbetat i yrket.";
        if (!Background.OrganisationSizes.Any(j => j.Value == OrganisationSize)) errors[nameof(OrganisationSize)] = "Välj hur många som arbetar i din organisation.";

        var scores = new List<(AssessmentItem, int)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var text = ScoreFor(item.Id)?.Trim();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= 7)
                scores.Add((item, score));
            else
                errors[$"Scores[{item.Id}]"] = string.IsNullOrEmpty(text)
                    ? $"Svara på påstående {i + 1}: välj ett värde från 1 till 7."
                    : $"Påstående {i + 1}: svaret måste vara ett värde från 1 till 7.";
        }
        return errors.Count > 0 ? (null, errors) : (new Valid(municipality, library, JobTitle!, YearsBand!, OrganisationSize!, scores), errors);
    }
}
