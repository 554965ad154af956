using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features;

/// <summary>
/// Error and status pages (re-executed by the exception handler and status-code pages). API paths get RFC 9457
/// problem details instead of HTML. Never shows exception details: only a reference to find the log entry.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    public string? CorrelationId { get; private set; }

    public IActionResult OnGet() => Render();

    public IActionResult OnPost() => Render();

    public IActionResult OnPut() => Render();

    public IActionResult OnDelete() => Render();

    private IActionResult Render()
    {
        // Read by hand: any model binding would touch the form of a re-executed POST that failed antiforgery validation.
        int? status = int.TryParse(Request.Query["status"], out var parsed) ? parsed : null;
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var code = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            not null => StatusCodes.Status500InternalServerError,
            _ => status ?? StatusCodes.Status500InternalServerError,
        };
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? "";
        CorrelationId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        (Title, Message) = code switch
        {
            StatusCodes.Status404NotFound => (t["Error_NotFound_Title"].Value, t["Error_NotFound_Text"].Value),
            StatusCodes.Status400BadRequest => (t["Error_BadRequest_Title"].Value, t["Error_BadRequest_Text"].Value),
            StatusCodes.Status403Forbidden => (t["Error_Forbidden_Title"].Value, t["Error_Forbidden_Text"].Value),
            StatusCodes.Status429TooManyRequests => (t["Error_TooMany_Title"].Value, t["Error_TooMany_Text"].Value),
            >= 500 => (t["Error_Server_Title"].Value, t["Error_Server_Text"].Value),
            _ => (t["Error_Other_Title"].Value, t["Error_Other_Text"].Value),
        };

        if (originalPath.StartsWith("/api", StringComparison.Ordinal))
        {
            if (exception is BadHttpRequestException)
            {
                (Title, Message) = (t["Api_BadRequest"].Value, t[code == StatusCodes.Status415UnsupportedMediaType ? "Api_JsonOnly" : "Api_BadRequestDetail"].Value);
            }

            var problem = new ProblemDetails { Status = code, Title = Title, Detail = Message };
            problem.Extensions["traceId"] = CorrelationId;
            return new ObjectResult(problem) { StatusCode = code, ContentTypes = { "application/problem+json" } };
        }

        Response.StatusCode = code;
        return Page();
    }
}
