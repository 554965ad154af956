using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Shared;

/// <summary>
/// The rules every API request follows before its use case runs (issue 20), as one endpoint filter on every API
/// endpoint of the app:
/// <list type="bullet">
/// <item>every query and route value has a range: <see cref="RangeAttribute"/> (and other validation attributes) on a
/// handler's parameters and on the properties of its <c>[AsParameters]</c> objects, and an enum value must be one of
/// the enum's; a text is at most <see cref="QueryRanges.TextMax"/> characters without control characters; out of range
/// is a 400 validation problem, never a 500;</item>
/// <item>a PUT replaces the record: every member of its body must be sent (null where a value may be empty), a missing
/// one is a 400 for that field instead of blanking it;</item>
/// <item>a change to an existing record (a PUT, or an operation on <c>{id}</c>) whose body has a <c>Version</c> must send
/// it: null (or left out of a POST) is a 428, so that a client can never skip the concurrency check.</item>
/// </list>
/// </summary>
public static class ApiRequestRules
{
    /// <summary>Adds the rules to every endpoint <paramref name="builder"/> maps.</summary>
    public static TBuilder WithApiRequestRules<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        // The endpoint's metadata (its methods, its body type) is complete when the filter factories run.
        builder.Add(endpoint => endpoint.FilterFactories.Add((context, next) => Create(context, next, endpoint.Metadata)));
        return builder;
    }

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next, IList<object> metadata)
    {
        var parameters = context.MethodInfo.GetParameters();
        var methods = metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var bodyType = metadata.OfType<IAcceptsMetadata>().Select(a => a.RequestType).FirstOrDefault(t => t is not null);
        var isPut = methods.Contains(HttpMethods.Put);
        var onExisting = isPut || parameters.Any(p => p.Name == "id");

        var checks = new List<Func<IList<object?>, IStringLocalizer, Dictionary<string, string[]>, int?>>();
        Func<IList<object?>, IStringLocalizer, Dictionary<string, string[]>, int?>? versionCheck = null;
        for (var i = 0; i < parameters.Length; i++)
        {
            var index = i;
            var parameter = parameters[i];
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                var properties = parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.CanWrite && (IsEnum(p.PropertyType) || p.PropertyType == typeof(string) || p.GetCustomAttributes<ValidationAttribute>().Any()))
                    .ToList();
                if (properties.Count > 0)
                {
                    checks.Add((arguments, t, errors) =>
                    {
                        if (arguments[index] is { } values)
                        {
                            foreach (var property in properties)
                            {
                                CheckValue(errors, property.Name, property.PropertyType, property.GetValue(values), property.GetCustomAttributes<ValidationAttribute>(), t);
                            }
                        }

                        return null;
                    });
                }
            }
            else if (bodyType is not null && parameter.ParameterType == bodyType)
            {
                if (isPut)
                {
                    checks.Add((arguments, t, errors) =>
                    {
                        if (arguments[index] is { } body)
                        {
                            foreach (var missing in SentMembers.Missing(body))
                            {
                                errors[missing] = [t["Api_MemberMissing"]];
                            }
                        }

                        return null;
                    });
                }

                // Checked last: a missing version is answered only when nothing else is wrong with the request.
                var version = bodyType.GetProperty("Version", BindingFlags.Public | BindingFlags.Instance);
                if (onExisting && version?.PropertyType == typeof(Guid?) && version.GetCustomAttribute<NullWhenNewAttribute>() is null)
                {
                    versionCheck = (arguments, _, errors) => errors.Count == 0 && arguments[index] is { } body && version.GetValue(body) is null ? StatusCodes.Status428PreconditionRequired : null;
                }
            }
            else if (IsEnum(parameter.ParameterType) || parameter.GetCustomAttributes<ValidationAttribute>().Any()
                     || (parameter.ParameterType == typeof(string) && parameter.GetCustomAttribute<FromQueryAttribute>() is not null))
            {
                var attributes = parameter.GetCustomAttributes<ValidationAttribute>().ToList();
                checks.Add((arguments, t, errors) =>
                {
                    CheckValue(errors, parameter.Name!, parameter.ParameterType, arguments[index], attributes, t);
                    return null;
                });
            }
        }

        if (versionCheck is not null)
        {
            checks.Add(versionCheck);
        }

        if (checks.Count == 0)
        {
            return next;
        }

        return async invocation =>
        {
            var t = invocation.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var check in checks)
            {
                if (check(invocation.Arguments, t, errors) is { } status)
                {
                    return TypedResults.Problem(title: t["Api_VersionRequired"], detail: t["Api_VersionRequiredDetail"], statusCode: status);
                }
            }

            return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: t["Api_Invalid"]) : await next(invocation);
        };
    }

    private static bool IsEnum(Type type) => (Nullable.GetUnderlyingType(type) ?? type).IsEnum;

    private static void CheckValue(Dictionary<string, string[]> errors, string name, Type type, object? value, IEnumerable<ValidationAttribute> attributes, IStringLocalizer t)
    {
        if (value is null)
        {
            return;
        }

        // A query text: short, and no control characters (PostgreSQL refuses a NUL in any text it is given).
        if (value is string text)
        {
            if (text.Length > QueryRanges.TextMax)
            {
                errors[name] = [t["Intake_TextTooLong", QueryRanges.TextMax]];
                return;
            }

            if (text.Any(char.IsControl))
            {
                errors[name] = [t["Intake_ControlCharacters"]];
                return;
            }
        }

        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        if (enumType.IsEnum && !IsDefined(enumType, value))
        {
            errors[name] = [t["Api_UnknownValue", string.Join(", ", Enum.GetNames(enumType))]];
            return;
        }

        foreach (var attribute in attributes)
        {
            if (!attribute.IsValid(value))
            {
                errors[name] = [attribute is RangeAttribute range
                    ? t["Api_OutOfRange", Convert.ToString(range.Minimum, CultureInfo.InvariantCulture)!, Convert.ToString(range.Maximum, CultureInfo.InvariantCulture)!]
                    : t[attribute.ErrorMessage ?? "Api_Invalid"]];
                return;
            }
        }
    }

    /// <summary>A value the enum names; for a [Flags] enum, any combination of its named bits.</summary>
    private static bool IsDefined(Type enumType, object value)
    {
        if (Enum.IsDefined(enumType, value))
        {
            return true;
        }

        if (enumType.GetCustomAttribute<FlagsAttribute>() is null)
        {
            return false;
        }

        var all = Enum.GetValues(enumType).Cast<object>().Aggregate(0L, (acc, v) => acc | Convert.ToInt64(v, CultureInfo.InvariantCulture));
        var bits = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        return bits >= 0 && (bits & ~all) == 0;
    }
}

/// <summary>
/// Which members of a request body the JSON actually had, so that a PUT can tell "sent empty" from "not sent" (a
/// missing member must not blank the stored value). Recorded by a JSON contract modifier on the app's own request
/// types while they are read; nothing is recorded for responses, which are only written.
/// </summary>
public static class SentMembers
{
    private static readonly ConditionalWeakTable<object, HashSet<string>> Sent = new();
    private static readonly ConditionalWeakTable<Type, string[]> Members = new();

    /// <summary>The modifier for the API's JSON options.</summary>
    public static void Track(JsonTypeInfo info)
    {
        // Only bodies read through their setters (a parameterless constructor): a positional record's members come
        // through its constructor and are all there or refused by the reader.
        if (info.Kind != JsonTypeInfoKind.Object || info.CreateObject is null || !info.Type.IsClass
            || info.Type.Namespace?.StartsWith("Meldroute.Web.Features", StringComparison.Ordinal) != true)
        {
            return;
        }

        var names = new List<string>();
        foreach (var property in info.Properties)
        {
            if (property.Set is not { } set || property.AttributeProvider is not MemberInfo member || member.GetCustomAttribute<MayBeLeftOutAttribute>() is not null)
            {
                continue;
            }

            var name = member.Name;
            names.Add(name);
            property.Set = (target, value) =>
            {
                set(target, value);
                Sent.GetOrCreateValue(target).Add(name);
            };
        }

        Members.AddOrUpdate(info.Type, [.. names]);
    }

    /// <summary>The settable members of <paramref name="body"/> its JSON did not have.</summary>
    public static IEnumerable<string> Missing(object body)
    {
        if (!Members.TryGetValue(body.GetType(), out var names))
        {
            return [];
        }

        var sent = Sent.TryGetValue(body, out var found) ? found : [];
        return names.Where(n => !sent.Contains(n));
    }
}

/// <summary>A body member whose absence has a meaning of its own (it leaves the stored value as it is): a PUT may leave it out.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MayBeLeftOutAttribute : Attribute;

/// <summary>
/// On an operation that adds or replaces (an upsert by natural key), a null version means "new": the use case itself
/// answers 409 when the record exists after all, so the concurrency check cannot be skipped.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NullWhenNewAttribute : Attribute;

/// <summary>The ranges of the API's query values (<see cref="ApiRequestRules"/> checks them).</summary>
public static class QueryRanges
{
    public const int YearMin = 2000;
    public const int YearMax = 2100;
    public const string DateMin = "2000-01-01";
    public const string DateMax = "2100-12-31";

    /// <summary>Pages of 25 or more rows: far beyond any list the app holds.</summary>
    public const int PageMax = 100_000;

    /// <summary>A hundred years.</summary>
    public const int DaysMax = 36_500;

    public const int IdMax = 1_000_000;

    /// <summary>The longest text a query value may be (a search term, a filter's name).</summary>
    public const int TextMax = 200;
}
