using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Shared;

public enum OutcomeKind
{
    Ok,
    NotFound,
    Invalid,
    Conflict,

    /// <summary>It existed but is no longer available, and shows nothing (a used or expired hand-over link).</summary>
    Gone,
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

    public static Outcome<T> Gone() => new(OutcomeKind.Gone, default, null, null);

    /// <summary>The same answer for another value type, when this one is not Ok.</summary>
    public Outcome<TOther> Failed<TOther>() => Kind == OutcomeKind.Ok
        ? throw new InvalidOperationException("An Ok outcome has a value to carry over.")
        : new(Kind, default, Errors, Message);

    /// <summary>The API's answer: <paramref name="ok"/> for success, RFC 9457 problem details for everything else.</summary>
    public Results<TOk, ValidationProblem, ProblemHttpResult> ToResult<TOk>(Func<T, TOk> ok, IStringLocalizer t)
        where TOk : IResult => Kind switch
    {
        OutcomeKind.Ok => ok(Value!),
        OutcomeKind.NotFound => ApiProblems.NotFound(t),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(Errors!, title: t["Api_Invalid"]),
        OutcomeKind.Gone => TypedResults.Problem(title: t["Api_Gone"], statusCode: StatusCodes.Status410Gone),
        _ => TypedResults.Problem(title: t["Api_Conflict"], detail: Message, statusCode: StatusCodes.Status409Conflict),
    };

    /// <summary>The API's answer with the value itself as the 200 body.</summary>
    public Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToResult(IStringLocalizer t) => ToResult(TypedResults.Ok, t);

    /// <summary>
    /// The page's answer: success goes to <paramref name="ok"/> (usually a redirect: post-redirect-get), not found is the
    /// 404 page; field errors go into the page's ModelState under <paramref name="prefix"/> and a conflict's message to
    /// <paramref name="conflict"/>, and then the page is shown again (<paramref name="again"/>) with everything the user typed.
    /// </summary>
    public async Task<IActionResult> ToPageResultAsync(
        PageModel page, Func<T, IActionResult> ok, Func<Task<IActionResult>> again, string prefix = "", Action<string?>? conflict = null)
    {
        switch (Kind)
        {
            case OutcomeKind.Ok:
                return ok(Value!);
            case OutcomeKind.NotFound:
                return page.NotFound();
            case OutcomeKind.Gone:
                return page.StatusCode(StatusCodes.Status410Gone);
            case OutcomeKind.Invalid:
                Errors!.AddTo(page.ModelState, prefix);
                break;
            default:
                conflict?.Invoke(Message);
                break;
        }

        return await again();
    }
}

/// <summary>The API's problem answers that are not a use case's outcome.</summary>
public static class ApiProblems
{
    /// <summary>404 as a problem with a localized title: also what a user gets for something they may not see.</summary>
    public static ProblemHttpResult NotFound(IStringLocalizer t) => TypedResults.Problem(title: t["Api_NotFound"], statusCode: StatusCodes.Status404NotFound);
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
