using System.Net;
using System.Net.Http.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Tests.Features.Account;

/// <summary>Guessing passwords, codes or hand-over link tokens and flooding the intake run into 429 with a Dutch message.</summary>
[Trait("Category", "Integration")]
public sealed class RateLimitTests
{
    private static MeldrouteAppFactory App(Database database) => new(database, settings: new Dictionary<string, string?>
    {
        ["RateLimits:SignInPerMinute"] = "3",
        ["RateLimits:IntakePerMinute"] = "2",
        ["RateLimits:HandoverLinkPerMinute"] = "3",
    });

    [Theory]
    [InlineData(Database.Sqlite)]
    [InlineData(Database.Postgres)]
    public async Task The_token_endpoint_refuses_the_fourth_attempt_in_a_minute_with_a_Dutch_problem(Database database)
    {
        using var app = App(database);
        using var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = "a@b.nl", password = "fout" })).StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/auth/login", new { email = "a@b.nl", password = "fout" });

        var problem = await refused.JsonAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Te veel verzoeken", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_sign_in_form_is_limited_but_showing_it_is_not()
    {
        using var app = App(Database.Sqlite);
        var browser = app.CreateBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await browser.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "a@b.nl", ["Input.Password"] = "fout" })).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var refused = await browser.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "a@b.nl", ["Input.Password"] = "fout" });

        var html = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.TooManyRequests, html[..Math.Min(html.Length, 3000)]);
        Assert.Contains("Te veel verzoeken", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task A_user_cannot_flood_the_intake()
    {
        using var app = App(Database.Sqlite);
        // The token is fetched before the sign-in limit matters: one sign-in.
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        await reporter.SubmitAsync(ProcedureApi.NewSignal("Eerste signaal binnen de limiet van de intake, bij een uitzendbureau."));
        await reporter.SubmitAsync(ProcedureApi.NewSignal("Tweede signaal binnen de limiet van de intake, bij een uitzendbureau."));

        var refused = await reporter.PostAsJsonAsync("/api/signals", ProcedureApi.NewSignal("Derde signaal in dezelfde minuut, dat wordt geweigerd."));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Trying_hand_over_link_tokens_is_limited_on_the_page_and_the_API()
    {
        using var app = App(Database.Sqlite);
        using var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/overdracht/", "/api/handover/", "/overdracht/" })
        {
            statuses.Add((await client.GetAsync(path + Meldroute.Web.Features.Forwarding.HandoverLinks.NewToken())).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/handover/" + Meldroute.Web.Features.Forwarding.HandoverLinks.NewToken())).StatusCode);
    }
}
