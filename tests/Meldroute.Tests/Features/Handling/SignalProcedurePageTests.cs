using System.Net;
using System.Text.RegularExpressions;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Tests.Features.Handling;

/// <summary>
/// The signal's page as a guided procedure (issue 19 item 2), as the server renders it: a status bar with the current
/// step, one panel with the next action that names the balancing of interests before forwarding and says why
/// forwarding is blocked, the current step's section open and the others folded, messages that name the route that
/// was saved; GetSignal gives the same next action to API clients.
/// </summary>
[Trait("Category", "Integration")]
public abstract partial class SignalProcedurePageTests(MeldrouteAppFactory app)
{
    private const string Victim = "Slachtofferspoor (zorgcoördinatie)";
    private const string Perpetrator = "Daderspoor (RIEC, Zorg- en Veiligheidshuis)";

    private static async Task<string> HtmlAsync(HttpClient page, string url)
    {
        var response = await page.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static string Panel(string html) => NextActionPanel().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("No next-action panel on the page.");

    private static string CurrentStep(string html) => Assert.Single(CurrentStepItem().Matches(html)).Groups[1].Value;

    private static bool Opens(string html, string section) => html.Contains($"<details class=\"mr-step\" id=\"{section}\" open=\"open\">", StringComparison.Ordinal);

    [Fact]
    public async Task A_received_signal_opens_on_its_analysis_with_the_report_and_the_timeline_at_hand()
    {
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officer = await app.CreateAsync(Roles.SpecialistOfficer);
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Vrouw wordt elke ochtend met een busje opgehaald bij de vakantiewoning en 's nachts teruggebracht."))).GetProperty("id").GetString()!;

        var html = await HtmlAsync(await app.SignInAsync(officer), $"/Handling/Signal/{id}");

        Assert.Equal("Analysis", CurrentStep(html));
        var panel = Panel(html);
        Assert.Contains("Volgende stap: eerste analyse vastleggen", panel, StringComparison.Ordinal);
        Assert.Contains("href=\"#analysis-title\"", panel, StringComparison.Ordinal);
        Assert.Contains("href=\"#timeline-list\"", panel, StringComparison.Ordinal);
        Assert.True(Opens(html, "section-reported") && Opens(html, "section-analysis"));
        Assert.Contains("<details class=\"mr-step\" id=\"timeline\">", html, StringComparison.Ordinal);
        // Every step is in the bar, in the order of the procedure.
        Assert.Equal(["Received", "Analysis", "CaseTable", "Decision", "BalancingOfInterests", "HandOver", "Closing"], StepItem().Matches(html).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task A_decided_signal_names_the_balancing_before_forwarding_and_says_why_forwarding_is_blocked()
    {
        var (reporter, officer, member, _) = await app.ActorsAsync();
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var signal = await reporter.SubmitAsync(ProcedureApi.NewSignal("Jongen van zestien bezorgt dag en nacht pakketjes voor een man die zijn paspoort bewaart."));
        var (id, reference) = (signal.GetProperty("id").GetString()!, signal.GetProperty("reference").GetString()!);
        var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id);
        var (care, riec) = await app.EnsurePartnersAsync();
        var page = await app.SignInAsync(officerUser);

        var html = await HtmlAsync(page, $"/Handling/Signal/{id}");

        Assert.Equal("BalancingOfInterests", CurrentStep(html));
        Assert.True(html.IndexOf("data-step=\"BalancingOfInterests\"", StringComparison.Ordinal) < html.IndexOf("data-step=\"HandOver\"", StringComparison.Ordinal));
        var panel = Panel(html);
        Assert.Contains("Volgende stap: belangenafweging vastleggen", panel, StringComparison.Ordinal);
        Assert.Contains($"Leg eerst per route de belangenafweging vast voor {Victim} en {Perpetrator}", panel, StringComparison.Ordinal);
        Assert.Contains("<strong>Geblokkeerd:</strong>", panel, StringComparison.Ordinal);
        Assert.Contains($"Doorzetten kan pas als de belangenafweging is vastgelegd: zonder afweging die het delen rechtvaardigt gaat er niets naar een partner ({Victim} en {Perpetrator}).", panel, StringComparison.Ordinal);
        Assert.True(panel.IndexOf("belangenafweging", StringComparison.OrdinalIgnoreCase) < panel.IndexOf("Doorzetten", StringComparison.Ordinal), panel);
        Assert.Contains($"href=\"#route-{victimRoute}-title\"", panel, StringComparison.Ordinal);
        // The routes are open, the report and the analysis folded; nothing offers forwarding yet.
        Assert.True(Opens(html, "section-routes"));
        Assert.False(Opens(html, "section-reported") || Opens(html, "section-analysis"));
        Assert.DoesNotContain("Doorzetten bevestigen", html, StringComparison.Ordinal);

        // The victim track's balancing through the page: the message names the route and the signal.
        var posted = await page.PostFormAsync($"/Handling/Signal/{id}", new Dictionary<string, string>
        {
            ["Version"] = await officer.VersionAsync(id), ["Balancing.RouteId"] = victimRoute, ["Balancing.RecipientPartnerId"] = care.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Balancing.Categories"] = "VictimIdentity", ["Balancing.WeighedBy"] = "aandachtsfunctionaris en zorgcoördinator", ["Balancing.Purpose"] = "zorg", ["Balancing.Necessity"] = "n",
            ["Balancing.Proportionality"] = "p", ["Balancing.Subsidiarity"] = "s", ["Balancing.SharingJustified"] = "true", ["Balancing.Outcome"] = "delen gerechtvaardigd",
        }, $"/Forwarding/Forward/{id}?handler=Balancing");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/Handling/Signal/{id}?done=Balancing&route={victimRoute}", posted.Headers.Location?.OriginalString);
        html = await HtmlAsync(page, posted.Headers.Location!.OriginalString);

        Assert.Contains($"De belangenafweging voor {Victim} van {reference} is vastgelegd.", html, StringComparison.Ordinal);
        panel = Panel(html);
        Assert.Contains($"Leg eerst per route de belangenafweging vast voor {Perpetrator}:", panel, StringComparison.Ordinal);
        Assert.DoesNotContain(Victim, panel, StringComparison.Ordinal);
        // The route still needing its balancing comes first on the page, before the one that can be forwarded.
        var balancingForm = html.IndexOf("handler=Balancing", StringComparison.Ordinal);
        var confirmForm = html.IndexOf("Doorzetten bevestigen", StringComparison.Ordinal);
        Assert.True(balancingForm > 0 && confirmForm > balancingForm, $"balancing form at {balancingForm}, confirmation at {confirmForm}");
        Assert.True(html.IndexOf($"id=\"route-{perpetratorRoute}-title\"", StringComparison.Ordinal) < html.IndexOf($"id=\"route-{victimRoute}-title\"", StringComparison.Ordinal));

        // GetSignal gives API clients the same next action: codes and the sentences.
        var next = (await officer.GetSignalAsync(id)).GetProperty("nextAction");
        Assert.Equal("RecordBalancing", next.GetProperty("code").GetString());
        Assert.Equal("BalancingOfInterests", next.GetProperty("step").GetString());
        Assert.Equal(["PerpetratorTrack"], next.GetProperty("routes").EnumerateArray().Select(r => r.GetString()));
        var block = Assert.Single(next.GetProperty("blocked").EnumerateArray());
        Assert.Equal(("HandOver", "BalancingMissing"), (block.GetProperty("step").GetString(), block.GetProperty("reason").GetString()));
        Assert.StartsWith("Doorzetten kan pas als de belangenafweging is vastgelegd", block.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Leg eerst per route de belangenafweging vast", next.GetProperty("text").GetString(), StringComparison.Ordinal);

        // With every balancing recorded, forwarding is next and nothing is blocked.
        await officer.BalanceAsync(id, perpetratorRoute, riec);
        html = await HtmlAsync(page, $"/Handling/Signal/{id}");

        Assert.Equal("HandOver", CurrentStep(html));
        panel = Panel(html);
        Assert.Contains("Volgende stap: doorzetten naar de partners", panel, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"next-action-blocked\"", panel, StringComparison.Ordinal);
        Assert.Contains("data-step=\"BalancingOfInterests\" data-state=\"Done\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_table_member_sees_the_steps_and_everything_they_may_read_unfolded_without_the_officer_s_panel()
    {
        var (reporter, officer, member, _) = await app.ActorsAsync();
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Meerdere mannen slapen in een bedrijfshal en werken voor een uitzendbureau zonder contract."))).GetProperty("id").GetString()!;
        await officer.PostAsync($"/api/signals/{id}/analysis", new { version = await officer.VersionAsync(id), classifiedForms = new[] { "Labour" }, urgency = "Normal", confirmedIndicatorCodes = Array.Empty<string>(), notes = "Nagegaan." });
        var meeting = await officer.PostAsync("/api/meetings", new { title = "LOO stappen", scheduledAt = DateTimeOffset.UtcNow.AddDays(1), attendeeIds = new[] { member.Id } }, HttpStatusCode.Created);
        await officer.PostAsync($"/api/signals/{id}/schedule", new { version = await officer.VersionAsync(id), meetingId = meeting.GetProperty("id").GetString() });

        var html = await HtmlAsync(await app.SignInAsync(member), $"/Handling/Signal/{id}");

        Assert.Equal("Decision", CurrentStep(html));
        Assert.DoesNotContain("data-testid=\"next-action\"", html, StringComparison.Ordinal);
        Assert.True(Opens(html, "section-reported") && Opens(html, "section-analysis") && Opens(html, "section-casetable"));
    }

    [GeneratedRegex("""<section class="mr-next"[^>]*data-testid="next-action">(.*?)</section>""", RegexOptions.Singleline)]
    private static partial Regex NextActionPanel();

    [GeneratedRegex("""aria-current="step" data-step="([A-Za-z]+)""")]
    private static partial Regex CurrentStepItem();

    [GeneratedRegex("""<li class="mr-steps__step[^"]*"[^>]*data-step="([A-Za-z]+)""")]
    private static partial Regex StepItem();
}

[Collection(ProcedureApiOnSqlite.Name)]
public sealed class SignalProcedurePageTestsOnSqlite(SqliteApp app) : SignalProcedurePageTests(app);

[Collection(ProcedureApiOnPostgres.Name)]
public sealed class SignalProcedurePageTestsOnPostgres(PostgresApp app) : SignalProcedurePageTests(app);
