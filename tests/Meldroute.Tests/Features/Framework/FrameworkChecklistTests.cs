using System.Net;
using System.Net.Http.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Framework;

/// <summary>The VNG framework checklist: reference data from vng-kader.csv, assessed per block, summarised per theme and plateau.</summary>
[Trait("Category", "Integration")]
public abstract class FrameworkChecklistTests(Database database)
{
    [Fact]
    public async Task Every_installation_has_the_building_blocks_and_the_policy_advisor_assesses_them_against_the_2026_target()
    {
        using var app = new MeldrouteAppFactory(database);
        var advisorUser = await app.CreateAsync(Roles.PolicyAdvisor);
        var advisor = await app.CreateApiClientAsync(advisorUser);

        var checklist = await (await advisor.GetAsync("/api/framework")).JsonAsync(HttpStatusCode.OK);
        var blocks = checklist.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(File.ReadAllLines(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Meldroute.Web/Seed/vng-kader.csv"))).Count(l => l.Length > 0) - 1, blocks.Count);
        var basis = checklist.GetProperty("summary").EnumerateArray().Single(s => s.GetProperty("theme").GetString() == "Beleidsmatige basis" && s.GetProperty("plateau").GetInt32() == 1);
        Assert.Equal(3, basis.GetProperty("total").GetInt32());
        Assert.Equal(3, basis.GetProperty("notAssessed").GetInt32());
        Assert.Equal(75, basis.GetProperty("target").GetInt32());
        Assert.False(basis.GetProperty("onTarget").GetBoolean());

        var activity = await (await advisor.PostAsJsonAsync("/api/agenda", new { title = "Plan van aanpak vaststellen", goals = new[] { "PolicyBasis" }, level = 2, status = "Done" })).JsonAsync(HttpStatusCode.Created);
        var activityId = activity.GetProperty("id").GetInt32();
        var policy = blocks.Single(b => b.GetProperty("name").GetString()!.StartsWith("Vastgesteld beleid", StringComparison.Ordinal));
        var processes = blocks.Single(b => b.GetProperty("name").GetString()!.StartsWith("Werkprocessen vastgesteld", StringComparison.Ordinal));
        var saved = await (await advisor.PutAsJsonAsync($"/api/framework/{policy.GetProperty("id").GetInt32()}",
            new { version = policy.GetProperty("version").GetString(), status = "Meets", explanation = "Plan vastgesteld door de raad.", lacksNationalFunding = false, activityIds = new[] { activityId } })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Plan van aanpak vaststellen", saved.GetProperty("activities")[0].GetProperty("title").GetString());
        await (await advisor.PutAsJsonAsync($"/api/framework/{processes.GetProperty("id").GetInt32()}",
            new { version = processes.GetProperty("version").GetString(), status = "DoesNotMeet", explanation = "Geen capaciteit.", lacksNationalFunding = true, activityIds = Array.Empty<int>() })).JsonAsync(HttpStatusCode.OK);

        // Stale version, bad input: 409 and Dutch field messages.
        var stale = await (await advisor.PutAsJsonAsync($"/api/framework/{policy.GetProperty("id").GetInt32()}",
            new { version = policy.GetProperty("version").GetString(), status = "Partly", explanation = "x", lacksNationalFunding = false, activityIds = Array.Empty<int>() })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("is intussen door iemand anders gewijzigd", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var bad = await (await advisor.PutAsJsonAsync($"/api/framework/{processes.GetProperty("id").GetInt32()}",
            new { version = Guid.NewGuid(), status = "Partly", explanation = (string?)null, lacksNationalFunding = false, activityIds = new[] { 99999 } })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Vul dit veld in.", bad.GetProperty("errors").GetProperty("Explanation")[0].GetString());
        Assert.True(bad.GetProperty("errors").TryGetProperty("ActivityIds", out _));
        var funding = await (await advisor.PutAsJsonAsync($"/api/framework/{processes.GetProperty("id").GetInt32()}", new { version = Guid.NewGuid(), status = "Meets", explanation = (string?)null, lacksNationalFunding = true, activityIds = Array.Empty<int>() })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Gebrek aan rijksmiddelen past alleen", funding.GetProperty("errors").GetProperty("LacksNationalFunding")[0].GetString(), StringComparison.Ordinal);
        var badStatus = await (await advisor.PutAsJsonAsync($"/api/framework/{processes.GetProperty("id").GetInt32()}", new { version = Guid.NewGuid(), status = "Misschien", explanation = (string?)null, lacksNationalFunding = false, activityIds = Array.Empty<int>() })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(badStatus.GetProperty("errors").TryGetProperty("Status", out _));

        var after = await (await advisor.GetAsync("/api/framework")).JsonAsync(HttpStatusCode.OK);
        basis = after.GetProperty("summary").EnumerateArray().Single(s => s.GetProperty("theme").GetString() == "Beleidsmatige basis" && s.GetProperty("plateau").GetInt32() == 1);
        Assert.Equal(1, basis.GetProperty("meets").GetInt32());
        Assert.Equal(1, basis.GetProperty("doesNotMeet").GetInt32());
        Assert.Equal(1, basis.GetProperty("lackOfFunding").GetInt32());
        Assert.Equal(33, basis.GetProperty("score").GetInt32());

        // Filter per investment level: only blocks with activities at that level.
        var level2 = await (await advisor.GetAsync("/api/framework?level=2")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([policy.GetProperty("id").GetInt32()], level2.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("id").GetInt32()));
        await (await advisor.GetAsync("/api/framework?level=9")).JsonAsync(HttpStatusCode.BadRequest);

        var browser = await app.SignInAsync(advisorUser);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/Framework"));
        Assert.Contains("Geen rijksmiddelen: geen knaken, geen taken", page, StringComparison.Ordinal);
        Assert.Contains("Onder het doel (75%)", page, StringComparison.Ordinal);
        var form = await browser.PostFormAsync($"/Framework/Block/{processes.GetProperty("id").GetInt32()}", new Dictionary<string, string> { ["Input.Status"] = "Partly" });
        Assert.Matches("id=\"Input_Explanation-error\"[^>]*><p class=\"utrecht-paragraph\">Vul dit veld in.", WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync()));

        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents.CountAsync(e => e.Action == "framework.block.updated"));
    }
}

public sealed class FrameworkChecklistTestsOnSqlite() : FrameworkChecklistTests(Database.Sqlite);

public sealed class FrameworkChecklistTestsOnPostgres() : FrameworkChecklistTests(Database.Postgres);
