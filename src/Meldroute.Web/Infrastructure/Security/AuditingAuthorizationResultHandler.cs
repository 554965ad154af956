using Microsoft.AspNetCore.Routing;
using Meldroute.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>Writes every denied access decision to the audit log, then lets the default handler answer (401/403/redirect).</summary>
internal sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged || authorizeResult.Forbidden)
        {
            var endpoint = context.GetEndpoint() as RouteEndpoint;
            // The route pattern, not the URL: the pattern names the endpoint without any value a user put in it.
            var target = $"{context.Request.Method} /{endpoint?.RoutePattern.RawText?.TrimStart('/')}";
            var audit = context.RequestServices.GetRequiredService<AuditTrail>();
            await audit.RecordAsync(new AuditEntry(
                "access.denied",
                AuditOutcome.Denied,
                "endpoint",
                target,
                authorizeResult.Challenged ? "not-signed-in" : "forbidden"),
                context.RequestAborted);
        }

        // A page refused only because the one-time password is still in use leads to changing it, then back.
        if (authorizeResult.Forbidden
            && context.User.HasClaim(PasswordChangedRequirement.MustChangeClaim, "true")
            && !context.Request.Path.StartsWithSegments("/api")
            && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Redirect("/Account/ChangePassword?ReturnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
            return;
        }

        await inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
