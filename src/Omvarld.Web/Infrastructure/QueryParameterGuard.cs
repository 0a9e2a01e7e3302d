using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Omvarld.Web.Infrastructure;

/// <summary>
/// Issue 19: a query parameter the endpoint does not take is refused, never silently ignored (<c>?on=2022-03-01</c> on
/// <c>/policies/in-force</c>, whose parameter is <c>date</c>, would otherwise answer for today). One endpoint filter on the
/// API group compares the request's query keys with the parameters the handler binds from the query — read once from
/// its signature, as minimal APIs infer them — and answers 400 ProblemDetails naming each unknown key and the ones the
/// route takes. Names compare case-insensitively, as binding does.
/// </summary>
public static class QueryParameterGuard
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var isService = context.ApplicationServices.GetService<Microsoft.Extensions.DependencyInjection.IServiceProviderIsService>();
        var names = new List<string>();
        foreach (var p in context.MethodInfo.GetParameters()) Collect(p, p.ParameterType, p.Name, names, isService);
        var allowed = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return invocation =>
        {
            var request = invocation.HttpContext.Request;
            if (request.Query.Count == 0) return next(invocation);
            // A route value is bound from the path; the same name in the query is no parameter of the route.
            var unknown = request.Query.Keys
                .Where(k => !allowed.Contains(k) || request.RouteValues.ContainsKey(k))
                .ToList();
            if (unknown.Count == 0) return next(invocation);
            var l = invocation.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var taken = allowed.Where(n => !request.RouteValues.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
            var message = taken.Count == 0 ? l["Query_UnknownNone"].Value : l["Query_Unknown", string.Join(", ", taken)].Value;
            // The key is the caller's own, truncated: a parameter name is no place for a long text.
            var errors = unknown.Take(10).ToDictionary(k => k.Length > 100 ? k[..100] : k, k => new[] { message }, StringComparer.Ordinal);
            return ValueTask.FromResult<object?>(Problems.From(errors, l));
        };
    }

    private static void Collect(ICustomAttributeProvider attributes, Type type, string? name, List<string> names,
        Microsoft.Extensions.DependencyInjection.IServiceProviderIsService? isService)
    {
        if (name is null) return;
        if (Has<FromQueryAttribute>(attributes, out var fromQuery)) { names.Add(fromQuery.Name ?? name); return; }
        if (Has<AsParametersAttribute>(attributes, out _)) { Expand(type, names, isService); return; }
        if (Has<FromRouteAttribute>(attributes, out _) || Has<FromBodyAttribute>(attributes, out _) || Has<FromServicesAttribute>(attributes, out _)
            || Has<FromHeaderAttribute>(attributes, out _) || Has<FromFormAttribute>(attributes, out _)
            || Has<Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute>(attributes, out _)) return;
        if (IsSimple(type) && isService?.IsService(type) != true) names.Add(name);
    }

    /// <summary>An [AsParameters] type: its constructor's parameters (a record's positional ones), else its settable properties.</summary>
    private static void Expand(Type type, List<string> names, Microsoft.Extensions.DependencyInjection.IServiceProviderIsService? isService)
    {
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (ctor is { } c && c.GetParameters().Length > 0)
        {
            foreach (var p in c.GetParameters())
            {
                // A record's attribute may sit on the parameter or ([property: ...]) on the property.
                var property = type.GetProperty(p.Name ?? "", BindingFlags.Public | BindingFlags.Instance);
                ICustomAttributeProvider source = property is not null && property.GetCustomAttributes(true).Length > 0 && p.GetCustomAttributes(true).Length == 0 ? property : p;
                Collect(source, p.ParameterType, p.Name, names, isService);
            }
            return;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            Collect(property, property.PropertyType, property.Name, names, isService);
    }

    private static bool Has<T>(ICustomAttributeProvider provider, out T attribute) where T : Attribute
    {
        attribute = provider.GetCustomAttributes(typeof(T), true).OfType<T>().FirstOrDefault()!;
        return attribute is not null;
    }

    /// <summary>What minimal APIs bind from the route or query by default: strings, primitives, enums, parseable values and arrays of them.</summary>
    private static bool IsSimple(Type type)
    {
        if (type.IsArray) return IsSimple(type.GetElementType()!);
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(Guid)) return true;
        if (type == typeof(CancellationToken) || typeof(HttpContext).IsAssignableFrom(type) || typeof(HttpRequest).IsAssignableFrom(type)
            || typeof(HttpResponse).IsAssignableFrom(type) || type == typeof(System.Security.Claims.ClaimsPrincipal)) return false;
        return type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]) is not null
            || type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]) is not null;
    }
}
