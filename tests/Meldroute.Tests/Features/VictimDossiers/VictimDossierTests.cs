using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Meldroute.Tests.Features.VictimDossiers;

/// <summary>
/// The shielded victim dossier (issue 4 §2): opened by forwarding along the victim track with the victims' data only,
/// readable by the coordinator and by accounts with an active grant, closed with a reason, and deleted with a receipt
/// after its retention term unless a legal hold stops it.
/// </summary>
[Trait("Category", "Integration")]
public abstract class VictimDossierTests(Database database)
{
    // Whole seconds: PostgreSQL keeps microseconds and SQLite's stored instants are compared at their own precision.
    private readonly FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    private MeldrouteAppFactory NewApp() => new(database, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));

    private sealed record Forwarded(string SignalId, string Reference, string Victim, string Exploiter);

    private static async Task<Forwarded> ForwardedSignalAsync(MeldrouteAppFactory app, HttpClient officer)
    {
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var member = await app.CreateAsync(Roles.CaseTableMember);
        var victim = "Zuzanna" + Guid.NewGuid().ToString("N")[..10];
        var exploiter = "Verdachte" + Guid.NewGuid().ToString("N")[..10];
        var submitted = await reporter.SubmitAsync(ProcedureApi.NewSignal("Meisje in een hotel bij Schiphol lijkt minderjarig en wordt steeds opgehaald.", victimName: victim, exploiterName: exploiter));
        var id = submitted.GetProperty("id").GetString()!;
        var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id);
        await app.ForwardAsync(officer, id, victimRoute, perpetratorRoute, balancingText: "Delen is nodig voor opvang.");
        return new Forwarded(id, submitted.GetProperty("reference").GetString()!, victim, exploiter);
    }

    private static async Task<JsonElement> OnlyDossierAsync(HttpClient coordinator) =>
        Assert.Single((await (await coordinator.GetAsync("/api/dossiers")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());

    private async Task<long> AuditCountAsync(MeldrouteAppFactory app, string action, string outcome)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        return await db.AuditEvents.LongCountAsync(e => e.Action == action && e.Outcome == outcome);
    }

    [Fact]
    public async Task Forwarding_along_the_victim_track_opens_a_dossier_with_the_victim_and_never_the_suspect()
    {
        using var app = NewApp();
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var coordinator = await app.CreateApiClientAsync(await app.CreateAsync(Roles.VictimCareCoordinator));
        var signal = await ForwardedSignalAsync(app, officer);

        var row = await OnlyDossierAsync(coordinator);
        Assert.Equal("SD" + signal.Reference[2..], row.GetProperty("reference").GetString());
        Assert.True(row.GetProperty("involvesMinor").GetBoolean());
        Assert.DoesNotContain(signal.Victim, row.GetRawText(), StringComparison.Ordinal);

        var dossier = await (await coordinator.GetAsync($"/api/dossiers/{row.GetProperty("id").GetString()}")).JsonAsync(HttpStatusCode.OK);
        var victim = Assert.Single(dossier.GetProperty("victims").EnumerateArray());
        Assert.Equal(signal.Victim, victim.GetProperty("name").GetString());
        Assert.Equal("17", victim.GetProperty("age").GetString());
        Assert.DoesNotContain(signal.Exploiter, dossier.GetRawText(), StringComparison.Ordinal);
        var balancing = Assert.Single(dossier.GetProperty("notes").EnumerateArray());
        Assert.Equal("BalancingOfInterests", balancing.GetProperty("kind").GetString());
        Assert.Contains("Delen is nodig voor opvang.", balancing.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(dossier.GetProperty("canManage").GetBoolean());
        Assert.Equal(1, await AuditCountAsync(app, "dossier.created", AuditOutcome.Success));
        Assert.Equal(1, await AuditCountAsync(app, "dossier.read", AuditOutcome.Success));

        // The officer's view of the forwarded signal says VictimTrack and nothing about a dossier.
        var forwarded = await officer.GetSignalAsync(signal.SignalId);
        Assert.DoesNotContain("SD-", forwarded.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(signal.Victim, forwarded.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_role_but_the_coordinator_sees_a_dossier_and_every_refusal_is_audited()
    {
        using var app = NewApp();
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var coordinator = await app.CreateApiClientAsync(await app.CreateAsync(Roles.VictimCareCoordinator));
        await ForwardedSignalAsync(app, officer);
        var id = (await OnlyDossierAsync(coordinator)).GetProperty("id").GetString();

        // The regional analyst does not even reach the dossier endpoints (a refusal by policy, not per dossier).
        var analyst = await app.CreateApiClientAsync(await app.CreateAsync(Roles.RegionalAnalyst));
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/dossiers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/api/dossiers/{id}")).StatusCode);

        var others = Roles.Municipal.Where(r => r != Roles.VictimCareCoordinator).ToList();
        foreach (var role in others)
        {
            var client = await app.CreateApiClientAsync(await app.CreateAsync(role));
            Assert.Empty((await (await client.GetAsync("/api/dossiers?includeClosed=true")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/dossiers/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/dossiers/{id}/notes", new { version = Guid.NewGuid(), kind = "CareNote", occurredOn = Today(), text = "poging" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/VictimDossiers/Dossier/{id}")).StatusCode);
        }

        Assert.Equal(others.Count, await AuditCountAsync(app, "dossier.read", AuditOutcome.Denied) / 2);
        Assert.Equal(others.Count, await AuditCountAsync(app, "dossier.note.recorded", AuditOutcome.Denied));
    }

    [Fact]
    public async Task A_partner_with_a_grant_opens_that_dossier_until_the_end_date_or_the_revocation()
    {
        using var app = NewApp();
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var coordinatorUser = await app.CreateAsync(Roles.VictimCareCoordinator);
        var coordinator = await app.CreateApiClientAsync(coordinatorUser);
        await ForwardedSignalAsync(app, officer);
        var id = (await OnlyDossierAsync(coordinator)).GetProperty("id").GetString();
        var (care, _) = await app.EnsurePartnersAsync();
        var partnerUser = await app.CreateAsync(Roles.Reporter);
        var partner = await app.CreateApiClientAsync(partnerUser);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/dossiers/{id}")).StatusCode);

        async Task<string> Version() => (await (await coordinator.GetAsync($"/api/dossiers/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("version").GetString()!;

        // Bad requests: an unknown account, a coordinator, an end date more than a year away.
        var invalid = await coordinator.PostAsync($"/api/dossiers/{id}/grants", new { version = await Version(), email = "niemand@test.meldroute.nl", partnerId = care, purpose = "opvang", endsOn = Today(400) }, HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("Email", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("EndsOn", out _));
        var self = await coordinator.PostAsync($"/api/dossiers/{id}/grants", new { version = await Version(), email = coordinatorUser.Email, partnerId = care, purpose = "opvang", endsOn = Today(30) }, HttpStatusCode.BadRequest);
        Assert.True(self.GetProperty("errors").TryGetProperty("Email", out _));

        await coordinator.PostAsync($"/api/dossiers/{id}/grants", new { version = await Version(), email = partnerUser.Email, partnerId = care, purpose = "Opvang regelen", endsOn = Today(30) });
        var seen = await (await partner.GetAsync($"/api/dossiers/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.False(seen.GetProperty("canManage").GetBoolean());
        Assert.Empty(seen.GetProperty("grants").EnumerateArray());
        Assert.Single((await (await partner.GetAsync("/api/dossiers")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());

        // The grantee records a contact moment, but may not manage the dossier.
        await partner.PostAsync($"/api/dossiers/{id}/notes", new { version = seen.GetProperty("version").GetString(), kind = "ContactMoment", occurredOn = Today(), text = "Intake bij de opvang gehad." });
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"/api/dossiers/{id}/close", new { reason = "CareCompleted" })).StatusCode);

        // After the end date the grant no longer opens it.
        clock.Advance(TimeSpan.FromDays(31));
        partner = await app.CreateApiClientAsync(partnerUser);
        coordinator = await app.CreateApiClientAsync(coordinatorUser);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/dossiers/{id}")).StatusCode);

        // A new grant, revoked: closed again at once.
        await coordinator.PostAsync($"/api/dossiers/{id}/grants", new { version = await Version(), email = partnerUser.Email, partnerId = care, purpose = "Nazorg", endsOn = Today(60) });
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/dossiers/{id}")).StatusCode);
        var grants = (await (await coordinator.GetAsync($"/api/dossiers/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("grants").EnumerateArray().ToList();
        var active = grants.Single(g => g.GetProperty("active").GetBoolean());
        await coordinator.PostAsync($"/api/dossiers/{id}/grants/{active.GetProperty("id").GetString()}/revoke", new { version = await Version() });
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/dossiers/{id}")).StatusCode);
        Assert.Equal(2, await AuditCountAsync(app, "dossier.access.granted", AuditOutcome.Success));
        Assert.Equal(1, await AuditCountAsync(app, "dossier.access.revoked", AuditOutcome.Success));
    }

    [Fact]
    public async Task The_coordinator_keeps_consent_partners_and_the_reflection_period_and_stale_versions_are_refused()
    {
        using var app = NewApp();
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var coordinator = await app.CreateApiClientAsync(await app.CreateAsync(Roles.VictimCareCoordinator));
        await ForwardedSignalAsync(app, officer);
        var id = (await OnlyDossierAsync(coordinator)).GetProperty("id").GetString();
        var (care, _) = await app.EnsurePartnersAsync();
        async Task<string> Version() => (await (await coordinator.GetAsync($"/api/dossiers/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("version").GetString()!;

        var stale = await Version();
        await coordinator.PostAsync($"/api/dossiers/{id}/consents", new { version = stale, purpose = "Gegevens delen met de opvang", given = true, recordedOn = Today() });
        var conflict = await (await coordinator.PostAsJsonAsync($"/api/dossiers/{id}/notes", new { version = stale, kind = "CareNote", occurredOn = Today(), text = "Tweede bewerker" })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("gewijzigd", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var bad = await coordinator.PostAsync($"/api/dossiers/{id}/notes", new { version = await Version(), kind = "CareNote", occurredOn = Today(5), text = "" }, HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("OccurredOn", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("Text", out _));

        await coordinator.PostAsync($"/api/dossiers/{id}/partners", new { version = await Version(), partnerId = care, involvement = "Opvang en begeleiding", since = Today() });
        var start = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await (await coordinator.PutAsJsonAsync($"/api/dossiers/{id}/reflection-period", new { version = await Version(), start = Today(), end = (string?)null })).JsonAsync(HttpStatusCode.OK);

        var dossier = await (await coordinator.GetAsync($"/api/dossiers/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.True(Assert.Single(dossier.GetProperty("consents").EnumerateArray()).GetProperty("given").GetBoolean());
        Assert.Equal("Opvang en begeleiding", Assert.Single(dossier.GetProperty("partners").EnumerateArray()).GetProperty("involvement").GetString());
        Assert.Equal(start.AddMonths(3), DateOnly.Parse(dossier.GetProperty("reflectionPeriodEnd").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        var noReason = await coordinator.PostAsync($"/api/dossiers/{id}/close", new { version = await Version(), reason = "Other" }, HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("Note", out _));
        await coordinator.PostAsync($"/api/dossiers/{id}/close", new { version = await Version(), reason = "CareCompleted" });
        var afterClose = await (await coordinator.PostAsJsonAsync($"/api/dossiers/{id}/consents", new { version = await Version(), purpose = "x", given = true, recordedOn = Today() })).JsonAsync(HttpStatusCode.Conflict);
        Assert.NotNull(afterClose.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_closed_dossier_is_deleted_with_a_receipt_after_its_term_unless_a_legal_hold_stops_it()
    {
        using var app = NewApp();
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var coordinatorUser = await app.CreateAsync(Roles.VictimCareCoordinator);
        var coordinator = await app.CreateApiClientAsync(coordinatorUser);
        var privacyUser = await app.CreateAsync(Roles.PrivacyOfficer);
        var privacy = await app.CreateApiClientAsync(privacyUser);
        var signal = await ForwardedSignalAsync(app, officer);
        var row = await OnlyDossierAsync(coordinator);
        var id = row.GetProperty("id").GetString();
        var reference = row.GetProperty("reference").GetString();
        var version = (await (await coordinator.GetAsync($"/api/dossiers/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("version").GetString();
        await coordinator.PostAsync($"/api/dossiers/{id}/close", new { version, reason = "TransferredElsewhere", note = "Overgedragen aan de landelijke coördinatie." });

        var upcoming = Assert.Single((await (await privacy.GetAsync("/api/retention/upcoming")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(reference, upcoming.GetProperty("reference").GetString());
        Assert.Equal(RetentionRules.VictimDossierRule, upcoming.GetProperty("rule").GetString());
        Assert.Equal(clock.GetUtcNow().AddMonths(24), upcoming.GetProperty("dueAt").GetDateTimeOffset());

        var hold = await privacy.PostAsync("/api/retention/holds", new { reference, reason = "Verzoek van het Openbaar Ministerie" }, HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromDays(800));
        Assert.Equal((0, 1), (await RunAsync(app)) is var held ? (held.DossiersPurged, held.OnHold) : default);
        coordinator = await app.CreateApiClientAsync(coordinatorUser);
        Assert.Single((await (await coordinator.GetAsync($"/api/dossiers/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("victims").EnumerateArray());

        privacy = await app.CreateApiClientAsync(privacyUser);
        await privacy.PostAsync($"/api/retention/holds/{hold.GetProperty("id").GetString()}/lift", new { });
        Assert.Equal(1, (await RunAsync(app)).DossiersPurged);
        var purged = await (await coordinator.GetAsync($"/api/dossiers/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(purged.GetProperty("victims").EnumerateArray());
        Assert.Empty(purged.GetProperty("notes").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, purged.GetProperty("closureNote").ValueKind);
        var receipt = purged.GetProperty("deletionReceipt");
        Assert.Equal((RetentionRules.VictimDossierRule, 1, 1), (receipt.GetProperty("rule").GetString(), receipt.GetProperty("victims").GetInt32(), receipt.GetProperty("notes").GetInt32()));
        Assert.Equal(1, await AuditCountAsync(app, "dossier.purged", AuditOutcome.Success));
        Assert.Empty(await RawDatabase.ColumnsOrFilesContainingAsync(app, signal.Victim));
    }

    [Fact]
    public async Task The_victims_data_in_an_open_dossier_is_stored_encrypted()
    {
        using var app = NewApp();
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var signal = await ForwardedSignalAsync(app, officer);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().Set<Meldroute.Web.Features.VictimDossiers.DossierVictim>().CountAsync());
        }

        Assert.Empty(await RawDatabase.ColumnsOrFilesContainingAsync(app, signal.Victim));
        Assert.Empty(await RawDatabase.ColumnsOrFilesContainingAsync(app, "Delen is nodig voor opvang."));
    }

    private static async Task<RetentionResult> RunAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunRetention>().RunAsync();
    }

    private string Today(int plusDays = 0) =>
        DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(plusDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class VictimDossierTestsOnSqlite() : VictimDossierTests(Database.Sqlite);

public sealed class VictimDossierTestsOnPostgres() : VictimDossierTests(Database.Postgres);
