using System.Data;
using System.Data.Common;
using System.Security.Claims;
using Npgsql;
using NpgsqlTypes;
using Samverka.Web.Data;

using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Directory;

namespace Samverka.Web.Infrastructure;

/// <summary>Who did it. Kept as text in every row so the trail still says who after the account is gone.</summary>
public sealed record AuditActor(string? UserId, string? Email, string? Ip)
{
    /// <summary>Start-up, demo data and background work.</summary>
    public static readonly AuditActor System = new(null, "system", null);
}

/// <summary>
/// One event to write. The organisation is resolved in SQL from whichever of county, municipality
/// or library is known, so callers only pass what the record itself holds.
/// </summary>
public sealed record AuditRecord(string Action, string Summary, string? EntityType = null, string? EntityId = null,
    string? CountyCode = null, string? MunicipalityCode = null, int? LibraryId = null, string? ChangesJson = null);

/// <summary>
/// Writes the audit trail: changes to records (through <see cref="AuditInterceptor"/>, inside the
/// change's own transaction) and events that are not changes (sign-ins, failed sign-ins, denials).
/// Rows are only ever inserted; the table's trigger refuses UPDATE and DELETE.
/// </summary>
public class AuditLog(NpgsqlDataSource dataSource, IHttpContextAccessor http, ILogger<AuditLog> logger)
{
    public static class Actions
    {
        public const string Create = "create";
        public const string Update = "update";
        public const string Delete = "delete";
        public const string Deactivate = "deactivate";
        public const string Activate = "activate";
        public const string Lockout = "lockout";
        public const string RoleChange = "role_change";
        public const string SignIn = "sign_in";
        public const string SignInFailed = "sign_in_failed";
        public const string AccessDenied = "access_denied";
    }

    /// <summary>Swedish labels for the filter and the list.</summary>
    public static readonly IReadOnlyDictionary<string, string> ActionLabels = new Dictionary<string, string>
    {
        [Actions.Create] = "Skapad",
        [Actions.Update] = "Ändrad",
        [Actions.Delete] = "Borttagen",
        [Actions.Deactivate] = "Avaktiverad",
        [Actions.Activate] = "Aktiverad igen",
        [Actions.Lockout] = "Konto låst",
        [Actions.RoleChange] = "Rolländring",
        [Actions.SignIn] = "Inloggning",
        [Actions.SignInFailed] = "Misslyckad inloggning",
        [Actions.AccessDenied] = "Nekad åtkomst",
    };

    public static readonly IReadOnlyDictionary<string, string> EntityLabels = new Dictionary<string, string>
    {
        [nameof(Library)] = "Bibliotek",
        [nameof(Person)] = "Person",
        [nameof(RoleAssignment)] = "Roll",
        [nameof(AppUser)] = "Konto",
        [nameof(County)] = "Län",
        [nameof(Municipality)] = "Kommun",
        ["Invitation"] = "Inbjudan",
    };

    public static string EntityLabel(string? type) => type is null ? "" : EntityLabels.GetValueOrDefault(type, type);

    public static string ActionLabel(string action) => ActionLabels.GetValueOrDefault(action, action);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, AuditActor> ActingFor = new();

    /// <summary>
    /// Files the audit row of this entity's change under <paramref name="actor"/> instead of the saving context's user:
    /// for work one context does on behalf of several requests (a batch of seat decisions).
    /// </summary>
    public static void ActFor(object entity, AuditActor actor) => ActingFor.AddOrUpdate(entity, actor);

    /// <summary>Who the audit row of this entity's change names, when not the saving context's user.</summary>
    public static AuditActor? ActorFor(object entity) => ActingFor.TryGetValue(entity, out var actor) ? actor : null;

    /// <summary>The actor of a database context's user; IP from the request when there is one.</summary>
    public AuditActor Actor(UserScope scope) =>
        scope.IsSystem ? AuditActor.System : new(scope.UserId, scope.Email, Ip());

    private AuditActor RequestActor(ClaimsPrincipal? user) =>
        user is null ? AuditActor.System : Actor(UserScope.From(user));

    private string? Ip() => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public async Task SignedInAsync(AppUser user, CancellationToken ct = default) =>
        await RecordAsync(new AuditActor(user.Id, user.Email, Ip()),
            new(Actions.SignIn, $"{user.Email} loggade in", nameof(AppUser), user.Id), ct);

    /// <summary>The e-mail is the one typed; the account is known only when it exists.</summary>
    public async Task SignInFailedAsync(string? typedEmail, AppUser? user, bool lockedOut, string reason = "fel lösenord", CancellationToken ct = default)
    {
        var email = user?.Email ?? Clip(typedEmail?.Trim(), 256);
        var summary = lockedOut ? $"Misslyckad inloggning som {email}: kontot är låst"
            : user is null || !user.IsActive ? $"Misslyckad inloggning som {email}: okänt eller inaktivt konto"
            : $"Misslyckad inloggning som {email}: {reason}";
        await RecordAsync(new AuditActor(user?.Id, email, Ip()),
            new(Actions.SignInFailed, summary, user is null ? null : nameof(AppUser), user?.Id), ct);
    }

    /// <summary>
    /// For the cookie handler's access-denied event: every Forbid (a policy that failed or a page
    /// that returned Forbid()) passes through it, signed in and with the original path.
    /// </summary>
    public static Task AccessDeniedAsync(HttpContext ctx) =>
        ctx.RequestServices.GetRequiredService<AuditLog>().AccessDeniedAsync(ctx, ctx.Request.Path.Value, reason: null);

    /// <summary>A refusal of <paramref name="path"/> (the original one, when the request has been re-pointed at an error page).</summary>
    public async Task AccessDeniedAsync(HttpContext ctx, string? path, string? reason)
    {
        var summary = $"Nekad åtkomst: {ctx.Request.Method} {Clip(path, 500)}" + (reason is null ? "" : $" ({reason})");
        await RecordAsync(RequestActor(ctx.User), new(Actions.AccessDenied, summary), ctx.RequestAborted);
    }

    /// <summary>An event of its own (not a change to a record), in its own transaction.</summary>
    public async Task RecordAsync(AuditActor actor, AuditRecord record, CancellationToken ct = default)
    {
        try
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await InsertAsync(conn, null, actor, [record], sync: false, ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // Not being able to log a sign-in must not lock people out; the operations log still has it.
            logger.LogError(e, "Audit event {Action} could not be written", record.Action);
        }
    }

    /// <summary>
    /// An account (AppUser) holds no organisation itself: its events take the organisation of the
    /// account's own role assignments, the narrowest first (library, municipality, county), so the
    /// regional coordinator of the account's region sees them. An account with roles in several
    /// regions is filed under one of them; one without any (administrators, national) under none.
    /// </summary>
    private const string InsertSql = """
        INSERT INTO audit_events (user_id, user_email, ip, action, entity_type, entity_id, county_code, municipality_code, summary, changes)
        SELECT $1, $2, $3, r.action, r.entity_type, r.entity_id,
               COALESCE(r.county_code, m.county_code, account.county_code),
               COALESCE(r.municipality_code, l.municipality_code, account.municipality_code),
               r.summary, r.changes::jsonb
        FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
             WITH ORDINALITY AS r(action, entity_type, entity_id, county_code, municipality_code, library_id, summary, changes, n)
        LEFT JOIN libraries l ON l.id = r.library_id::int
        LEFT JOIN municipalities m ON m.code = COALESCE(r.municipality_code, l.municipality_code)
        LEFT JOIN LATERAL (
            SELECT COALESCE(ra.county_code, am.county_code) AS county_code,
                   COALESCE(ra.municipality_code, al.municipality_code) AS municipality_code
            FROM role_assignments ra
            LEFT JOIN libraries al ON al.id = ra.library_id
            LEFT JOIN municipalities am ON am.code = COALESCE(ra.municipality_code, al.municipality_code)
            WHERE r.entity_type = 'AppUser' AND r.county_code IS NULL AND r.municipality_code IS NULL AND r.library_id IS NULL
              AND ra.user_id = r.entity_id AND COALESCE(ra.county_code, am.county_code) IS NOT NULL
            ORDER BY ra.library_id IS NULL, ra.municipality_code IS NULL, ra.id
            LIMIT 1
        ) account ON true
        ORDER BY r.n
        """;

    /// <summary>All records in one statement, on the caller's connection and transaction.</summary>
    public static async Task InsertAsync(DbConnection connection, DbTransaction? tx, AuditActor actor,
        IReadOnlyList<AuditRecord> records, bool sync, CancellationToken ct)
    {
        if (records.Count == 0) return;
        await using var cmd = new NpgsqlCommand(InsertSql, (NpgsqlConnection)connection, (NpgsqlTransaction?)tx);
        cmd.Parameters.Add(Text(Clip(actor.UserId, 450)));
        cmd.Parameters.Add(Text(Clip(actor.Email, 256)));
        cmd.Parameters.Add(Text(Clip(actor.Ip, 64)));
        cmd.Parameters.Add(Array(records.Select(r => r.Action)));
        cmd.Parameters.Add(Array(records.Select(r => r.EntityType)));
        cmd.Parameters.Add(Array(records.Select(r => r.EntityId)));
        cmd.Parameters.Add(Array(records.Select(r => r.CountyCode)));
        cmd.Parameters.Add(Array(records.Select(r => r.MunicipalityCode)));
        cmd.Parameters.Add(Array(records.Select(r => r.LibraryId?.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        cmd.Parameters.Add(Array(records.Select(r => Clip(r.Summary, 2000))));
        cmd.Parameters.Add(Array(records.Select(r => r.ChangesJson)));
        if (sync) cmd.ExecuteNonQuery();
        else await cmd.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Array(IEnumerable<string?> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };

    private static string? Clip(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
