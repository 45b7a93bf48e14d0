using Samverka.Web.Data;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>The statements of an instrument as posted: a row with empty text is left out; three blank rows add statements.</summary>
public class InstrumentForm
{
    public const int BlankRows = 3;
    public string? Name { get; set; }
    public List<Row> Rows { get; set; } = [];

    public class Row
    {
        public string? CompetenceCode { get; set; }
        public string? Text { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Text);
    }

    public static InstrumentForm From(AssessmentInstrument i) => new()
    {
        Name = i.Name,
        Rows = i.Items.OrderBy(x => x.SortOrder).Select(x => new Row { CompetenceCode = x.CompetenceCode, Text = x.Text }).ToList(),
    };

    public InstrumentForm WithBlankRows()
    {
        while (Rows.Count(r => r.IsBlank) < BlankRows) Rows.Add(new Row());
        return this;
    }

    public (List<(string Code, string Text)>? Items, Dictionary<string, string> Errors) Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Name)) errors[nameof(Name)] = "Ange instrumentets namn.";
        else if (Name.Trim().Length > 200) errors[nameof(Name)] = "Namnet får vara högst 200 tecken.";
        var items = new List<(string, string)>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            if (row.IsBlank) continue;
            var text = row.Text!.Trim();
            if (DigComp.Competence(row.CompetenceCode ?? "") is null) errors[$"Rows[{i}].CompetenceCode"] = $"Välj en DigComp-kompetens för påstående {i + 1}.";
            else if (text.Length > 400) errors[$"Rows[{i}].Text"] = $"Påstående {i + 1} får vara högst 400 tecken.";
            else items.Add((row.CompetenceCode!, text));
        }
        var missing = DigComp.Competences.Where(c => items.All(x => x.Item1 != c.Code)).Select(c => c.Code).ToList();
        if (errors.Count == 0 && missing.Count > 0)
            errors[""] = $"Alla 21 kompetenser i DigComp 2.2 måste ha minst ett påstående. Saknas: {string.Join(", ", missing)}.";
        return errors.Count > 0 ? (null, errors) : (items, errors);
    }
}
