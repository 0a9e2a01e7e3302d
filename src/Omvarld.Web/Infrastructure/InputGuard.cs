using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Omvarld.Web.Infrastructure;

/// <summary>
/// Rules every value from outside obeys, whatever route it comes by (issue 14): no control characters in text (tab, CR
/// and LF only, for multi-line text; PostgreSQL refuses NUL, 22021, and a lone surrogate cannot be written as UTF-8), no
/// null inside a list, and a year the calendar can hold. Checked once at the boundary — the API's endpoint filter, the
/// pages' filter and the request guard for query strings and forms — so no feature repeats it.
/// </summary>
public static class InputRules
{
    /// <summary>The years <see cref="DateOnly"/> can hold; features narrow this further with their own messages.</summary>
    public const int FirstYear = 1, LastYear = 9999;

    /// <summary>Parameters and properties that carry a year: <c>year</c> in the API, <c>ar</c> on the pages.</summary>
    public static bool IsYearName(string name)
    {
        var last = name[(name.LastIndexOf('.') + 1)..];
        return last.Equals("year", StringComparison.OrdinalIgnoreCase) || last.Equals("ar", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsYear(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>True when <paramref name="text"/> holds a character no text of Omvärld may: C0 controls but tab, CR and LF, DEL, a lone surrogate.</summary>
    public static bool HasRefusedCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ') { if (c is not ('\t' or '\r' or '\n')) return true; }
            else if (c == '\u007F') return true;
            else if (char.IsHighSurrogate(c)) { if (i + 1 >= text.Length || !char.IsLowSurrogate(text[++i])) return true; }
            else if (char.IsLowSurrogate(c)) return true;
        }
        return false;
    }
}

/// <summary>One refused value: where it was (the field as the caller named it) and the text key with its arguments.</summary>
public sealed record InputProblem(string Field, string Key, params object[] Args);

/// <summary>Walks a bound value — a simple value, a request record and its lists, to any depth — for what <see cref="InputRules"/> refuses.</summary>
public static class InputInspector
{
    private const int MaxDepth = 12;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static List<InputProblem> Inspect(IEnumerable<(string Name, object? Value)> values)
    {
        var problems = new List<InputProblem>();
        foreach (var (name, value) in values) Walk(name, value, problems, 0);
        return problems;
    }

    private static void Walk(string field, object? value, List<InputProblem> problems, int depth)
    {
        if (value is null || depth > MaxDepth || problems.Count >= 20) return;
        switch (value)
        {
            case string s:
                if (InputRules.HasRefusedCharacter(s)) problems.Add(new(field, "Input_ControlCharacter"));
                return;
            // A filter's year (a parameter, a query object's property, a page's bound value); a year inside a request body is
            // the domain's to judge, after the caller's rights.
            case int year when !field.Contains('.') && !field.Contains('[') && InputRules.IsYearName(field):
                if (!InputRules.IsYear(year)) problems.Add(new(field, "Input_YearInvalid", year, InputRules.FirstYear, InputRules.LastYear));
                return;
            case IFormFile or IFormFileCollection or Stream or CancellationToken:
                return;
            case Array array when array.GetType().GetElementType() is { IsPrimitive: true }:
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary) Walk($"{field}[{entry.Key}]", entry.Value, problems, depth + 1);
                return;
            case IEnumerable list:
                var i = 0;
                foreach (var item in list)
                {
                    if (item is null) problems.Add(new($"{field}[{i}]", "Input_NullElement", i + 1));
                    else Walk($"{field}[{i}]", item, problems, depth + 1);
                    i++;
                }
                return;
        }
        var type = value.GetType();
        // Only the app's own request types are walked into, and only what binding can set (a computed property is not
        // input, and may not even be safe to read); framework and primitive values carry no text of their own.
        if (type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("Omvarld.", StringComparison.Ordinal) != true) return;
        foreach (var p in Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanRead && p.SetMethod is not null && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic).ToArray()))
            Walk(field.Length == 0 ? p.Name : $"{field}.{p.Name}", p.GetValue(value), problems, depth + 1);
    }

    /// <summary>The problems as a ValidationProblem's errors, each in Swedish.</summary>
    public static Dictionary<string, string[]> Errors(IEnumerable<InputProblem> problems, IStringLocalizer l) =>
        problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => l[p.Key, p.Args].Value).Distinct().ToArray());
}

/// <summary>The API's half: every endpoint's bound arguments (query, route, body; not services) checked before the handler runs.</summary>
public static class InputGuardEndpointFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var isService = context.ApplicationServices.GetService<Microsoft.Extensions.DependencyInjection.IServiceProviderIsService>();
        var checkedArguments = context.MethodInfo.GetParameters()
            .Select((p, i) => (Parameter: p, Index: i))
            .Where(x => IsFromRequest(x.Parameter, isService))
            .Select(x => (Name: x.Parameter.GetCustomAttribute<AsParametersAttribute>() is null ? x.Parameter.Name ?? "" : "", x.Index))
            .ToArray();
        if (checkedArguments.Length == 0) return next;
        return async invocation =>
        {
            var problems = InputInspector.Inspect(checkedArguments.Select(a => (a.Name, invocation.Arguments.Count > a.Index ? invocation.Arguments[a.Index] : null)));
            if (problems.Count == 0) return await next(invocation);
            var l = invocation.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            return Problems.From(InputInspector.Errors(problems, l), l);
        };
    }

    private static bool IsFromRequest(ParameterInfo p, Microsoft.Extensions.DependencyInjection.IServiceProviderIsService? isService)
    {
        var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
        if (p.GetCustomAttribute<FromServicesAttribute>() is not null || p.GetCustomAttribute<Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute>() is not null) return false;
        if (type == typeof(CancellationToken) || typeof(HttpContext).IsAssignableFrom(type) || typeof(HttpRequest).IsAssignableFrom(type)
            || typeof(HttpResponse).IsAssignableFrom(type) || type == typeof(System.Security.Claims.ClaimsPrincipal)) return false;
        return isService?.IsService(type) != true;
    }
}

/// <summary>
/// The pages' half: a handler's arguments and the page's bound properties checked after binding; a refused value answers
/// 400 with the Swedish error page naming what was wrong (the request guard's item), before the handler runs.
/// </summary>
public sealed class InputGuardPageFilter(IStringLocalizer<SharedResource> l) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var values = context.HandlerArguments.Select(a => (a.Key, a.Value)).ToList();
        foreach (var bound in context.ActionDescriptor.BoundProperties.OfType<PageBoundPropertyDescriptor>())
            if (bound.Property.DeclaringType?.IsInstanceOfType(context.HandlerInstance) == true)
                values.Add((bound.Name, bound.Property.GetValue(context.HandlerInstance)));
        var problems = InputInspector.Inspect(values);
        if (problems.Count == 0)
        {
            await next();
            return;
        }
        var first = problems[0];
        RequestGuard.Refuse(context.HttpContext, StatusCodes.Status400BadRequest, l[first.Key, first.Args]);
        context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
    }
}
