using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Departments;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Shared;

/// <summary>
/// Issue 20's robustness rules for every API request (ApiRequestRules): query values have ranges, a PUT sends every
/// member, a change to an existing record sends its version; and a black-box fuzz over the OpenAPI document's parameters.
/// </summary>
[Trait("Category", "Integration")]
public abstract partial class ApiRequestRulesTests(MeldrouteAppFactory app)
{
    [Theory]
    [InlineData("/api/figures?Year=-1", "Year")]
    [InlineData("/api/figures?Year=0", "Year")]
    [InlineData("/api/figures/export?Year=-1", "Year")]
    [InlineData("/api/signals?OlderThanDays=2147483647", "OlderThanDays")]
    [InlineData("/api/signals?OlderThanDays=3000000", "OlderThanDays")]
    [InlineData("/api/signals?Page=0", "Page")]
    [InlineData("/api/signals?Status=99", "Status")]
    [InlineData("/api/audit/events?From=0001-01-01", "From")]
    [InlineData("/api/agenda?Level=9", "Level")]
    [InlineData("/api/agenda?Year=1999", "Year")]
    [InlineData("/api/framework?level=-3", "Level")]
    [InlineData("/api/training?page=-1", "page")]
    public async Task A_query_value_out_of_range_is_a_400_validation_problem_naming_the_parameter(string url, string parameter)
    {
        var role = url switch
        {
            _ when url.StartsWith("/api/audit", StringComparison.Ordinal) => Roles.PrivacyOfficer,
            _ when url.StartsWith("/api/signals", StringComparison.Ordinal) => Roles.SpecialistOfficer,
            _ when url.StartsWith("/api/figures", StringComparison.Ordinal) => Roles.SpecialistOfficer,
            _ => Roles.PolicyAdvisor,
        };
        using var client = await app.CreateApiClientAsync(await app.CreateAsync(role));

        var problem = await (await client.GetAsync(url)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Single(problem.GetProperty("errors").EnumerateObject(), e => e.Name == parameter);
        Assert.Equal("Eén of meer velden zijn niet goed ingevuld", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_PUT_without_every_member_changes_nothing_and_names_what_is_missing()
    {
        using var advisor = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PolicyAdvisor));
        var blocks = (await (await advisor.GetAsync("/api/framework")).JsonAsync(HttpStatusCode.OK)).GetProperty("blocks");
        var block = blocks[0];
        var id = block.GetProperty("id").GetInt32();
        var version = block.GetProperty("version").GetString();
        await (await advisor.PutAsJsonAsync($"/api/framework/{id}", new { version, status = "DoesNotMeet", explanation = "Geen capaciteit.", lacksNationalFunding = true, activityIds = Array.Empty<int>() }))
            .JsonAsync(HttpStatusCode.OK);
        var saved = (await (await advisor.GetAsync("/api/framework")).JsonAsync(HttpStatusCode.OK)).GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("id").GetInt32() == id);

        var empty = await (await advisor.PutAsJsonAsync($"/api/framework/{id}", new { })).JsonAsync(HttpStatusCode.BadRequest);
        var versionOnly = await (await advisor.PutAsJsonAsync($"/api/framework/{id}", new { version = saved.GetProperty("version").GetString() })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["ActivityIds", "Explanation", "LacksNationalFunding", "Status", "Version"], empty.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["ActivityIds", "Explanation", "LacksNationalFunding", "Status"], versionOnly.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("Dit veld ontbreekt.", versionOnly.GetProperty("errors").GetProperty("Status")[0].GetString(), StringComparison.Ordinal);
        var after = (await (await advisor.GetAsync("/api/framework")).JsonAsync(HttpStatusCode.OK)).GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("id").GetInt32() == id);
        Assert.Equal(saved.GetRawText(), after.GetRawText());

        // Sent empty on purpose (null) is a value: the assessment is cleared.
        await (await advisor.PutAsJsonAsync($"/api/framework/{id}", new { version = saved.GetProperty("version").GetString(), status = (string?)null, explanation = (string?)null, lacksNationalFunding = false, activityIds = Array.Empty<int>() }))
            .JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_PUT_of_a_department_s_staff_without_its_members_is_refused_and_keeps_the_number()
    {
        int departmentId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            var department = new Department { Name = "Publiekszaken " + Guid.NewGuid().ToString("N")[..6], HasPublicContact = true, PublicContactEmployees = 12 };
            db.Departments.Add(department);
            await db.SaveChangesAsync();
            departmentId = department.Id;
        }

        using var advisor = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PolicyAdvisor));
        var staff = (await (await advisor.GetAsync("/api/training")).JsonAsync(HttpStatusCode.OK)).GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("id").GetInt32() == departmentId);

        var empty = await (await advisor.PutAsJsonAsync($"/api/training/departments/{departmentId}", new { })).JsonAsync(HttpStatusCode.BadRequest);
        var noNumber = await (await advisor.PutAsJsonAsync($"/api/training/departments/{departmentId}", new { version = staff.GetProperty("version").GetString() })).JsonAsync(HttpStatusCode.BadRequest);
        var nullVersion = await (await advisor.PutAsJsonAsync($"/api/training/departments/{departmentId}", new { version = (string?)null, publicContactEmployees = 3 })).JsonAsync(HttpStatusCode.PreconditionRequired);

        Assert.True(empty.GetProperty("errors").TryGetProperty("PublicContactEmployees", out _));
        Assert.True(empty.GetProperty("errors").TryGetProperty("Version", out _));
        Assert.Equal(["PublicContactEmployees"], noNumber.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("Versie ontbreekt", nullVersion.GetProperty("title").GetString());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().Departments.AsNoTracking().SingleAsync(d => d.Id == departmentId);
            Assert.Equal(12, stored.PublicContactEmployees);
        }
    }

    [Fact]
    public async Task Closing_a_forwarded_signal_without_its_version_is_a_428_and_leaves_it_forwarded()
    {
        var (reporter, officer, member, _) = await app.ActorsAsync();
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Zonder versie sluiten."))).GetProperty("id").GetString()!;
        var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id);
        await app.ForwardAsync(officer, id, victimRoute, perpetratorRoute);

        var problem = await (await officer.PostAsJsonAsync($"/api/signals/{id}/close", new { })).JsonAsync(HttpStatusCode.PreconditionRequired);
        var feedback = await (await officer.PostAsJsonAsync($"/api/signals/{id}/feedback", new { })).JsonAsync(HttpStatusCode.PreconditionRequired);

        Assert.Equal("Versie ontbreekt", problem.GetProperty("title").GetString());
        Assert.Equal(428, feedback.GetProperty("status").GetInt32());
        Assert.Equal("Forwarded", (await officer.GetSignalAsync(id)).GetProperty("status").GetString());
    }

    /// <summary>
    /// The black-box fuzz: every parameter (path, query, header) of every operation in the app's OpenAPI document gets
    /// out-of-range, wrong-type, huge and hostile values, one parameter at a time, sent by a role allowed to call the
    /// operation (AuthorizationMatrix). No answer may be a 5xx; every integer query value far out of range is a 400.
    /// </summary>
    [Fact]
    public async Task Hostile_values_in_every_parameter_of_every_operation_never_give_a_5xx()
    {
        using var anonymous = app.CreateClient();
        var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement;
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in Roles.All)
        {
            tokens[role] = await app.GetAccessTokenAsync(await app.CreateAsync(role));
        }

        var access = AuthorizationMatrix.Table.ToDictionary(row => RouteParameter().Replace(row.Key, "{$1}"), row => row.Value, StringComparer.Ordinal);
        var failures = new List<string>();
        var sent = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                var method = operation.Name.ToUpperInvariant();
                if (!access.TryGetValue($"{method} {path.Name}", out var allowed) || allowed.Kind == "not-exposed")
                {
                    continue;
                }

                var token = allowed.Kind == "roles" ? tokens[allowed.Roles.Order(StringComparer.Ordinal).First()] : tokens[Roles.Administrator];
                var parameters = operation.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                var hasBody = operation.Value.TryGetProperty("requestBody", out _);
                foreach (var parameter in parameters)
                {
                    var name = parameter.GetProperty("name").GetString()!;
                    var location = parameter.GetProperty("in").GetString()!;
                    var schema = Resolve(document, parameter.GetProperty("schema"));
                    // A NUL in the path never reaches the app (the server refuses the request line; the test host throws).
                    foreach (var value in HostileValues(schema).Where(v => location != "path" || !v.Contains('\0', StringComparison.Ordinal)))
                    {
                        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
                        using var request = new HttpRequestMessage(new HttpMethod(method), Url(path.Name, parameters, document, name, location == "header" ? null : value));
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        if (location == "header")
                        {
                            request.Headers.TryAddWithoutValidation(name, value);
                        }

                        if (hasBody)
                        {
                            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                        }

                        using var response = await client.SendAsync(request);
                        sent++;
                        var where = $"{method} {path.Name} {location} {name}={(value.Length > 40 ? value[..40] + "…" : value)}";
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{where}: {(int)response.StatusCode}");
                        }
                        else if (location == "query" && IsInteger(schema) && value is "-2147483648" or "2147483647" && response.StatusCode != HttpStatusCode.BadRequest)
                        {
                            failures.Add($"{where}: {(int)response.StatusCode}, expected 400 (no range)");
                        }
                    }
                }
            }
        }

        Assert.True(sent > 500, $"Only {sent} requests were sent: the OpenAPI document or the matrix were not read.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile requests failed:\n" + string.Join("\n", failures));
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    private static bool IsInteger(JsonElement schema) =>
        schema.TryGetProperty("type", out var type)
        && (type.ValueKind == JsonValueKind.String ? type.GetString() == "integer" : type.EnumerateArray().Any(t => t.GetString() == "integer"));

    private static readonly string Huge = new('9', 5_000);

    private static IEnumerable<string> HostileValues(JsonElement schema)
    {
        string[] always = ["", " ", new string('A', 5_000), "\u202Eevil", "\0", "../../etc/passwd", "' OR '1'='1' --", "%", "{{7*7}}", "😀"];
        if (IsInteger(schema))
        {
            return [.. always, "-1", "0", "-2147483648", "2147483647", "2147483648", "-9223372036854775809", Huge, "1.5", "1e9", "0x10", "abc", "NaN"];
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return [.. always, "Nope", "0", "-1", "99", "2147483647", "Sexual,Nope", "sexual", Huge];
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return format switch
        {
            "uuid" => [.. always, "not-a-guid", Guid.Empty.ToString(), Guid.NewGuid().ToString("N") + "0"],
            "date" => [.. always, "0001-01-01", "9999-12-31", "2026-02-30", "-2026-01-01", "gisteren"],
            _ when schema.TryGetProperty("type", out var type) && type.GetString() == "boolean" => [.. always, "maybe", "2", "-1"],
            _ => always,
        };
    }

    /// <summary>The operation's path with plausible values for its path parameters and the one under test set to <paramref name="value"/>.</summary>
    private static string Url(string template, IReadOnlyList<JsonElement> parameters, JsonElement document, string name, string? value)
    {
        var path = template;
        var query = new List<string>();
        foreach (var parameter in parameters)
        {
            var own = parameter.GetProperty("name").GetString()!;
            var location = parameter.GetProperty("in").GetString();
            if (location == "path")
            {
                var schema = Resolve(document, parameter.GetProperty("schema"));
                var plausible = IsInteger(schema) ? "1" : schema.TryGetProperty("format", out var f) && f.GetString() == "uuid" ? Guid.NewGuid().ToString() : "onbekend";
                path = path.Replace("{" + own + "}", Uri.EscapeDataString(own == name && value is not null ? value : plausible), StringComparison.Ordinal);
            }
            else if (location == "query" && own == name && value is not null)
            {
                query.Add($"{Uri.EscapeDataString(own)}={Uri.EscapeDataString(value)}");
            }
        }

        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}

public sealed class ApiRequestRulesTestsOnSqlite(SqliteApp app) : ApiRequestRulesTests(app), IClassFixture<SqliteApp>;

public sealed class ApiRequestRulesTestsOnPostgres(PostgresApp app) : ApiRequestRulesTests(app), IClassFixture<PostgresApp>;
