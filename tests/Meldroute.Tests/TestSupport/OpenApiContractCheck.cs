using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Meldroute.Tests.TestSupport;

/// <summary>
/// Checks every API response of a test app against the app's own OpenAPI document, in front of the app's whole
/// pipeline (so also its error pages' problems, rate limits and sign-in challenges): the response is held back until
/// checked, and one that does not keep to the document is not sent but thrown (<see cref="OpenApiContractViolation"/>),
/// which the test server hands to the test's request, failing the test with the operation and the mismatch.
/// </summary>
public sealed class OpenApiContractCheck
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private OpenApiContract? contract;

    /// <summary>The document responses are checked against; the app's own unless a test sets another.</summary>
    public OpenApiContract? Contract
    {
        get => contract;
        set => contract = value;
    }

    /// <summary>How many responses were checked, for the test that shows the check runs.</summary>
    public int Checked => checkedCount;

    private int checkedCount;

    public IStartupFilter StartupFilter() => new Filter(this);

    private async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        var held = new StreamResponseBodyFeature(buffer, original);
        context.Features.Set<IHttpResponseBodyFeature>(held);
        try
        {
            await next(context);
            await held.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        // Plain HTTP is sent to HTTPS before it reaches the API (outside Development): the transport's redirect, not an
        // answer of the operation.
        if (!context.Request.IsHttps && context.Response.StatusCode is StatusCodes.Status307TemporaryRedirect or StatusCodes.Status308PermanentRedirect)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original.Stream, context.RequestAborted);
            return;
        }

        var document = await LoadAsync(context.RequestServices, context.RequestAborted);
        var violation = document.Check(context.Request.Method, context.Request.Path.Value!, context.Response.StatusCode, context.Response.ContentType, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        Interlocked.Increment(ref checkedCount);
        if (violation is not null)
        {
            throw new OpenApiContractViolation(violation);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original.Stream, context.RequestAborted);
    }

    private async Task<OpenApiContract> LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (contract is { } loaded)
        {
            return loaded;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            if (contract is null)
            {
                // The document /openapi/v1.json serves, made by the same provider.
                var document = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1").GetOpenApiDocumentAsync(cancellationToken);
                await using var text = new StringWriter(CultureInfo.InvariantCulture);
                document.SerializeAsV31(new OpenApiJsonWriter(text));
                contract = OpenApiContract.Parse(text.ToString());
            }

            return contract;
        }
        finally
        {
            loading.Release();
        }
    }

    private sealed class Filter(OpenApiContractCheck check) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) => check.InvokeAsync(context, following));
            next(app);
        };
    }
}
