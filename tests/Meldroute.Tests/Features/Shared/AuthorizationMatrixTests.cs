using System.Net;
using System.Net.Http.Headers;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Shared;

/// <summary>
/// Walks every endpoint the app maps × anonymous, every role and an account without two-factor, with real
/// bearer tokens, and proves the outcome is exactly what <see cref="AuthorizationMatrix.Table"/> declares.
/// </summary>
[Trait("Category", "Integration")]
public abstract class AuthorizationMatrixTests(MeldrouteAppFactory app)
{
    private const string Anonymous = "(anonymous)";
    private const string Unenrolled = "(no second factor)";

    /// <summary>Static files are public by design and many; they are recognised by their metadata, not listed.</summary>
    private static bool IsStaticAsset(Endpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");

    internal static IReadOnlyList<(string Key, string Method, string Path, bool AcceptsForm)> MappedEndpoints(IServiceProvider services)
    {
        var result = new List<(string, string, string, bool)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (IsStaticAsset(endpoint))
            {
                continue;
            }

            var pattern = "/" + endpoint.RoutePattern.RawText?.Trim('/');
            var path = System.Text.RegularExpressions.Regex.Replace(
                    System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[A-Za-z]+:guid\}", Guid.Empty.ToString()), @"\{[A-Za-z]+:int\??\}", "0")
                .Replace("{documentName}", "v1", StringComparison.Ordinal).Replace("{**path:file}", "no-such-file.txt", StringComparison.Ordinal);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (methods is null || methods.Count == 0)
            {
                result.Add(($"ANY {pattern}", "GET", path, false));
            }
            else
            {
                var form = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("application/x-www-form-urlencoded") == true;
                result.AddRange(methods.Select(m => ($"{m} {pattern}", m, path, form)));
            }
        }

        return result;
    }

    [Fact]
    public void Every_mapped_endpoint_has_a_row_in_the_declared_table_and_every_row_is_mapped()
    {
        var mapped = MappedEndpoints(app.Services).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var missing = mapped.Where(k => !AuthorizationMatrix.Table.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var stale = AuthorizationMatrix.Table.Keys.Where(k => !mapped.Contains(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Endpoints without a row in AuthorizationMatrix.Table: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows in AuthorizationMatrix.Table for endpoints the app does not map: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_role_and_anonymous_reach_exactly_what_the_table_declares_and_every_denial_is_audited()
    {
        var principals = new Dictionary<string, string?> { [Anonymous] = null };
        foreach (var role in Roles.All)
        {
            principals[role] = await app.GetAccessTokenAsync(await app.CreateAsync(role));
        }

        principals[Unenrolled] = await app.GetAccessTokenAsync(await app.CreateAsync(Roles.SpecialistOfficer, enrolTwoFactor: false));

        var deniedBefore = await CountDenialsAsync();
        var denials = 0;
        var wrong = new List<string>();
        foreach (var (key, method, path, acceptsForm) in MappedEndpoints(app.Services))
        {
            if (!AuthorizationMatrix.Table.TryGetValue(key, out var access))
            {
                continue; // reported by the other test
            }

            foreach (var (principal, token) in principals)
            {
                using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = acceptsForm
                        ? new FormUrlEncodedContent(new Dictionary<string, string>())
                        : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var outcome = Classify(response, access);
                var expected = Expect(access, principal);
                if (outcome == Outcome.Denied)
                {
                    denials++;
                }

                if (outcome != expected)
                {
                    wrong.Add($"{key} as {principal}: expected {expected}, got {outcome} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        Assert.True(wrong.Count == 0, "Access differs from AuthorizationMatrix.Table:\n" + string.Join("\n", wrong));
        Assert.Equal(deniedBefore + denials, await CountDenialsAsync());
    }

    private async Task<int> CountDenialsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents.CountAsync(e => e.Action == "access.denied");
    }

    private enum Outcome
    {
        Allowed,
        Denied,
        NotExposed,
    }

    private static Outcome Expect(Access access, string principal) => access.Kind switch
    {
        "public" => Outcome.Allowed,
        "not-exposed" => Outcome.NotExposed,
        "enrolment" => principal == Anonymous ? Outcome.Denied : Outcome.Allowed,
        _ => principal != Anonymous && principal != Unenrolled && access.Roles.Contains(principal) ? Outcome.Allowed : Outcome.Denied,
    };

    /// <summary>
    /// Denied is a 401/403, or the cookie handler's redirect to sign-in or access-denied (which carries a ReturnUrl,
    /// unlike a page's own redirect). Not exposed is the 404 of <c>NotExposedEndpointMiddleware</c>. Anything else
    /// passed authorization (a 400 for an empty body or a 404 for a missing file included).
    /// </summary>
    private static Outcome Classify(HttpResponseMessage response, Access access)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/Account/Login?ReturnUrl=", StringComparison.Ordinal) || location.Contains("/Account/AccessDenied?ReturnUrl=", StringComparison.Ordinal))))
        {
            return Outcome.Denied;
        }

        return response.StatusCode == HttpStatusCode.NotFound && access.Kind == "not-exposed" ? Outcome.NotExposed : Outcome.Allowed;
    }
}

public sealed class AuthorizationMatrixTestsOnSqlite(SqliteApp app) : AuthorizationMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class AuthorizationMatrixTestsOnPostgres(PostgresApp app) : AuthorizationMatrixTests(app), IClassFixture<PostgresApp>;
