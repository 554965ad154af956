using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Setup;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Setup;

/// <summary>
/// A real installation, not demo mode (issue 18): it starts with no department and no partner, is set up only through
/// the API an administrator uses, and then takes a signal from intake to forwarding. The reference data goes in and out
/// as a ZIP: a bad file is refused whole, and an export imported elsewhere exports identically.
/// </summary>
[Trait("Category", "Integration")]
public abstract class InstallationSetupTests(Database database)
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_new_installation_is_set_up_through_the_api_alone_and_then_takes_a_signal_from_intake_to_forwarding()
    {
        using var app = new MeldrouteAppFactory(database);
        var adminUser = await app.CreateAsync(Roles.Administrator);
        var admin = await app.CreateApiClientAsync(adminUser);
        Assert.Empty((await (await admin.GetAsync("/api/departments")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Empty((await (await admin.GetAsync("/api/partners")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        var home = await (await app.SignInAsync(adminUser)).GetStringAsync("/");
        Assert.Contains("data-testid=\"setup-incomplete\"", home, StringComparison.Ordinal);

        // Departments, partners and their routes, as the administrator enters them.
        var department = await admin.PostAsync("/api/departments", new { name = "Burgerzaken", hasPublicContact = true, publicContactEmployees = 40 });
        var care = await CreatePartnerAsync(admin, "Zorgcoördinatie Kennemerland", aftercare: true, ("VictimTrack", true), ("YouthCare", true));
        var riec = await CreatePartnerAsync(admin, "RIEC Noord-Holland", aftercare: false, ("PerpetratorTrack", true));
        await CreatePartnerAsync(admin, "Arbeidsinspectie", aftercare: false, ("LabourInspectorate", true));
        await CreatePartnerAsync(admin, "Politie basisteam", aftercare: false, ("Police", true));
        await CreatePartnerAsync(admin, "Team Handhaving", aftercare: false, ("AdministrativeMeasure", true));
        var reporterUser = await app.CreateAsync(Roles.Reporter);
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var member = await app.CreateAsync(Roles.CaseTableMember);
        await app.CreateAsync(Roles.VictimCareCoordinator);
        home = await (await app.SignInAsync(reporterUser)).GetStringAsync("/");
        Assert.DoesNotContain("setup-incomplete", home, StringComparison.Ordinal);

        // The signal's whole route over what was set up.
        var reporter = await app.CreateApiClientAsync(reporterUser);
        var signal = JsonSerializer.SerializeToElement(ProcedureApi.NewSignal("Signaal in een nieuwe installatie: lange dagen zonder loon.", forms: ["Labour"]));
        var body = JsonSerializer.Deserialize<Dictionary<string, object>>(signal.GetRawText())!;
        body["departmentId"] = department.GetProperty("id").GetInt32();
        var id = (await reporter.SubmitAsync(body)).GetProperty("id").GetString()!;
        await officer.PostAsync($"/api/signals/{id}/analysis", new { version = await officer.VersionAsync(id), classifiedForms = new[] { "Labour" }, urgency = "High", confirmedIndicatorCodes = new[] { "L01" }, notes = "Analyse." });
        var meeting = await officer.PostAsync("/api/meetings", new { title = "LOO", scheduledAt = DateTimeOffset.UtcNow.AddDays(1), attendeeIds = new[] { member.Id } }, HttpStatusCode.Created);
        var meetingId = meeting.GetProperty("id").GetString()!;
        await officer.PostAsync($"/api/signals/{id}/schedule", new { version = await officer.VersionAsync(id), meetingId });
        await officer.PostAsync($"/api/signals/{id}/decision", new
        {
            version = await officer.VersionAsync(id), meetingId, assessment = "Zorg en onderzoek.", noYouthCareReason = ProcedureApi.NoYouthCareReason,
            routes = new object[]
            {
                new { route = "VictimTrack", partnerIds = new[] { care }, reason = "Zorg.", handoverSummary = ProcedureApi.VictimSummary },
                new { route = "PerpetratorTrack", partnerIds = new[] { riec }, reason = "RIEC.", handoverSummary = ProcedureApi.PerpetratorSummary },
            },
        });
        var routes = (await officer.GetSignalAsync(id)).GetProperty("routes").EnumerateArray().ToDictionary(r => r.GetProperty("route").GetString()!, r => r.GetProperty("id").GetString()!);
        await officer.BalanceAsync(id, routes["VictimTrack"], care);
        await officer.BalanceAsync(id, routes["PerpetratorTrack"], riec);
        await officer.PostAsync($"/api/signals/{id}/forwarding", new { version = await officer.VersionAsync(id), routeId = routes["VictimTrack"], partnerId = care, channel = "SecureMail", forwardedOn = Today });
        var done = await officer.PostAsync($"/api/signals/{id}/forwarding", new { version = await officer.VersionAsync(id), routeId = routes["PerpetratorTrack"], partnerId = riec, channel = "RiecIs", forwardedOn = Today, confirm = true });
        Assert.Equal("Forwarded", done.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Partners_are_created_changed_with_old_and_new_values_given_routes_and_archived_never_deleted()
    {
        using var app = new MeldrouteAppFactory(database);
        var admin = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Administrator));
        var advisor = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PolicyAdvisor));
        var created = await admin.PostAsync("/api/partners", new { name = "Scharlaken Koord", kind = "External", aftercare = true, sexual = true, workProcesses = new[] { "Hulp aan vrouwen in de prostitutie" } });
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(["Hulp aan vrouwen in de prostitutie"], created.GetProperty("workProcesses").EnumerateArray().Select(w => w.GetString()));

        // A taken name, a missing kind and a bad e-mail address: 400 with a Dutch message per field; nothing stored.
        var refused = await (await admin.PostAsJsonAsync("/api/partners", new { name = "scharlaken koord ", contacts = new[] { new { name = "X", email = "geen-adres" } } })).JsonAsync(HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        Assert.Contains("Kind", errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("Contacts[0].Email", errors.EnumerateObject().Select(e => e.Name));

        var version = created.GetProperty("version").GetString();
        var changed = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/partners/{id}")
        {
            Content = JsonContent.Create(new { version, name = "Scharlaken Koord", kind = "External", policy = false, prevention = false, signalling = false, investigationProsecution = false, aftercare = true, sexual = true, labour = true, criminal = false, contacts = Array.Empty<object>(), workProcesses = new[] { "Hulp aan slachtoffers van seksuele uitbuiting" } }),
        });
        var view = await changed.JsonAsync(HttpStatusCode.OK);
        await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/partners/{id}/routes")
        {
            Content = JsonContent.Create(new { version = view.GetProperty("version").GetString(), routes = new[] { new { route = "VictimTrack", isDefault = false } } }),
        });

        // The stale version is refused (409), and a policy advisor only reads.
        var stale = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/partners/{id}") { Content = JsonContent.Create(new { version, name = "Anders", kind = "External", policy = false, prevention = false, signalling = false, investigationProsecution = false, aftercare = true, sexual = true, labour = true, criminal = false, contacts = Array.Empty<object>() }) });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.PostAsJsonAsync($"/api/partners/{id}/archive", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync($"/api/partners/{id}")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var history = await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().PartnerChanges.Where(c => c.PartnerId == id).OrderBy(c => c.Id).ToListAsync();
            Assert.Equal(["Created", "Forms,WorkProcesses", "Routes"], history.Select(c => c.Fields));
            Assert.Contains("Hulp aan vrouwen in de prostitutie", history[1].Before, StringComparison.Ordinal);
            Assert.Contains("Hulp aan slachtoffers van seksuele uitbuiting", history[1].After, StringComparison.Ordinal);
            Assert.All(history, c => Assert.NotNull(c.ChangedByName));
        }

        var current = await (await admin.GetAsync($"/api/partners/{id}")).JsonAsync(HttpStatusCode.OK);
        var archived = await admin.PostAsync($"/api/partners/{id}/archive", new { version = current.GetProperty("version").GetString() });
        Assert.True(archived.GetProperty("archived").GetBoolean());
        var careMap = await (await admin.GetAsync("/api/partners/care-map?form=Sexual")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("Scharlaken Koord", careMap.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Scharlaken Koord", (await (await admin.GetAsync("/api/partners")).JsonAsync(HttpStatusCode.OK)).GetRawText(), StringComparison.Ordinal);
        var restored = await admin.PostAsync($"/api/partners/{id}/archive", new { version = archived.GetProperty("version").GetString(), archived = false });
        Assert.False(restored.GetProperty("archived").GetBoolean());
    }

    [Fact]
    public async Task Departments_and_indicators_are_kept_by_the_administrator_and_a_retired_indicator_is_offered_no_more()
    {
        using var app = new MeldrouteAppFactory(database);
        var admin = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Administrator));
        var department = await admin.PostAsync("/api/departments", new { name = "Leerplicht", hasPublicContact = true });
        var departmentId = department.GetProperty("id").GetInt32();
        var refused = await (await admin.PostAsJsonAsync("/api/departments", new { name = "Leerplicht", publicContactEmployees = -1 })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["HasPublicContact", "Name", "PublicContactEmployees"], refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        var renamed = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/departments/{departmentId}")
        {
            Content = JsonContent.Create(new { version = department.GetProperty("version").GetString(), name = "Team Leerplicht", hasPublicContact = true, publicContactEmployees = 12 }),
        });
        Assert.Equal("Team Leerplicht", (await renamed.JsonAsync(HttpStatusCode.OK)).GetProperty("name").GetString());

        var list = await (await admin.GetAsync("/api/indicators")).JsonAsync(HttpStatusCode.OK);
        var update = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/indicators")
        {
            Content = JsonContent.Create(new
            {
                version = list.GetProperty("version").GetString(),
                indicators = new object[]
                {
                    new { code = "L13", form = "Labour", textNl = "Werkt via een uitzendbureau zonder inschrijving", textEn = "Works through an unregistered agency" },
                    new { code = "L01", form = "Labour", textNl = "Ingetrokken tekst", textEn = "Retired text", active = false },
                },
            }),
        });
        var after = await update.JsonAsync(HttpStatusCode.OK);
        var byCode = after.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!);
        Assert.True(byCode["L13"].GetProperty("active").GetBoolean());
        Assert.False(byCode["L01"].GetProperty("active").GetBoolean());

        // The list changed under an old version: refused, not overwritten.
        var stale = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/indicators")
        {
            Content = JsonContent.Create(new { version = list.GetProperty("version").GetString(), indicators = new[] { new { code = "L13", form = "Labour", textNl = "x", textEn = "x" } } }),
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // A submission naming the retired indicator is refused next to the field; the new one is accepted.
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        using var retired = new HttpRequestMessage(HttpMethod.Post, "/api/signals") { Content = JsonContent.Create(ProcedureApi.NewSignal("Signaal met een ingetrokken indicator.")) };
        retired.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var answer = await (await reporter.SendAsync(retired)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("IndicatorCodes", answer.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task An_import_with_bad_rows_is_refused_whole_with_a_dutch_line_per_problem_and_writes_nothing()
    {
        using var app = new MeldrouteAppFactory(database);
        var admin = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Administrator));
        var before = await ExportAsync(admin);
        var zip = Zip(new Dictionary<string, string>
        {
            ["partners.csv"] = "name,kind,policy,prevention,signalling,investigation_prosecution,aftercare,sexual,labour,criminal\nGoede partner,external,,,,,x,x,,\nFoute partner,onbekend,,,,,,,,\n",
            ["partner-routes.csv"] = "partner,route,default\nGoede partner,VictimTrack,yes\nNiet bestaand,Police,no\n",
            ["partner-contacts.csv"] = "partner,name,function,phone,email,availability\nGoede partner,Meldpunt,,,geen-adres,\n",
            ["departments.csv"] = "name,public_contact\nBurgerzaken,misschien\n",
        });

        using var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new("application/zip");
        var refused = await (await admin.PostAsync("/api/reference-data", content)).JsonAsync(HttpStatusCode.BadRequest);

        var problems = refused.GetProperty("errors").GetProperty("File").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(problems, p => p.StartsWith("partners.csv, regel 3, kolom kind:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("partner-contacts.csv, regel 2, kolom email:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("departments.csv, regel 2, kolom public_contact:", StringComparison.Ordinal));
        Assert.Equal(before, await ExportAsync(admin));

        // Only the unknown partner left: found after the rows themselves are right, and still nothing written.
        var onlyUnknown = Zip(new Dictionary<string, string> { ["partner-routes.csv"] = "partner,route,default\nNiet bestaand,Police,no\n" });
        using var second = new ByteArrayContent(onlyUnknown);
        second.Headers.ContentType = new("application/zip");
        var unknown = await (await admin.PostAsync("/api/reference-data", second)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("partner-routes.csv, regel 2: de partner ‘Niet bestaand’ staat niet in partners.csv en niet in Meldroute.", unknown.GetProperty("errors").GetProperty("File")[0].GetString());
        using var notZip = new ByteArrayContent(Encoding.UTF8.GetBytes("name,kind\n"));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/reference-data", notZip)).StatusCode);
        Assert.Equal(before, await ExportAsync(admin));
    }

    [Fact]
    public async Task The_shipped_reference_data_imports_once_and_a_second_import_changes_nothing()
    {
        using var app = new MeldrouteAppFactory(database);
        var admin = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Administrator));
        var shipped = Zip(ExportReferenceData.ShippedFiles());

        var first = await ImportAsync(admin, shipped);
        Assert.True(first.GetProperty("partnersAdded").GetInt32() > 20);
        var exported = await ExportAsync(admin);
        int changes;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            changes = await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().PartnerChanges.CountAsync();
        }

        var second = await ImportAsync(admin, shipped);
        Assert.True(second.GetProperty("changedNothing").GetBoolean(), second.GetRawText());
        var again = await ImportAsync(admin, exported);
        Assert.True(again.GetProperty("changedNothing").GetBoolean(), again.GetRawText());
        Assert.Equal(exported, await ExportAsync(admin));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(changes, await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().PartnerChanges.CountAsync());
        }
    }

    private static async Task<int> CreatePartnerAsync(HttpClient admin, string name, bool aftercare, params (string Route, bool IsDefault)[] routes)
    {
        var partner = await admin.PostAsync("/api/partners", new
        {
            name, kind = "External", aftercare, investigationProsecution = !aftercare, sexual = true, labour = true, criminal = true,
            contacts = new[] { new { name = "Meldpunt", email = "meldpunt@partner.example" } },
        });
        var id = partner.GetProperty("id").GetInt32();
        var response = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/partners/{id}/routes")
        {
            Content = JsonContent.Create(new { version = partner.GetProperty("version").GetString(), routes = routes.Select(r => new { route = r.Route, isDefault = r.IsDefault }) }),
        });
        await response.JsonAsync(HttpStatusCode.OK);
        return id;
    }

    private static async Task<JsonElement> ImportAsync(HttpClient admin, byte[] zip)
    {
        using var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new("application/zip");
        return await (await admin.PostAsync("/api/reference-data", content)).JsonAsync(HttpStatusCode.OK);
    }

    private static async Task<byte[]> ExportAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/reference-data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static byte[] Zip(IReadOnlyDictionary<string, string> files) => ReferenceDataSet.ToZip(files);
}

public sealed class InstallationSetupTestsOnSqlite() : InstallationSetupTests(Database.Sqlite);

public sealed class InstallationSetupTestsOnPostgres() : InstallationSetupTests(Database.Postgres);
