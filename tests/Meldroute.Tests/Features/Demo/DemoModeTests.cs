using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Demo;
using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using static Meldroute.Tests.Features.Figures.FigureJson;

namespace Meldroute.Tests.Features.Demo;

/// <summary>The embedded default as the README's run command starts it.</summary>
[Trait("Category", "Integration")]
public sealed class DemoModeTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Theory]
    [InlineData("melder@meldroute.test", Roles.Reporter)]
    [InlineData("aandachtsfunctionaris@meldroute.test", Roles.SpecialistOfficer)]
    [InlineData("casustafel@meldroute.test", Roles.CaseTableMember)]
    [InlineData("zorgcoordinator@meldroute.test", Roles.VictimCareCoordinator)]
    [InlineData("beleidsadviseur@meldroute.test", Roles.PolicyAdvisor)]
    [InlineData("privacy@meldroute.test", Roles.PrivacyOfficer)]
    [InlineData("beheerder@meldroute.test", Roles.Administrator)]
    [InlineData("melder@haarlem.meldroute.test", Roles.Reporter)]
    [InlineData("aandachtsfunctionaris@haarlem.meldroute.test", Roles.SpecialistOfficer)]
    [InlineData("casustafel@haarlem.meldroute.test", Roles.CaseTableMember)]
    [InlineData("zorgcoordinator@haarlem.meldroute.test", Roles.VictimCareCoordinator)]
    [InlineData("beleidsadviseur@haarlem.meldroute.test", Roles.PolicyAdvisor)]
    [InlineData("privacy@haarlem.meldroute.test", Roles.PrivacyOfficer)]
    [InlineData("beheerder@haarlem.meldroute.test", Roles.Administrator)]
    public async Task Each_demo_account_signs_in_with_the_demo_password_alone_and_sees_the_demo_banner(string email, string role)
    {
        var client = await app.SignInAsync(new TestUser("", email, DemoSeeder.DemoPassword, null));

        var start = await client.GetAsync("/");
        var html = await start.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Contains("Demonstratieomgeving", html, StringComparison.Ordinal);
        Assert.Contains(role switch
        {
            Roles.Reporter => "Melder",
            Roles.SpecialistOfficer => "Aandachtsfunctionaris mensenhandel",
            Roles.CaseTableMember => "Lid casustafel",
            Roles.VictimCareCoordinator => "Zorgco",
            Roles.PolicyAdvisor => "Beleidsadviseur",
            Roles.PrivacyOfficer => "Functionaris gegevensbescherming",
            _ => "Functioneel beheerder",
        }, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_demo_account_stores_a_hash_of_the_demo_password_that_verifies_without_a_rehash()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MeldrouteUser>>();

        foreach (var (email, role, _) in DemoSeeder.Accounts.Concat(DemoSeeder.HaarlemAccounts))
        {
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.Equal(
                PasswordVerificationResult.Success,
                users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash!, DemoSeeder.DemoPassword));
            Assert.Equal(PasswordVerificationResult.Failed, users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash!, DemoSeeder.DemoPassword + "x"));
            Assert.True(await users.IsInRoleAsync(user, role));
            Assert.False(string.IsNullOrEmpty(user.SecurityStamp));
        }
    }

    [Fact]
    public async Task Demo_data_holds_the_partners_and_work_processes_of_the_plan_and_Haarlemmermeer_s_departments()
    {
        await using var scope = HaarlemmermeerScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();

        // The 24 rows of Table 1 and the 4 partners only the text names (Reclassering, MMA, CoMensha, the NLA's reporting point).
        Assert.Equal(28, await db.Partners.CountAsync());
        Assert.Equal(55, await db.PartnerWorkProcesses.CountAsync());
        Assert.True(await db.Departments.CountAsync() >= 8);
        var hvo = await db.Partners.Include(p => p.WorkProcesses).SingleAsync(p => p.Name == "HVO-Querido (zorgcoördinatie)");
        Assert.Equal(3, hvo.WorkProcesses.Count);
    }

    /// <summary>A unit of work for Haarlemmermeer, the demo municipality that holds the demo data (the demo serves two).</summary>
    private AsyncServiceScope HaarlemmermeerScope()
    {
        var scope = app.Services.CreateAsyncScope();
        var haarlemmermeer = app.Services.GetRequiredService<MunicipalityDirectory>().All.Single(m => m.Code == DemoSeeder.HaarlemmermeerCode);
        scope.ServiceProvider.GetRequiredService<MunicipalityScope>().Use(haarlemmermeer.Id);
        return scope;
    }

    [Fact]
    public async Task The_demo_serves_Haarlemmermeer_and_Haarlem_of_Kennemerland_and_each_sees_only_its_own()
    {
        var all = app.Services.GetRequiredService<MunicipalityDirectory>().All;
        Assert.Equal(["Gemeente Haarlemmermeer", "Gemeente Haarlem"], all.Select(m => m.Name));
        Assert.All(all, m => Assert.Equal(DemoSeeder.Region, m.Region));

        // Each demo account's pages carry its own municipality's name.
        var ofHaarlemmermeer = await app.SignInAsync(new TestUser("", "aandachtsfunctionaris@meldroute.test", DemoSeeder.DemoPassword, null));
        var ofHaarlem = await app.SignInAsync(new TestUser("", "aandachtsfunctionaris@haarlem.meldroute.test", DemoSeeder.DemoPassword, null));
        Assert.Contains("Gemeente Haarlemmermeer", await ofHaarlemmermeer.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("Gemeente Haarlemmermeer", await ofHaarlem.GetStringAsync("/"), StringComparison.Ordinal);

        // The demo history is Haarlemmermeer's: Haarlem's officers find none of it.
        var haarlem = all.Single(m => m.Code == DemoSeeder.HaarlemCode).Id;
        var officerOfHaarlemmermeer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var officerOfHaarlem = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer, municipalityId: haarlem));
        Assert.True((await (await officerOfHaarlemmermeer.GetAsync("/api/signals?count=true")).JsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32() > 0);
        Assert.Equal(0, (await (await officerOfHaarlem.GetAsync("/api/signals?count=true")).JsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        var departments = await (await (await app.CreateApiClientAsync(await app.CreateAsync(Roles.Administrator, municipalityId: haarlem))).GetAsync("/api/departments")).Content.ReadAsStringAsync();
        Assert.Contains("Handhaving en toezicht", departments, StringComparison.Ordinal);
        Assert.DoesNotContain("Klantcontactcentrum", departments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing()
    {
        await using var scope = HaarlemmermeerScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var before = (await db.Partners.CountAsync(), await db.Users.CountAsync(), await db.Departments.CountAsync());

        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();

        Assert.Equal(before, (await db.Partners.CountAsync(), await db.Users.CountAsync(), await db.Departments.CountAsync()));
    }

    [Fact]
    public async Task The_demo_history_has_signals_in_every_status_through_the_state_machine_and_its_purged_ones_hold_no_personal_data()
    {
        await using var scope = HaarlemmermeerScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var signals = await db.Signals.AsNoTracking().Include(s => s.People).Include(s => s.Timeline).AsSplitQuery().ToListAsync();

        Assert.Equal(Enum.GetValues<SignalStatus>().Order(), signals.Select(s => s.Status).Distinct().Order());
        Assert.True(signals.Min(s => s.ReceivedAt) < new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), "the history starts in January 2024");
        foreach (var signal in signals)
        {
            // Every step is one the state machine allows, from Received to the status it has now, in time order.
            var steps = signal.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).ToList();
            Assert.All(steps, t => Assert.True(SignalStateMachine.CanMove(t.From, t.To), $"{signal.Reference}: {t.From} -> {t.To}"));
            Assert.Equal(SignalStatus.Received, steps.FirstOrDefault()?.From ?? SignalStatus.Received);
            Assert.Equal(signal.Status, steps.LastOrDefault()?.To ?? SignalStatus.Received);
            Assert.All(steps, t => Assert.True(t.At >= signal.ReceivedAt && t.At <= DateTimeOffset.UtcNow));
        }

        // Forwarded and closed signals are purged, and so are the ones closed without action longer than the term ago.
        var purged = signals.Where(s => s.DeletionReceipt is not null).ToList();
        Assert.All(signals.Where(s => s.Status is SignalStatus.Forwarded or SignalStatus.Closed), s => Assert.NotNull(s.DeletionReceipt));
        Assert.Contains(purged, s => s.Status == SignalStatus.ClosedWithoutAction && s.DeletionReceipt!.Rule == Meldroute.Web.Features.Retention.RetentionRules.ClosedWithoutActionRule);
        Assert.Contains(signals, s => s.Status == SignalStatus.ClosedWithoutAction && s.DeletionReceipt is null);
        Assert.All(purged, s => Assert.True(SignalPurge.HoldsNoPersonalContent(s), s.Reference));
        Assert.All(purged, s => Assert.True(s.DeletionReceipt!.People > 0 && s.DeletionReceipt.TextFields > 0, s.Reference));
        var purgedIds = purged.Select(s => s.Id).ToHashSet();
        Assert.All(await db.DecisionRoutes.AsNoTracking().ToListAsync(), r => Assert.True(!purgedIds.Contains(r.SignalId) || (r.Reason is null && r.HandoverSummary is null)));
        Assert.All(await db.AgendaItems.AsNoTracking().ToListAsync(), a => Assert.True(!purgedIds.Contains(a.SignalId) || a.Assessment is null));
        Assert.All(await db.BalancingOfInterests.AsNoTracking().ToListAsync(), b => Assert.True(!purgedIds.Contains(b.SignalId) || (b.Purpose is null && b.Outcome is null && b.WeighedBy is null)));
        var keys = purged.Select(s => s.DataKeyId!.Value).ToList();
        Assert.All(await db.DataKeys.AsNoTracking().Where(k => keys.Contains(k.Id)).ToListAsync(), k => Assert.True(k.WrappedKey is null && k.DestroyedAt is not null));
        Assert.Equal(keys.Count, await db.DataKeys.CountAsync(k => keys.Contains(k.Id)));

        // The open ones keep their (fictitious) content, encrypted like a real report's.
        var open = await SignalWithPeopleAsync(db, signals.First(s => s.Status == SignalStatus.Received).Id);
        Assert.StartsWith("Fictief demosignaal", open.Description, StringComparison.Ordinal);
        Assert.NotEmpty(open.People);
        Assert.Empty(await RawDatabase.ColumnsOrFilesContainingAsync(app, "Fictief demosignaal"));

        // A new report continues the year's numbering.
        var year = DateTimeOffset.UtcNow.Year;
        Assert.Equal(signals.Count(s => s.Reference.StartsWith($"MR-{year}-", StringComparison.Ordinal)), (await db.SignalReferenceCounters.SingleAsync(c => c.Year == year)).Last);
    }

    [Fact]
    public async Task The_demo_regional_analyst_sees_each_years_signals_of_both_municipalities_and_their_sum()
    {
        // The region's sum is shown only where both municipalities' counts are: in the demo every year of both is
        // (Haarlem has the demo's accounts and departments but no signals: its zeros are shown, and add nothing).
        var analyst = await app.CreateApiClientAsync(await app.CreateAsync(Roles.RegionalAnalyst));
        var figures = await (await analyst.GetAsync("/api/region/figures")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Gemeente Haarlem", "Gemeente Haarlemmermeer"], figures.GetProperty("municipalities").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        foreach (var year in new[] { "2024", "2025" })
        {
            var row = Table(figures, "per-year").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == year).GetProperty("cells");
            var (haarlem, haarlemmermeer, region) = (Value(row[0]), Value(row[1]), Value(row[2]));
            Assert.True(haarlem is not null && haarlemmermeer > 0, $"both municipalities' signals of {year} are shown");
            Assert.Equal(haarlem + haarlemmermeer, region);
        }
    }

    [Fact]
    public async Task The_demo_figures_of_2024_and_2025_show_counts_lead_times_routes_and_training()
    {
        var advisorUser = await app.CreateAsync(Roles.PolicyAdvisor);
        var advisor = await app.CreateApiClientAsync(advisorUser);
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));

        // Exact (the officer's): every table and every step has something in both years.
        var exact = await (await officer.GetAsync("/api/figures?exact=true")).JsonAsync(HttpStatusCode.OK);
        var published = await (await advisor.GetAsync("/api/figures")).JsonAsync(HttpStatusCode.OK);
        var years = exact.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();
        foreach (var year in new[] { 2024, 2025 })
        {
            var label = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var table in new[] { "per-form", "per-source", "per-department", "minors", "per-route", "per-partner" })
            {
                Assert.True(Value(Cell(Table(exact, table), "total", years.IndexOf(year))) > 0, $"{table} in {year}");
            }

            Assert.True(Value(Cell(Table(exact, "per-location"), "total")) > 0);
            Assert.True(Value(Cell(Table(exact, "training-per-year"), label)) > 0, $"training in {year}");
            // The policy advisor's (suppressed) figures: the year's count, its training and every lead time are shown.
            Assert.True(Value(Cell(Table(published, "per-year"), label)) > 0, $"signals in {year}");
            Assert.True(Value(Cell(Table(published, "training-per-year"), label, 1)) > 0, $"participants in {year}");
            foreach (var step in new[] { "ToFirstAnalysis", "ToCaseTable", "ToForwarded" })
            {
                var lead = published.GetProperty("leadTimes").EnumerateArray().Single(l => l.GetProperty("year").GetInt32() == year && l.GetProperty("step").GetString() == step);
                Assert.True(Value(lead.GetProperty("count")) > 0, $"{step} in {year}");
                Assert.Equal(JsonValueKind.Number, lead.GetProperty("medianWorkingDays").ValueKind);
            }
        }

        // Goal 2: more internal signals than in 2024, and 2023 from the entered counts.
        var goal = exact.GetProperty("baseline").EnumerateArray().ToDictionary(b => b.GetProperty("year").GetInt32());
        Assert.True(goal[2025].GetProperty("changeFromBaseline").GetInt64() > 0);
        Assert.Equal("Entered", goal[2023].GetProperty("basis").GetString());
        Assert.Equal(30L, Value(goal[2023].GetProperty("entered")));
        var perMonth = Table(await (await officer.GetAsync("/api/figures?exact=true&year=2025")).JsonAsync(HttpStatusCode.OK), "per-month");
        Assert.Equal(["2024", "2025"], perMonth.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.All(perMonth.GetProperty("rows").EnumerateArray(), r => Assert.True(Value(r.GetProperty("cells")[0]) > 0 && Value(r.GetProperty("cells")[1]) > 0, "every month of 2024 and 2025 has signals"));

        // The charts: the line chart through the year on the officer's exact page; bars of published counts on the advisor's.
        var officerPages = await app.SignInAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        Assert.True(System.Text.RegularExpressions.Regex.Count(await officerPages.GetStringAsync("/Figures?Query.Year=2025&Query.Exact=true"), "<polyline") >= 2, "a line for 2024 and one for 2025");
        var advisorPage = await (await app.SignInAsync(advisorUser)).GetStringAsync("/Figures");
        Assert.Contains("id=\"chart-per-year-title\"", advisorPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"figures-entered-per-form\"", advisorPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_agenda_shows_progress_and_the_inbox_fits_on_one_page()
    {
        await using var scope = HaarlemmermeerScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var running = await db.AgendaActivities.AsNoTracking().Include(a => a.Notes).Where(a => a.Status == Meldroute.Web.Features.Agenda.AgendaStatus.Running).ToListAsync();
        Assert.NotEmpty(running);
        Assert.All(running, a => Assert.NotEmpty(a.Notes));
        Assert.All(running.SelectMany(a => a.Notes), n => Assert.True(n.RecordedAt <= DateTimeOffset.UtcNow));

        // The open signals an officer finds: a working week's worth, on the first page of the inbox.
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var inbox = await (await officer.GetAsync("/api/signals?count=true")).JsonAsync(HttpStatusCode.OK);
        Assert.InRange(inbox.GetProperty("total").GetInt32(), 8, 15);
    }

    private static async Task<Signal> SignalWithPeopleAsync(MeldrouteDbContext db, Guid id) =>
        await db.Signals.AsNoTracking().Include(s => s.People).SingleAsync(s => s.Id == id);
}

/// <summary>Demo mode on PostgreSQL, as the service would start it: refused with the reason, exit code 2.</summary>
[Trait("Category", "Process")]
public sealed class DemoModeRefusalTests
{
    [Fact]
    public async Task Demo_mode_on_PostgreSQL_is_refused_at_start_with_the_reason()
    {
        var database = PostgresCluster.Instance.CreateDatabase();
        try
        {
            var (exitCode, output) = await OperatorProcess.RunAsync(Path.GetTempPath(), new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Meldroute"] = database,
                ["Meldroute__DemoMode"] = "true",
                ["Meldroute__KeyCertificatePath"] = TestKeyCertificate.Path,
                ["Meldroute__KeyCertificatePassword"] = TestKeyCertificate.Password,
            });

            Assert.True(exitCode == 2, $"exit code {exitCode}:\n{output}");
            Assert.Contains("- Demomodus staat aan terwijl de database PostgreSQL is", output, StringComparison.Ordinal);
        }
        finally
        {
            PostgresCluster.Instance.DropDatabase(database);
        }
    }
}

[Trait("Category", "Integration")]
public sealed class ProductionSeedingTests
{
    [Fact]
    public async Task Outside_demo_mode_no_demo_accounts_or_demo_data_are_seeded()
    {
        using var app = new MeldrouteAppFactory(Database.Postgres);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();

        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Partners.CountAsync());
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
    }
}
