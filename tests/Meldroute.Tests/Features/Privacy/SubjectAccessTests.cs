using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Privacy;

/// <summary>
/// A subject access request (AVG art. 15): the privacy officer finds every record naming a person through the keyed
/// hash index — also once the signal is forwarded and only the victim dossier holds the name — and exports it; the
/// search and the export are audited under the request's reference and the name is stored nowhere in the clear.
/// </summary>
[Trait("Category", "Integration")]
public abstract class SubjectAccessTests(Database database)
{
    [Fact]
    public async Task The_privacy_officer_finds_and_exports_what_is_held_on_a_named_person()
    {
        using var app = new MeldrouteAppFactory(database);
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var privacy = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PrivacyOfficer));
        var member = await app.CreateAsync(Roles.CaseTableMember);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var name = $"José de Vriës {unique}";

        var asVictim = await reporter.SubmitAsync(ProcedureApi.NewSignal("Jonge vrouw slaapt in de keuken van een restaurant en werkt zeven dagen per week.", victimName: name));
        var asExploiter = await reporter.SubmitAsync(ProcedureApi.NewSignal("Man regelt vervoer en huisvesting voor meerdere arbeidsmigranten tegelijk.", victimName: "Iemand Anders " + unique, exploiterName: name));
        await reporter.SubmitAsync(ProcedureApi.NewSignal("Signaal zonder deze persoon, bij een nagelstudio in het centrum.", victimName: "Niet Dezelfde " + unique));

        // Case, accents and spacing do not matter; the name goes in the body, the reference in the log.
        var search = new { name = $"  jose DE   vries {unique} ", requestReference = "AVG-2026-014" };
        var found = (await privacy.PostAsync("/api/privacy/subject-access/search", search)).EnumerateArray().ToList();
        Assert.Equal(
            [(asVictim.GetProperty("reference").GetString(), "PossibleVictim"), (asExploiter.GetProperty("reference").GetString(), "PossibleExploiter")],
            found.Select(f => (f.GetProperty("reference").GetString(), f.GetProperty("role").GetString())));

        // Forwarded along the victim track: the signal's copy is gone, the dossier's is found.
        var victimId = asVictim.GetProperty("id").GetString()!;
        var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, victimId, member.Id);
        await app.ForwardAsync(officer, victimId, victimRoute, perpetratorRoute);
        var afterForwarding = (await privacy.PostAsync("/api/privacy/subject-access/search", search)).EnumerateArray().ToList();
        Assert.Equal(["signal", "victim-dossier"], afterForwarding.Select(f => f.GetProperty("kind").GetString()).Order());

        var export = await privacy.PostAsync("/api/privacy/subject-access/export", search);
        Assert.Equal("AVG-2026-014", export.GetProperty("requestReference").GetString());
        var signal = Assert.Single(export.GetProperty("signals").EnumerateArray());
        Assert.Equal(name, signal.GetProperty("person").GetProperty("name").GetString());
        Assert.Contains("arbeidsmigranten", signal.GetProperty("description").GetString(), StringComparison.Ordinal);
        var dossier = Assert.Single(export.GetProperty("dossiers").EnumerateArray());
        Assert.Equal(name, dossier.GetProperty("person").GetProperty("name").GetString());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "subject-access.searched" && e.ObjectId == "AVG-2026-014"));
            Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.Action == "subject-access.exported"));
        }

        // Neither the name nor its normal form is stored in the clear anywhere, the audit log included.
        Assert.Empty(await RawDatabase.ColumnsOrFilesContainingAsync(app, name));
        Assert.Empty(await RawDatabase.ColumnsOrFilesContainingAsync(app, $"vries {unique}"));
    }

    [Fact]
    public async Task A_request_reference_that_looks_like_a_name_is_refused_and_other_roles_cannot_search()
    {
        using var app = new MeldrouteAppFactory(database);
        var privacy = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PrivacyOfficer));
        var invalid = await privacy.PostAsync("/api/privacy/subject-access/search", new { name = "Jan Jansen", requestReference = "Jan Jansen" }, HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("RequestReference", out _));
        var empty = await privacy.PostAsync("/api/privacy/subject-access/search", new { name = "", requestReference = "AVG-1" }, HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("Name", out _));

        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        await officer.PostAsync("/api/privacy/subject-access/search", new { name = "Jan Jansen", requestReference = "AVG-1" }, HttpStatusCode.Forbidden);
    }
}

public sealed class SubjectAccessTestsOnSqlite() : SubjectAccessTests(Database.Sqlite);

public sealed class SubjectAccessTestsOnPostgres() : SubjectAccessTests(Database.Postgres);
