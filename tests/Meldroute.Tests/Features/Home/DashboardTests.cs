using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Agenda;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Home;

/// <summary>
/// The start page's dashboards (issue 19, item 5) on a fresh database per test, so that every number is exactly the
/// data the test set up: the block of each role, in Dutch with singular and plural, the same in the page and in
/// GetDashboard, each number linking to the list it counts; a role sees no other role's block, a user with several
/// roles sees each of theirs; the policy advisor's figures are suppressed as the figures page suppresses them.
/// </summary>
[Trait("Category", "Integration")]
public abstract class DashboardTests(Database database)
{
    private static string Today(int days = 0) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The blocks of GetDashboard by role, each with its items (in order).</summary>
    private static async Task<Dictionary<string, List<JsonElement>>> BlocksAsync(HttpClient api) =>
        (await (await api.GetAsync("/api/dashboard")).JsonAsync(HttpStatusCode.OK)).GetProperty("blocks").EnumerateArray()
            .ToDictionary(b => b.GetProperty("role").GetString()!, b => b.GetProperty("items").EnumerateArray().ToList());

    private static JsonElement Item(List<JsonElement> items, string key) => Assert.Single(items, i => i.GetProperty("key").GetString() == key);

    private static string Text(List<JsonElement> items, string key) => Item(items, key).GetProperty("text").GetString()!;

    private static string Url(List<JsonElement> items, string key) => Item(items, key).GetProperty("url").GetString()!;

    private static bool Attention(List<JsonElement> items, string key) => Item(items, key).GetProperty("attention").GetBoolean();

    /// <summary>The start page as a signed-in browser sees it, with its entities decoded.</summary>
    private static async Task<string> HomeAsync(HttpClient browser) => WebUtility.HtmlDecode(await browser.GetStringAsync("/"));

    /// <summary>Every item of the block is on the start page too, linking where the API says.</summary>
    private static void AssertOnPage(string html, string role, List<JsonElement> items)
    {
        Assert.Contains($"data-testid=\"dashboard-{role}\"", html, StringComparison.Ordinal);
        foreach (var item in items)
        {
            Assert.Contains($"href=\"{item.GetProperty("url").GetString()}\">{item.GetProperty("text").GetString()}</a>", html, StringComparison.Ordinal);
        }
    }

    private static async Task AnalyseAsync(HttpClient officer, string id) =>
        await officer.PostAsync($"/api/signals/{id}/analysis", new { version = await officer.VersionAsync(id), classifiedForms = new[] { "Labour" }, urgency = "Normal" });

    private static async Task<string> MeetingAsync(HttpClient officer, string title, DateTimeOffset at, params string[] attendees) =>
        (await officer.PostAsync("/api/meetings", new { title, scheduledAt = at, attendeeIds = attendees }, HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static async Task ScheduleAsync(HttpClient officer, string id, string meetingId) =>
        await officer.PostAsync($"/api/signals/{id}/schedule", new { version = await officer.VersionAsync(id), meetingId });

    private static async Task SetAsync(MeldrouteAppFactory app, Func<MeldrouteDbContext, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>());
    }

    [Fact]
    public async Task The_officer_sees_new_late_the_next_agenda_and_signals_waiting_for_balancing_or_receipt()
    {
        using var app = new MeldrouteAppFactory(database);
        var (reporter, officer, member, _) = await app.ActorsAsync();
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var late = await reporter.SubmitAsync(ProcedureApi.NewSignal("Een signaal dat al drie weken op een eerste analyse wacht."));
        var fresh = await reporter.SubmitAsync(ProcedureApi.NewSignal("Een signaal dat vandaag binnenkwam en binnen de norm is."));
        var lateId = late.GetProperty("id").GetString()!;
        var lateReceived = DateTimeOffset.UtcNow.AddDays(-21);
        await SetAsync(app, db => db.Signals.Where(s => s.Id == Guid.Parse(lateId)).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReceivedAt, lateReceived)));
        // Two decided signals: one with a route handed over through a link the partner has not confirmed and a route
        // not yet balanced, one with neither route balanced. Each decision plans its own meeting for tomorrow.
        var linked = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Een besloten signaal met een link naar de zorgpartner."))).GetProperty("id").GetString()!;
        var (_, victimRoute, _) = await app.DecideAsync(officer, linked, member.Id);
        var (care, _) = await app.EnsurePartnersAsync();
        await officer.BalanceAsync(linked, victimRoute, care);
        await officer.PostAsync($"/api/signals/{linked}/routes/{victimRoute}/link", new { version = await officer.VersionAsync(linked) });
        var unbalanced = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Een besloten signaal waarvan nog geen route is afgewogen."))).GetProperty("id").GetString()!;
        await app.DecideAsync(officer, unbalanced, member.Id);

        var blocks = await BlocksAsync(await app.CreateApiClientAsync(officerUser));

        Assert.Equal([Roles.SpecialistOfficer], blocks.Keys);
        var items = blocks[Roles.SpecialistOfficer];
        Assert.Equal(["new", "late", "next-agenda", "awaiting-balancing", "awaiting-receipt"], items.Select(i => i.GetProperty("key").GetString()));
        Assert.Equal("2 nieuwe signalen", Text(items, "new"));
        Assert.Equal("1 signaal te laat", Text(items, "late"));
        Assert.True(Attention(items, "late"));
        Assert.StartsWith("1 signaal op de agenda van LOO december op ", Text(items, "next-agenda"), StringComparison.Ordinal);
        Assert.Equal("2 signalen wachten op een belangenafweging", Text(items, "awaiting-balancing"));
        Assert.Equal("1 signaal wacht op de ontvangstbevestiging van een partner", Text(items, "awaiting-receipt"));
        Assert.Equal(2, Item(items, "new").GetProperty("count").GetInt32());

        // Each number opens the list it counts: the inbox with the same filter.
        var browser = await app.SignInAsync(officerUser);
        AssertOnPage(await HomeAsync(browser), Roles.SpecialistOfficer, items);
        var lateList = await browser.GetStringAsync(Url(items, "late"));
        Assert.Contains(late.GetProperty("reference").GetString()!, lateList, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh.GetProperty("reference").GetString()!, lateList, StringComparison.Ordinal);
        var newList = await browser.GetStringAsync(Url(items, "new"));
        Assert.Contains(fresh.GetProperty("reference").GetString()!, newList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Url(items, "next-agenda"))).StatusCode);

        // The first signal's other route balanced: only the second signal still waits for a balancing.
        await officer.BalanceAsync(linked, (await officer.GetSignalAsync(linked)).GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("route").GetString() == "PerpetratorTrack").GetProperty("id").GetString()!, (await app.EnsurePartnersAsync()).Riec);
        items = (await BlocksAsync(await app.CreateApiClientAsync(officerUser)))[Roles.SpecialistOfficer];
        Assert.Equal("1 signaal wacht op een belangenafweging", Text(items, "awaiting-balancing"));
    }

    [Fact]
    public async Task A_case_table_member_sees_the_next_meeting_they_attend_and_its_signals_and_nothing_else()
    {
        using var app = new MeldrouteAppFactory(database);
        var (reporter, officer, member, memberApi) = await app.ActorsAsync();
        var absent = await app.CreateAsync(Roles.CaseTableMember);
        var ids = new List<string>();
        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var signal = await reporter.SubmitAsync(ProcedureApi.NewSignal($"Signaal {i} voor de casustafel: werk zonder contract in een loods."));
            ids.Add(signal.GetProperty("id").GetString()!);
            references.Add(signal.GetProperty("reference").GetString()!);
            await AnalyseAsync(officer, ids[^1]);
        }

        // An earlier meeting the member does not attend (the officer's next one), and the member's own tomorrow.
        var earlier = await MeetingAsync(officer, "Extra overleg", DateTimeOffset.UtcNow.AddHours(2), absent.Id);
        var attended = await MeetingAsync(officer, "LOO juni", DateTimeOffset.UtcNow.AddDays(1), member.Id);
        await ScheduleAsync(officer, ids[0], earlier);
        await ScheduleAsync(officer, ids[1], attended);
        await ScheduleAsync(officer, ids[2], attended);

        var blocks = await BlocksAsync(memberApi);

        Assert.Equal([Roles.CaseTableMember], blocks.Keys);
        var items = blocks[Roles.CaseTableMember];
        Assert.StartsWith("Volgende casustafel: LOO juni op ", Text(items, "next-meeting"), StringComparison.Ordinal);
        Assert.Equal("2 signalen op de agenda", Text(items, "agenda"));
        Assert.Equal($"/CaseTable/Meeting/{attended}", Url(items, "agenda"));
        var signals = items.Where(i => i.GetProperty("key").GetString() == "agenda-signal").ToList();
        Assert.Equal([$"Signaal {references[1]}", $"Signaal {references[2]}"], signals.Select(s => s.GetProperty("text").GetString()));
        Assert.DoesNotContain(references[0], string.Join(" ", items.Select(i => i.GetProperty("text").GetString())), StringComparison.Ordinal);
        var browser = await app.SignInAsync(member);
        AssertOnPage(await HomeAsync(browser), Roles.CaseTableMember, items);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(signals[0].GetProperty("url").GetString())).StatusCode);

        Assert.Equal("Er is geen casustafel gepland waarvoor u bent uitgenodigd", Text((await BlocksAsync(await app.CreateApiClientAsync(await app.CreateAsync(Roles.CaseTableMember))))[Roles.CaseTableMember], "next-meeting"));
        var officerItems = (await BlocksAsync(officer))[Roles.SpecialistOfficer];
        Assert.StartsWith("1 signaal op de agenda van Extra overleg op ", Text(officerItems, "next-agenda"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_sees_the_open_dossiers_and_the_reflection_periods_that_end_soon()
    {
        using var app = new MeldrouteAppFactory(database);
        var (reporter, officer, member, _) = await app.ActorsAsync();
        var coordinatorUser = await app.CreateAsync(Roles.VictimCareCoordinator);
        var coordinator = await app.CreateApiClientAsync(coordinatorUser);
        for (var i = 0; i < 2; i++)
        {
            var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal($"Signaal {i} dat naar de zorgcoördinatie gaat: slaapt op het werk."))).GetProperty("id").GetString()!;
            var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id);
            await app.ForwardAsync(officer, id, victimRoute, perpetratorRoute);
        }

        var dossiers = (await (await coordinator.GetAsync("/api/dossiers")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(2, dossiers.Count);
        var ending = dossiers[0].GetProperty("id").GetString()!;
        var version = (await (await coordinator.GetAsync($"/api/dossiers/{ending}")).JsonAsync(HttpStatusCode.OK)).GetProperty("version").GetString();
        await (await coordinator.PutAsJsonAsync($"/api/dossiers/{ending}/reflection-period", new { version, start = Today(-80), end = Today(5) })).JsonAsync(HttpStatusCode.OK);

        var blocks = await BlocksAsync(coordinator);

        Assert.Equal([Roles.VictimCareCoordinator], blocks.Keys);
        var items = blocks[Roles.VictimCareCoordinator];
        Assert.Equal("2 open slachtofferdossiers", Text(items, "open-dossiers"));
        Assert.Equal("1 bedenktijd eindigt binnen 14 dagen", Text(items, "reflection-ending"));
        Assert.True(Attention(items, "reflection-ending"));
        var browser = await app.SignInAsync(coordinatorUser);
        AssertOnPage(await HomeAsync(browser), Roles.VictimCareCoordinator, items);
        var list = await browser.GetStringAsync(Url(items, "reflection-ending"));
        Assert.Contains(dossiers[0].GetProperty("reference").GetString()!, list, StringComparison.Ordinal);
        Assert.DoesNotContain(dossiers[1].GetProperty("reference").GetString()!, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_policy_advisor_sees_this_year_against_the_baseline_suppressed_as_the_figures_are_and_the_agenda_by_status()
    {
        using var app = new MeldrouteAppFactory(database);
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var advisorUser = await app.CreateAsync(Roles.PolicyAdvisor);
        var advisor = await app.CreateApiClientAsync(advisorUser);
        var year = DateTime.UtcNow.Year;
        await (await advisor.PutAsJsonAsync("/api/figures/baseline", new { year = 2024, form = "Labour", source = "InternalReport", count = 12, note = "Telling van vóór Meldroute", version = (Guid?)null })).JsonAsync(HttpStatusCode.OK);
        for (var i = 0; i < 3; i++)
        {
            await reporter.SubmitAsync(ProcedureApi.NewSignal($"Intern signaal {i} van dit jaar: uitbuiting in een distributiecentrum."));
        }

        var today = DateOnly.FromDateTime(DateTime.Now);
        await SetAsync(app, async db =>
        {
            db.AgendaActivities.AddRange(
                new AgendaActivity { Title = "Pilot arbeidsuitbuiting", Status = AgendaStatus.Running, PlannedEnd = today.AddDays(-1) },
                new AgendaActivity { Title = "Samenwerking hotelbranche", Status = AgendaStatus.Running, PlannedEnd = today.AddDays(90) },
                new AgendaActivity { Title = "Netwerkdag", Status = AgendaStatus.Planned, PlannedEnd = today.AddDays(30) },
                new AgendaActivity { Title = "Onderzoek Schiphol", Status = AgendaStatus.NotFunded });
            await db.SaveChangesAsync();
        });

        var items = (await BlocksAsync(advisor))[Roles.PolicyAdvisor];

        // Three signals are a small count: "< 5", as the figures publish it, and no difference that would give it away.
        Assert.Equal($"< 5 interne signalen in {year} tot nu toe, geteld door Meldroute", Text(items, "this-year"));
        Assert.True(Item(items, "this-year").GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Item(items, "this-year").GetProperty("count").ValueKind);
        Assert.Equal("12 interne signalen in 2024, ingevoerd (van vóór Meldroute)", Text(items, "baseline-year"));
        Assert.Equal("Het verschil met 2024 wordt niet getoond: kleine aantallen zijn afgeschermd", Text(items, "change"));
        var figures = await (await advisor.GetAsync("/api/figures")).JsonAsync(HttpStatusCode.OK);
        var published = figures.GetProperty("baseline").EnumerateArray().Single(b => b.GetProperty("year").GetInt32() == year).GetProperty("compared");
        Assert.True(published.GetProperty("suppressed").GetBoolean());

        Assert.Equal("Uitvoeringsagenda: 2 activiteiten lopen", Text(items, "agenda-running"));
        Assert.Equal("Uitvoeringsagenda: 1 activiteit gepland", Text(items, "agenda-planned"));
        Assert.Equal("Uitvoeringsagenda: 1 activiteit te laat", Text(items, "agenda-late"));
        Assert.True(Attention(items, "agenda-late"));
        Assert.Equal("Uitvoeringsagenda: 1 activiteit zonder financiering", Text(items, "agenda-not-funded"));
        Assert.Equal("Uitvoeringsagenda: 0 activiteiten afgerond", Text(items, "agenda-done"));
        var browser = await app.SignInAsync(advisorUser);
        AssertOnPage(await HomeAsync(browser), Roles.PolicyAdvisor, items);
        var lateAgenda = await browser.GetStringAsync(Url(items, "agenda-late"));
        Assert.Contains("Pilot arbeidsuitbuiting", lateAgenda, StringComparison.Ordinal);
        Assert.DoesNotContain("Samenwerking hotelbranche", lateAgenda, StringComparison.Ordinal);

        // Three more: six is published, and so is the difference with the entered 2024.
        for (var i = 3; i < 6; i++)
        {
            await reporter.SubmitAsync(ProcedureApi.NewSignal($"Intern signaal {i} van dit jaar: uitbuiting in een distributiecentrum."));
        }

        items = (await BlocksAsync(advisor))[Roles.PolicyAdvisor];
        Assert.Equal($"6 interne signalen in {year} tot nu toe, geteld door Meldroute", Text(items, "this-year"));
        Assert.Equal(6, Item(items, "this-year").GetProperty("count").GetInt32());
        Assert.Equal("Verschil met 2024: -6 (-50%)", Text(items, "change"));
        Assert.Equal($"/Figures?Query.Year={year}", Url(items, "this-year"));
    }

    [Fact]
    public async Task The_privacy_officer_sees_the_chain_against_its_anchor_the_purges_of_the_week_and_the_holds()
    {
        using var app = new MeldrouteAppFactory(database);
        var (reporter, officer, member, _) = await app.ActorsAsync();
        var privacyUser = await app.CreateAsync(Roles.PrivacyOfficer);
        var privacy = await app.CreateApiClientAsync(privacyUser);
        // Forwarded: its personal data is purged at once.
        var forwarded = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Een signaal dat wordt doorgezet en dan verwijderd."))).GetProperty("id").GetString()!;
        var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, forwarded, member.Id);
        await app.ForwardAsync(officer, forwarded, victimRoute, perpetratorRoute);
        // Closed without action: one due in three days, one overdue but held.
        var closed = new List<(string Id, string Reference)>();
        for (var i = 0; i < 2; i++)
        {
            var signal = await reporter.SubmitAsync(ProcedureApi.NewSignal($"Signaal {i} dat zonder actie wordt afgesloten na navraag."));
            var id = signal.GetProperty("id").GetString()!;
            await AnalyseAsync(officer, id);
            await officer.PostAsync($"/api/signals/{id}/close", new { version = await officer.VersionAsync(id), reason = "Geen aanwijzingen na navraag." });
            closed.Add((id, signal.GetProperty("reference").GetString()!));
        }

        var dueSoon = DateTimeOffset.UtcNow.AddMonths(-6).AddDays(3);
        var overdue = DateTimeOffset.UtcNow.AddMonths(-7);
        await SetAsync(app, async db =>
        {
            await db.Signals.Where(s => s.Id == Guid.Parse(closed[0].Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosedAt, dueSoon));
            await db.Signals.Where(s => s.Id == Guid.Parse(closed[1].Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosedAt, overdue));
        });
        await privacy.PostAsync("/api/retention/holds", new { reference = closed[1].Reference, reason = "Verzoek van het Openbaar Ministerie" }, HttpStatusCode.Created);
        Assert.NotNull(await app.Services.GetRequiredService<AuditAnchor>().WriteAsync("test"));

        var blocks = await BlocksAsync(privacy);

        Assert.Equal([Roles.PrivacyOfficer], blocks.Keys);
        var items = blocks[Roles.PrivacyOfficer];
        Assert.StartsWith("De auditketen sluit aan op het laatste anker buiten de database (", Text(items, "audit-chain"), StringComparison.Ordinal);
        Assert.False(Attention(items, "audit-chain"));
        Assert.Equal("1 signaal verwijderd in de afgelopen 7 dagen", Text(items, "purged-signals"));
        Assert.Equal($"/Audit?Query.Action=signal.purged&Query.From={Today(-6)}", Url(items, "purged-signals"));
        Assert.Equal("0 slachtofferdossiers verwijderd in de afgelopen 7 dagen", Text(items, "purged-dossiers"));
        Assert.Equal("1 verwijdering gepland in de komende 7 dagen", Text(items, "purges-due"));
        Assert.Equal("1 juridische blokkade van kracht", Text(items, "holds"));
        var browser = await app.SignInAsync(privacyUser);
        AssertOnPage(await HomeAsync(browser), Roles.PrivacyOfficer, items);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Url(items, "purged-signals"))).StatusCode);

        // An anchor file whose last line is no anchor: the dashboard says so, without walking the chain.
        await File.AppendAllTextAsync(app.AuditAnchorPath, "geen anker\n");
        items = (await BlocksAsync(privacy))[Roles.PrivacyOfficer];
        Assert.Equal("De auditketen sluit niet aan op het laatste anker buiten de database: de laatste regel van het ankerbestand is geen anker: het bestand is gewijzigd. Controleer de hele keten.", Text(items, "audit-chain"));
        Assert.True(Attention(items, "audit-chain"));
    }

    [Fact]
    public async Task The_administrator_sees_the_checklist_the_accounts_without_a_second_factor_and_the_access_review()
    {
        using var app = new MeldrouteAppFactory(database);
        var adminUser = await app.CreateAsync(Roles.Administrator);
        var admin = await app.CreateApiClientAsync(adminUser);
        await app.CreateAsync(Roles.Reporter, enrolTwoFactor: false);

        var items = (await BlocksAsync(admin))[Roles.Administrator];

        // A new installation: only the indicators are there (shipped); no department, officer, member, coordinator or partners.
        Assert.Equal("Inrichting: 1 van 6 onderdelen klaar", Text(items, "setup"));
        Assert.True(Attention(items, "setup"));
        Assert.Equal("1 account zonder tweestapsverificatie", Text(items, "accounts-without-mfa"));
        Assert.Equal("Er is nog nooit een toegangsreview vastgelegd.", Text(items, "access-review"));
        Assert.True(Attention(items, "access-review"));
        var browser = await app.SignInAsync(adminUser);
        AssertOnPage(await HomeAsync(browser), Roles.Administrator, items);

        // An officer without a second factor counts, a blocked account does not; the review, once recorded, is due in a year.
        await app.CreateAsync(Roles.SpecialistOfficer, enrolTwoFactor: false);
        var blocked = await app.CreateAsync(Roles.CaseTableMember, enrolTwoFactor: false);
        await admin.PostAsync($"/api/users/{blocked.Id}/block", new { });
        var recorded = await admin.PostAsync("/api/users/access-review", new { note = "Alle rollen bevestigd." });
        items = (await BlocksAsync(admin))[Roles.Administrator];
        Assert.Equal("Inrichting: 2 van 6 onderdelen klaar", Text(items, "setup"));
        Assert.Equal("2 accounts zonder tweestapsverificatie", Text(items, "accounts-without-mfa"));
        var dueOn = DateOnly.FromDateTime(recorded.GetProperty("completedAt").GetDateTimeOffset().UtcDateTime).AddYears(1).ToString("d", CultureInfo.GetCultureInfo("nl-NL"));
        Assert.Equal($"Volgende toegangsreview uiterlijk {dueOn}", Text(items, "access-review"));
        Assert.False(Attention(items, "access-review"));
    }

    [Fact]
    public async Task A_reporter_keeps_a_simple_home_with_their_own_signals_only()
    {
        using var app = new MeldrouteAppFactory(database);
        var reporterUser = await app.CreateAsync(Roles.Reporter);
        var reporter = await app.CreateApiClientAsync(reporterUser);
        var other = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var first = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Mijn eerste melding: een kamer met tien matrassen."))).GetProperty("reference").GetString()!;
        var theirs = (await other.SubmitAsync(ProcedureApi.NewSignal("De melding van een collega over een nagelstudio."))).GetProperty("reference").GetString()!;

        var none = (await BlocksAsync(await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter))))[Roles.Reporter];
        Assert.Equal("U heeft nog geen signaal gemeld", Text(none, "my-signals"));
        Assert.Equal(["my-signals", "new-signal"], none.Select(i => i.GetProperty("key").GetString()));

        var items = (await BlocksAsync(reporter))[Roles.Reporter];
        Assert.Equal("U heeft 1 signaal gemeld", Text(items, "my-signals"));
        Assert.StartsWith($"{first}: Ontvangen (bijgewerkt ", Text(items, "my-signal"), StringComparison.Ordinal);
        Assert.Equal("/Intake/New", Url(items, "new-signal"));

        var second = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Mijn tweede melding: een busje dat 's nachts mensen ophaalt."))).GetProperty("reference").GetString()!;
        var blocks = await BlocksAsync(reporter);
        Assert.Equal([Roles.Reporter], blocks.Keys);
        items = blocks[Roles.Reporter];
        Assert.Equal("U heeft 2 signalen gemeld", Text(items, "my-signals"));
        var texts = string.Join(" | ", items.Select(i => i.GetProperty("text").GetString()));
        Assert.Contains(first, texts, StringComparison.Ordinal);
        Assert.Contains(second, texts, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, texts, StringComparison.Ordinal);
        AssertOnPage(await HomeAsync(await app.SignInAsync(reporterUser)), Roles.Reporter, items);
    }

    [Fact]
    public async Task Each_role_sees_only_its_own_block_and_a_user_with_several_roles_sees_each_of_theirs()
    {
        using var app = new MeldrouteAppFactory(database);
        foreach (var role in Roles.All)
        {
            var user = await app.CreateAsync(role);
            Assert.Equal([role], (await BlocksAsync(await app.CreateApiClientAsync(user))).Keys);
            var html = await HomeAsync(await app.SignInAsync(user));
            Assert.Contains($"data-testid=\"dashboard-{role}\"", html, StringComparison.Ordinal);
            Assert.All(Roles.All.Where(r => r != role), other => Assert.DoesNotContain($"data-testid=\"dashboard-{other}\"", html, StringComparison.Ordinal));
        }

        var several = await app.CreateAsync(Roles.Reporter);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<MeldrouteUser>>();
            var account = (await users.FindByIdAsync(several.Id))!;
            Assert.True((await users.AddToRolesAsync(account, [Roles.PrivacyOfficer, Roles.SpecialistOfficer])).Succeeded);
        }

        Assert.Equal([Roles.Reporter, Roles.SpecialistOfficer, Roles.PrivacyOfficer], (await BlocksAsync(await app.CreateApiClientAsync(several))).Keys);
        var page = await HomeAsync(await app.SignInAsync(several));
        Assert.True(
            page.IndexOf("data-testid=\"dashboard-Reporter\"", StringComparison.Ordinal) < page.IndexOf("data-testid=\"dashboard-SpecialistOfficer\"", StringComparison.Ordinal)
            && page.IndexOf("data-testid=\"dashboard-SpecialistOfficer\"", StringComparison.Ordinal) < page.IndexOf("data-testid=\"dashboard-PrivacyOfficer\"", StringComparison.Ordinal));
        Assert.DoesNotContain("data-testid=\"dashboard-Administrator\"", page, StringComparison.Ordinal);
    }
}

public sealed class DashboardTestsOnSqlite() : DashboardTests(Database.Sqlite);

public sealed class DashboardTestsOnPostgres() : DashboardTests(Database.Postgres);
