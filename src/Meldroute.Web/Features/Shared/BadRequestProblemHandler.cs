using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Shared;

/// <summary>
/// Malformed JSON, unknown enum values and unreadable parameters on the API become a 400 problem with a Dutch
/// message, not a 500 and not the HTML error page. The exception's own text is never echoed: it may quote input.
/// </summary>
internal sealed class BadRequestProblemHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> t) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || !httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = t["Api_BadRequest"],
                Detail = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? t["Api_JsonOnly"] : t["Api_BadRequestDetail"],
            },
        });
    }
}
