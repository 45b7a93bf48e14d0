using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Directory.Libraries;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.Kb;

public enum KbAction { Create, Update, Unchanged, NameMatch, Skipped }

public record KbChange(string Field, string? Before, string? After);

/// <param name="LibraryId">The Samverka library it updates, leaves alone or is offered as a match for.</param>
public record KbPlanItem(KbLibraryRecord Record, KbAction Action, int? LibraryId, string? LibraryName, List<KbChange> Changes, string? Reason = null)
{
    public LibraryInput? Input { get; init; }
    /// <summary>Offered as a name match (whether or not the person confirmed it).</summary>
    public bool Offered { get; init; }
}

/// <summary>A library with a sigel that the file does not list (in a county the file covers): for a person to deactivate, never deleted.</summary>
public record KbMissing(int LibraryId, string Name, string Sigel, string MunicipalityName);

public record KbPlan(List<ImportError> Errors, List<KbPlanItem> Items, List<KbMissing> Missing)
{
    public bool Succeeded => Errors.Count == 0;
    public int Count(KbAction a) => Items.Count(i => i.Action == a);

    /// <summary>What confirming would do, as a checksum: the confirmation is refused if the data changed after the preview.</summary>
    public string Hash()
    {
        var sb = new StringBuilder();
        foreach (var i in Items.Where(i => i.Action is KbAction.Create or KbAction.Update or KbAction.NameMatch))
        {
            // The person's ticks do not change the checksum; the directory's data does.
            sb.Append(i.Record.Sigel).Append('\u0001').Append(i.Offered ? KbAction.NameMatch : i.Action).Append('\u0001').Append(i.LibraryId).Append('\u0001');
            foreach (var c in i.Changes) sb.Append(c.Field).Append('=').Append(c.Before).Append('>').Append(c.After).Append('\u0002');
            sb.Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}

public record KbImportResult(List<ImportError> Errors, int Created, int Updated, int Unchanged);

/// <summary>
/// Imports KB's library register. <see cref="PlanAsync"/> decides per record, without changing anything:
/// matched by sigel → update (field by field) or unchanged; no sigel match but a Samverka library without sigel of
/// the same name in the same municipality → offered as a match, applied only when a person confirms it; otherwise
/// → created. Records outside Sweden, without municipality code, with an unknown municipality or type code, outside
/// the user's organisations, or whose name is taken, are skipped and listed. <see cref="ApplyAsync"/> stores the
/// plan in one transaction (one audit row per change); the same file again changes nothing.
/// </summary>
public static class KbImport
{
    public static async Task<KbPlan> PlanAsync(AppDbContext db, byte[] file, UserScope scope, IReadOnlySet<string> confirmedMatches, CancellationToken ct = default)
    {
        var read = KbRegister.Read(file);
        if (read.Errors.Count > 0) return new(read.Errors, [], []);

        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => new { m.Name, m.CountyCode }, ct);
        var libraries = await db.Libraries.AsNoTracking().ToListAsync(ct);
        var bySigel = libraries.Where(l => l.Sigel is not null).ToDictionary(l => l.Sigel!, StringComparer.Ordinal);
        var byKey = libraries.ToDictionary(l => Key(l.MunicipalityCode, l.Name));
        var claimed = new Dictionary<string, string>(); // municipality + name → sigel of the record that takes it
        var items = new List<KbPlanItem>();
        var names = municipalities.ToDictionary(m => m.Key, m => m.Value.Name);
        var counties = new HashSet<string>();

        foreach (var r in read.Records)
        {
            KbPlanItem Skip(string reason) => new(r, KbAction.Skipped, null, null, [], reason);
            if (r.CountryCode != "se") { items.Add(Skip(r.CountryCode is null ? "Landskod saknas." : $"Utanför Sverige (landskod {r.CountryCode}).")); continue; }
            if (string.IsNullOrWhiteSpace(r.MunicipalityCode)) { items.Add(Skip("Kommunkod saknas.")); continue; }
            if (!municipalities.TryGetValue(r.MunicipalityCode, out var municipality)) { items.Add(Skip($"Okänd kommunkod {r.MunicipalityCode}.")); continue; }
            counties.Add(municipality.CountyCode);
            if (r.LibraryType is null || !KbRegister.Kinds.TryGetValue(r.LibraryType, out var kind)) { items.Add(Skip($"Okänd bibliotekstyp ”{r.LibraryType}”.")); continue; }
            if (r.IsBranch && kind == LibraryKind.Folkbibliotek) kind = LibraryKind.Filial;
            if (!DirectoryAccess.CanEditLibrary(scope, r.MunicipalityCode, municipality.CountyCode))
            { items.Add(Skip(DirectoryAccess.LibraryDenied(r.MunicipalityCode))); continue; }

            bySigel.TryGetValue(r.Sigel, out var existing);
            // Regionbibliotek is Samverka's own kind (KB has no code for it): an import does not change it.
            if (existing?.Kind == LibraryKind.Regionbibliotek) kind = LibraryKind.Regionbibliotek;
            var input = new LibraryInput(r.Name, kind.ToString(), r.MunicipalityCode, r.Street, r.ZipCode, r.City, null, null, Sigel: r.Sigel);
            var invalid = LibraryValidation.Validate(input, municipalities.ContainsKey);
            if (invalid.Count > 0) { items.Add(Skip(string.Join(" ", invalid.Values))); continue; }
            var key = Key(r.MunicipalityCode, r.Name!.Trim());
            if (claimed.TryGetValue(key, out var other)) { items.Add(Skip($"Ett bibliotek med samma namn i kommunen finns redan i filen (sigel {other}).")); continue; }

            if (existing is not null)
            {
                var county = municipalities.GetValueOrDefault(existing.MunicipalityCode)?.CountyCode ?? "";
                if (!DirectoryAccess.CanEditLibrary(scope, existing.MunicipalityCode, county))
                { items.Add(Skip(DirectoryAccess.LibraryDenied(existing.MunicipalityCode))); continue; }
                if (byKey.TryGetValue(key, out var holder) && holder.Id != existing.Id)
                { items.Add(Skip($"Namnet används redan av ett annat bibliotek i kommunen ({holder.Name}).")); continue; }
                claimed[key] = r.Sigel;
                var changes = Changes(existing, input, names);
                items.Add(new(r, changes.Count == 0 ? KbAction.Unchanged : KbAction.Update, existing.Id, existing.Name, changes) { Input = input });
                continue;
            }
            if (byKey.TryGetValue(key, out var sameName))
            {
                if (sameName.Sigel is not null)
                { items.Add(Skip($"Namnet används redan av {sameName.Name} med sigel {sameName.Sigel}.")); continue; }
                claimed[key] = r.Sigel;
                var changes = Changes(sameName, input, names);
                // Never merged silently: only a person's confirmation turns the offer into an update.
                items.Add(new(r, confirmedMatches.Contains(r.Sigel) ? KbAction.Update : KbAction.NameMatch, sameName.Id, sameName.Name, changes) { Input = input, Offered = true });
                continue;
            }
            claimed[key] = r.Sigel;
            items.Add(new(r, KbAction.Create, null, null, []) { Input = input });
        }

        var listed = read.Records.Select(r => r.Sigel).ToHashSet(StringComparer.Ordinal);
        var missing = libraries
            .Where(l => l.Sigel is not null && l.IsActive && !listed.Contains(l.Sigel) && municipalities.TryGetValue(l.MunicipalityCode, out var m)
                && counties.Contains(m.CountyCode) && DirectoryAccess.CanEditLibrary(scope, l.MunicipalityCode, m.CountyCode))
            .OrderBy(l => l.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true))
            .Select(l => new KbMissing(l.Id, l.Name, l.Sigel!, municipalities[l.MunicipalityCode].Name)).ToList();
        return new([], items, missing);
    }

    private static List<KbChange> Changes(Library existing, LibraryInput input, Dictionary<string, string> municipalityNames)
    {
        var after = new Library { Name = existing.Name, MunicipalityCode = existing.MunicipalityCode, Kind = existing.Kind, StreetAddress = existing.StreetAddress,
            PostalCode = existing.PostalCode, City = existing.City, Email = existing.Email, Website = existing.Website, Sigel = existing.Sigel };
        LibraryValidation.Apply(input, after);
        var changes = new List<KbChange>();
        void Compare(string field, string? before, string? now) { if (before != now) changes.Add(new(field, before, now)); }
        Compare("Sigel", existing.Sigel, after.Sigel);
        Compare("Namn", existing.Name, after.Name);
        Compare("Typ", existing.Kind.Label(), after.Kind.Label());
        Compare("Kommun", municipalityNames.GetValueOrDefault(existing.MunicipalityCode, existing.MunicipalityCode), municipalityNames.GetValueOrDefault(after.MunicipalityCode, after.MunicipalityCode));
        Compare("Gatuadress", existing.StreetAddress, after.StreetAddress);
        Compare("Postnummer", existing.PostalCode, after.PostalCode);
        Compare("Ort", existing.City, after.City);
        return changes;
    }

    /// <summary>Stores a plan made by <see cref="PlanAsync"/> (with the person's confirmed matches) in one transaction.</summary>
    public static async Task<KbImportResult> ApplyAsync(AppDbContext db, KbPlan plan, CancellationToken ct = default)
    {
        var now = DateTimeOffset.UtcNow;
        var updates = plan.Items.Where(i => i.Action == KbAction.Update).ToList();
        var ids = updates.Select(i => i.LibraryId!.Value).ToArray();
        var tracked = await db.Libraries.Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        foreach (var i in updates)
        {
            var library = tracked[i.LibraryId!.Value];
            LibraryValidation.Apply(i.Input!, library);
            library.UpdatedAt = now;
        }
        foreach (var i in plan.Items.Where(i => i.Action == KbAction.Create))
        {
            var library = new Library { Name = "", MunicipalityCode = "", CreatedAt = now, UpdatedAt = now };
            LibraryValidation.Apply(i.Input!, library);
            db.Libraries.Add(library);
        }
        try
        {
            await db.SaveChangesAsync(ct); // one transaction: the audit rows are written in it
        }
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e, LibrarySaving.UniqueSigelIndex) || LibrarySaving.IsDuplicateName(e))
        {
            db.ChangeTracker.Clear();
            return new([new(0, null, "Någon annan sparade ett bibliotek med samma sigel eller namn under tiden. Ingenting ändrades. Ladda upp filen igen.")], 0, 0, 0);
        }
        return new([], plan.Count(KbAction.Create), updates.Count, plan.Count(KbAction.Unchanged));
    }

    private static string Key(string municipalityCode, string name) => municipalityCode + "\u0001" + name.ToLowerInvariant();
}
