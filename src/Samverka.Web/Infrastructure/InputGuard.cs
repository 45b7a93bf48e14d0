using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samverka.Web.Infrastructure;

/// <summary>A bound text broke an <see cref="InputText"/> rule and the request tried to save anyway: refused, nothing written.</summary>
public class RefusedInputException(TextProblem problem) : InvalidOperationException(problem.Message)
{
    public TextProblem Problem { get; } = problem;
}

/// <summary>
/// The one place that enforces <see cref="InputText"/> on everything a request brings:
/// <list type="bullet">
/// <item>control characters in the raw path, query string and form (<see cref="InputTextMiddleware"/>) and in
/// every bound string, JSON bodies included: refused at once with 400 and the Swedish message;</item>
/// <item>a personnummer in a bound string: an API endpoint answers 400 at once (<see cref="WithInputTextChecks"/>);
/// a page runs on, so that its own validation can re-render the form with the message beside the field, but
/// nothing from the request can be saved (<see cref="InputGuardInterceptor"/>): a page that does not check is
/// answered with 400 and the message instead of storing the number.</item>
/// </list>
/// </summary>
public static class InputGuard
{
    private const string RefusalKey = "Samverka.InputRefusal";
    private const string PendingKey = "Samverka.InputPending";

    /// <summary>The message the 400 page shows, when the input as a whole was refused.</summary>
    public static string? RefusalMessage(HttpContext context) => context.Items[RefusalKey] as string;

    public static void Refuse(HttpContext context, string message) => context.Items[RefusalKey] = message;

    /// <summary>Problems that stop any save in this request.</summary>
    public static IReadOnlyList<TextProblem> Pending(HttpContext? context) =>
        context?.Items[PendingKey] as List<TextProblem> ?? [];

    private static void Hold(HttpContext context, IEnumerable<TextProblem> problems)
    {
        if (context.Items[PendingKey] is not List<TextProblem> list) context.Items[PendingKey] = list = [];
        list.AddRange(problems);
    }

    public static ApiError ApiRefusal(IReadOnlyCollection<TextProblem> problems) =>
        new(problems.First().Message, problems.GroupBy(p => p.Field.Length == 0 ? "body" : p.Field)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).Distinct().ToArray()));

    public static IServiceCollection AddInputGuard(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<InputGuardInterceptor>();
        services.AddExceptionHandler<RefusedInputHandler>();
        services.Configure<MvcOptions>(o => o.Filters.Add(new BoundTextPageFilter()));
        return services;
    }

    /// <summary>Every endpoint in the group: bound strings (route, query, JSON body) are checked before the handler runs.</summary>
    public static RouteGroupBuilder WithInputTextChecks(this RouteGroupBuilder group)
    {
        group.WithMetadata(InputTextCheckedMetadata.Instance);
        group.AddEndpointFilterFactory((factory, next) =>
        {
            var parameters = factory.MethodInfo.GetParameters();
            return async invocation =>
            {
                var services = invocation.HttpContext.RequestServices.GetService<IServiceProviderIsService>();
                var roots = invocation.Arguments.Select((value, i) => i < parameters.Length
                        && !(services?.IsService(parameters[i].ParameterType) ?? false) && value is not HttpContext
                    ? (value is string ? parameters[i].Name ?? "" : "", value, (System.Reflection.ICustomAttributeProvider?)parameters[i])
                    : ("", null, null));
                var problems = BoundTextInspector.Inspect(roots, jsonNames: true);
                if (problems.Count > 0) return TypedResults.BadRequest(ApiRefusal(problems));
                return await next(invocation);
            };
        });
        return group;
    }

    /// <summary>Page filter: see <see cref="InputGuard"/>. Runs after model binding, before the handler.</summary>
    private sealed class BoundTextPageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var http = context.HttpContext;
            var services = http.RequestServices.GetService<IServiceProviderIsService>();
            var roots = new List<(string, object?, System.Reflection.ICustomAttributeProvider?)>();
            foreach (var bound in context.ActionDescriptor.BoundProperties.OfType<PageBoundPropertyDescriptor>())
                roots.Add((bound.BindingInfo?.BinderModelName ?? bound.Name, bound.Property.GetValue(context.HandlerInstance), bound.Property));
            foreach (var parameter in context.HandlerMethod?.Parameters ?? [])
                if (!(services?.IsService(parameter.ParameterType) ?? false) && context.HandlerArguments.TryGetValue(parameter.Name, out var value))
                    roots.Add((value is string ? parameter.BindingInfo?.BinderModelName ?? parameter.Name : "", value, parameter.ParameterInfo));
            var problems = BoundTextInspector.Inspect(roots);
            if (problems.FirstOrDefault(p => p.IsControlCharacter) is { } control)
            {
                Refuse(http, control.Message);
                context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
                return;
            }
            Hold(http, problems);
            var executed = await next();
            if (executed.Exception is RefusedInputException refused)
            {
                executed.ExceptionHandled = true;
                Refuse(http, refused.Problem.Message);
                executed.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            }
        }
    }
}

/// <summary>Endpoint metadata: the endpoint's bound strings are checked (InputTextTests finds every API write carries it).</summary>
public sealed class InputTextCheckedMetadata
{
    public static readonly InputTextCheckedMetadata Instance = new();
}

/// <summary>Control characters in the raw request (path, query string, form fields and their names): 400 before anything runs.</summary>
public class InputTextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // A re-executed error page carries the refused request's form: it must still render.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }
        var field = Find(context.Request.Path.Value, "path")
            ?? context.Request.Query.Select(q => Find(q.Key, q.Key) ?? q.Value.Select(v => Find(v, q.Key)).FirstOrDefault(f => f is not null)).FirstOrDefault(f => f is not null);
        if (field is null && context.Request.HasFormContentType)
        {
            IFormCollection? form = null;
            try { form = await context.Request.ReadFormAsync(context.RequestAborted); }
            // The framework's form reader itself refuses NUL ("The form value contains invalid characters").
            catch (InvalidDataException e) when (e.Message.Contains("invalid characters", StringComparison.OrdinalIgnoreCase)) { field = "form"; }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException) { } // answered as before, further on
            field ??= form?.Select(f => Find(f.Key, f.Key) ?? f.Value.Select(v => Find(v, f.Key)).FirstOrDefault(x => x is not null)).FirstOrDefault(f => f is not null)
                ?? form?.Files.Select(f => Find(f.FileName, f.Name)).FirstOrDefault(f => f is not null);
        }
        if (field is null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (ApiErrors.IsApi(context))
            await context.Response.WriteAsJsonAsync(InputGuard.ApiRefusal([new TextProblem(field, InputText.ControlCharacterMessage)]));
        else InputGuard.Refuse(context, InputText.ControlCharacterMessage); // the status-code page shows it
    }

    private static string? Find(string? value, string field) => InputText.HasControlCharacters(value) ? field : null;
}

/// <summary>The last line: nothing is saved from a request that brought a personnummer in a bound text (see <see cref="InputGuard"/>).</summary>
public class InputGuardInterceptor(IHttpContextAccessor accessor) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Check();
        return ValueTask.FromResult(result);
    }

    private void Check()
    {
        if (InputGuard.Pending(accessor.HttpContext) is [var first, ..]) throw new RefusedInputException(first);
    }
}

/// <summary>A <see cref="RefusedInputException"/> outside a page (an API handler, middleware): 400 in Swedish, not 500.</summary>
public class RefusedInputHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not RefusedInputException refused) return false;
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (new PathString(path).StartsWithSegments("/api"))
        {
            await context.Response.WriteAsJsonAsync(InputGuard.ApiRefusal([refused.Problem]), ct);
            return true;
        }
        InputGuard.Refuse(context, refused.Problem.Message);
        context.Request.Path = "/fel/400"; // re-executed by the middleware: the 400 page with the message
        return false;
    }
}
