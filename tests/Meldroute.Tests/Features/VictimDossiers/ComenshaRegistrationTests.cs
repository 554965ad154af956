using System.Net;
using System.Net.Http.Json;
using System.Text;
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
using UglyToad.PdfPig;

namespace Meldroute.Tests.Features.VictimDossiers;

/// <summary>
/// The CoMensha registration of a possible victim (issue 21 items 4 and 6): only the coordinator prepares, saves and
/// downloads it; downloads wait for consent; a stale version is a 409; the dossier shows when the victim was registered;
/// the identifying fields are stored encrypted and the registration is deleted with the dossier's content.
/// </summary>
[Trait("Category", "Integration")]
public abstract class ComenshaRegistrationTests(Database database)
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    private MeldrouteAppFactory NewApp() => new(database, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));

    private string Today(int plusDays = 0) =>
        DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(plusDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Opened(string DossierId, string VictimId, string Reference, string VictimName);

    /// <summary>A signal forwarded along the victim track (a 17-year-old victim): the dossier it opened and its victim.</summary>
    private static async Task<Opened> OpenDossierAsync(MeldrouteAppFactory app, HttpClient coordinator)
    {
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var member = await app.CreateAsync(Roles.CaseTableMember);
        var name = "Ilona" + Guid.NewGuid().ToString("N")[..10];
        var submitted = await reporter.SubmitAsync(ProcedureApi.NewSignal("Meisje werkt 's nachts in een nagelstudio en slaapt er ook.", victimName: name));
        var signalId = submitted.GetProperty("id").GetString()!;
        var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, signalId, member.Id);
        await app.ForwardAsync(officer, signalId, victimRoute, perpetratorRoute);
        var row = Assert.Single((await (await coordinator.GetAsync("/api/dossiers")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        var dossierId = row.GetProperty("id").GetString()!;
        var victim = Assert.Single((await (await coordinator.GetAsync($"/api/dossiers/{dossierId}")).JsonAsync(HttpStatusCode.OK)).GetProperty("victims").EnumerateArray());
        return new Opened(dossierId, victim.GetProperty("id").GetString()!, row.GetProperty("reference").GetString()!, name);
    }

    private static async Task<long> AuditCountAsync(MeldrouteAppFactory app, string action, string outcome)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents.LongCountAsync(e => e.Action == action && e.Outcome == outcome);
    }

    /// <summary>A whole body (a PUT sends every member), with consent given by a parent: the victim is 15.</summary>
    private object Registration(string version, string? registeredOn = null, string consent = "Given", string? consentBy = "ParentOrGuardian") => new
    {
        version,
        registeredOn,
        consent,
        consentOn = consent == "NotYetAsked" ? null : Today(-1),
        consentBy = consent == "Given" ? consentBy : null,
        forms = new[] { "Sexual", "Criminal" },
        sector = "HomeProstitution",
        countryOfOrigin = "RO",
        nationality = "RO",
        ageGroup = "Age12To15",
        gender = "Female",
        signalledBy = "Municipality",
    };

    [Fact]
    public async Task The_coordinator_prepares_saves_downloads_and_records_the_registration_which_the_dossier_then_shows()
    {
        using var app = NewApp();
        var coordinator = await app.CreateApiClientAsync(await app.CreateAsync(Roles.VictimCareCoordinator));
        var opened = await OpenDossierAsync(app, coordinator);
        var url = $"/api/dossiers/{opened.DossierId}/victims/{opened.VictimId}/comensha";

        // A first draft from the dossier and its signal: the classified forms, the age 17, the municipality signalled.
        var draft = await (await coordinator.GetAsync(url)).JsonAsync(HttpStatusCode.OK);
        Assert.False(draft.GetProperty("saved").GetBoolean());
        Assert.False(draft.GetProperty("canDownload").GetBoolean());
        Assert.Equal(["Sexual", "Labour"], draft.GetProperty("registration").GetProperty("forms").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("Age16To17", draft.GetProperty("registration").GetProperty("ageGroup").GetString());
        Assert.Equal("Municipality", draft.GetProperty("registration").GetProperty("signalledBy").GetString());
        Assert.Equal(opened.VictimName, draft.GetProperty("victimName").GetString());
        var version = draft.GetProperty("version").GetString()!;

        // Nothing to download before consent is saved.
        var early = await (await coordinator.GetAsync(url + "/download")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("toestemming", early.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Bad input: Dutch messages by the field; a member left out of the PUT; no version at all.
        var bad = await (await coordinator.PutAsJsonAsync(url, Registration(version, registeredOn: Today(3), consentBy: "Victim"))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Onder de 16 jaar geven ouders of voogd toestemming.", bad.GetProperty("errors").GetProperty("ConsentBy")[0].GetString());
        Assert.True(bad.GetProperty("errors").TryGetProperty("RegisteredOn", out _));
        var partial = await (await coordinator.PutAsJsonAsync(url, new { version, consent = "NotYetAsked" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(partial.GetProperty("errors").TryGetProperty("Nationality", out _));
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await coordinator.PutAsJsonAsync(url, Registration(null!))).StatusCode);

        // Saved with consent; a second editor holding the old version gets a 409.
        var saved = await (await coordinator.PutAsJsonAsync(url, Registration(version))).JsonAsync(HttpStatusCode.OK);
        var stale = await (await coordinator.PutAsJsonAsync(url, Registration(version, consent: "Refused"))).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("gewijzigd", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The data to submit: the fields with Dutch labels and values, the dossier reference, never the name.
        var csv = await coordinator.GetAsync(url + "/download?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("nationality;Nationaliteit;Roemenië", text, StringComparison.Ordinal);
        Assert.Contains("consentBy;Toestemming gegeven door;Ouders of voogd", text, StringComparison.Ordinal);
        Assert.Contains("sector;Sector van uitbuiting;Thuisprostitutie", text, StringComparison.Ordinal);
        Assert.Contains($"dossier;Dossiernummer;{opened.Reference}", text, StringComparison.Ordinal);
        Assert.Contains("registeredOn;Aangemeld bij CoMensha op;Nog niet aangemeld", text, StringComparison.Ordinal);
        Assert.DoesNotContain(opened.VictimName, text, StringComparison.Ordinal);
        var pdf = await coordinator.GetAsync(url + "/download?format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var words = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("Roemenië", words, StringComparison.Ordinal);
            Assert.Contains(opened.Reference, words, StringComparison.Ordinal);
            Assert.DoesNotContain(opened.VictimName, words, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.GetAsync(url + "/download?format=docx")).StatusCode);
        Assert.Equal(2, await AuditCountAsync(app, "dossier.comensha.downloaded", AuditOutcome.Success));

        // Submitted to CoMensha: the day is recorded, and the dossier shows it.
        await (await coordinator.PutAsJsonAsync(url, Registration(saved.GetProperty("version").GetString()!, registeredOn: Today()))).JsonAsync(HttpStatusCode.OK);
        var dossier = await (await coordinator.GetAsync($"/api/dossiers/{opened.DossierId}")).JsonAsync(HttpStatusCode.OK);
        var status = Assert.Single(dossier.GetProperty("victims").EnumerateArray()).GetProperty("comensha");
        Assert.Equal(Today(), status.GetProperty("registeredOn").GetString());
        Assert.Equal("Given", status.GetProperty("consent").GetString());
        Assert.Equal(2, await AuditCountAsync(app, "dossier.comensha.saved", AuditOutcome.Success));
        Assert.True(await AuditCountAsync(app, "dossier.comensha.read", AuditOutcome.Success) >= 1);

        // The person's right of access (AVG art. 15) covers the registration too.
        var privacy = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PrivacyOfficer));
        var access = await privacy.PostAsync("/api/privacy/subject-access/export", new { requestReference = "AVG-2026-021", name = opened.VictimName });
        var registered = Assert.Single(access.GetProperty("dossiers").EnumerateArray()).GetProperty("comensha");
        Assert.Equal(("RO", "Given"), (registered.GetProperty("nationality").GetString(), registered.GetProperty("consent").GetString()));

        // The identifying fields are stored encrypted with the dossier's key.
        foreach (var column in new[] { "Nationality", "CountryOfOrigin", "AgeGroup", "Gender" })
        {
            var stored = Assert.Single(await RawDatabase.StoredValuesAsync(app, $"SELECT \"{column}\" FROM \"ComenshaRegistrations\""));
            Assert.StartsWith("mr1.", stored, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Only_the_coordinator_reaches_a_registration_and_other_accounts_get_404_even_with_a_grant()
    {
        using var app = NewApp();
        var coordinator = await app.CreateApiClientAsync(await app.CreateAsync(Roles.VictimCareCoordinator));
        var opened = await OpenDossierAsync(app, coordinator);
        var url = $"/api/dossiers/{opened.DossierId}/victims/{opened.VictimId}/comensha";

        foreach (var role in Roles.All.Where(r => r != Roles.VictimCareCoordinator))
        {
            var client = await app.CreateApiClientAsync(await app.CreateAsync(role));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        }

        // A second coordinator account reaches it; an unknown victim of a real dossier is a 404.
        var other = await app.CreateApiClientAsync(await app.CreateAsync(Roles.VictimCareCoordinator));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/dossiers/{opened.DossierId}/victims/{Guid.NewGuid()}/comensha")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/dossiers/{Guid.NewGuid()}/victims/{opened.VictimId}/comensha")).StatusCode);
        Assert.Equal(2, await AuditCountAsync(app, "dossier.comensha.read", AuditOutcome.Denied));

        // The page as well: a coordinator sees the form, a reporter is refused.
        var page = await (await app.SignInAsync(await app.CreateAsync(Roles.VictimCareCoordinator))).GetAsync($"/VictimDossiers/Comensha/{opened.DossierId}/{opened.VictimId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Aanmelding bij CoMensha", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registration_is_deleted_with_the_dossier_and_counted_on_the_receipt()
    {
        using var app = NewApp();
        var coordinatorUser = await app.CreateAsync(Roles.VictimCareCoordinator);
        var coordinator = await app.CreateApiClientAsync(coordinatorUser);
        var opened = await OpenDossierAsync(app, coordinator);
        var url = $"/api/dossiers/{opened.DossierId}/victims/{opened.VictimId}/comensha";
        var version = (await (await coordinator.GetAsync(url)).JsonAsync(HttpStatusCode.OK)).GetProperty("version").GetString()!;
        var saved = await (await coordinator.PutAsJsonAsync(url, Registration(version, registeredOn: Today()))).JsonAsync(HttpStatusCode.OK);
        await coordinator.PostAsync($"/api/dossiers/{opened.DossierId}/close", new { version = saved.GetProperty("version").GetString(), reason = "CareCompleted" });

        // Closed: the registration can still be read and downloaded, no longer changed.
        var closed = await (await coordinator.GetAsync(url)).JsonAsync(HttpStatusCode.OK);
        Assert.False(closed.GetProperty("dossierOpen").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(url + "/download")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PutAsJsonAsync(url, Registration(closed.GetProperty("version").GetString()!))).StatusCode);

        clock.Advance(TimeSpan.FromDays(800));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<RunRetention>().RunAsync()).DossiersPurged);
        }

        coordinator = await app.CreateApiClientAsync(coordinatorUser);
        var purged = await (await coordinator.GetAsync($"/api/dossiers/{opened.DossierId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, purged.GetProperty("deletionReceipt").GetProperty("registrations").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(url)).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().ComenshaRegistrations.CountAsync());
        }
    }
}

public sealed class ComenshaRegistrationTestsOnSqlite() : ComenshaRegistrationTests(Database.Sqlite);

public sealed class ComenshaRegistrationTestsOnPostgres() : ComenshaRegistrationTests(Database.Postgres);
