namespace Meldroute.Web.Infrastructure.Security;

/// <summary>Marks an endpoint that a library maps but Meldroute does not offer (such as self-registration).</summary>
public sealed class NotExposedAttribute : Attribute;

/// <summary>Answers 404 for endpoints marked <see cref="NotExposedAttribute"/>, before authentication runs.</summary>
internal sealed class NotExposedEndpointMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<NotExposedAttribute>() is not null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
