using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Meldroute.Web.Features.Shared;

public enum OutcomeKind
{
    Ok,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>
/// What a use case answers, for the page and the API alike: a value, or not found (also for what the user may not
/// see), or field errors, or a conflict (an illegal transition or a concurrent edit) with a Dutch message.
/// </summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyDictionary<string, string[]>? Errors, string? Message)
{
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null);

    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, null, null);

    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(OutcomeKind.Invalid, default, errors, null);

    public static Outcome<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static Outcome<T> Conflict(string message) => new(OutcomeKind.Conflict, default, null, message);

    /// <summary>The API's answer: RFC 9457 problem details for everything but success.</summary>
    public IResult ToHttp(Func<T, IResult> ok, Microsoft.Extensions.Localization.IStringLocalizer t) => Kind switch
    {
        OutcomeKind.Ok => ok(Value!),
        OutcomeKind.NotFound => TypedResults.Problem(title: t["Api_NotFound"], statusCode: StatusCodes.Status404NotFound),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(Errors!, title: t["Api_Invalid"]),
        _ => TypedResults.Problem(title: t["Api_Conflict"], detail: Message, statusCode: StatusCodes.Status409Conflict),
    };
}

/// <summary>Field errors between use cases and pages.</summary>
public static class OutcomeModelState
{
    /// <summary>The messages for one field, joined; null when the field is fine.</summary>
    public static string? ErrorFor(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>Copies a use case's field errors into a page's ModelState under the form's prefix.</summary>
    public static void AddTo(this IReadOnlyDictionary<string, string[]> errors, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string prefix)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(string.IsNullOrEmpty(prefix) ? field : prefix + "." + field, message);
            }
        }
    }
}
