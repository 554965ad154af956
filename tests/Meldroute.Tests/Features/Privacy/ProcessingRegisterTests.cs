using System.Net;
using System.Net.Http.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Privacy;

/// <summary>The register of processing activities (AVG art. 30): kept as data, shown from it, changed with an audit trail.</summary>
[Trait("Category", "Integration")]
public abstract class ProcessingRegisterTests(Database database)
{
    [Fact]
    public async Task The_register_ships_with_the_systems_processing_and_the_privacy_officer_keeps_it_up_to_date()
    {
        using var app = new MeldrouteAppFactory(database);
        var privacyUser = await app.CreateAsync(Roles.PrivacyOfficer);
        var privacy = await app.CreateApiClientAsync(privacyUser);

        var register = (await (await privacy.GetAsync("/api/privacy/register")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(["VA-01", "VA-02", "VA-03", "VA-04", "VA-05", "VA-06", "VA-07", "VA-08", "VA-09"], register.Select(a => a.GetProperty("code").GetString()));
        Assert.All(register, a => Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("legalGround").GetString())));
        var dossier = register.Single(a => a.GetProperty("code").GetString() == "VA-04");
        var id = dossier.GetProperty("id").GetInt32();
        var version = dossier.GetProperty("version").GetString();

        var changed = new
        {
            version, code = "VA-04", name = "Afgeschermd slachtofferdossier", purpose = "Zorgcoördinatie voor slachtoffers (gewijzigd door de FG).",
            legalGround = "Art. 6 lid 1 sub e AVG", dataCategories = "Slachtoffergegevens", dataSubjects = "Mogelijke slachtoffers", recipients = "Zorgcoördinator",
            retention = "24 maanden na afsluiten", safeguards = "Versleuteld", enforcedBy = "Features/VictimDossiers",
        };
        await (await privacy.PutAsJsonAsync($"/api/privacy/register/{id}", changed)).JsonAsync(HttpStatusCode.OK);

        // A second editor holding the old version is refused; bad input gets field errors.
        var stale = await (await privacy.PutAsJsonAsync($"/api/privacy/register/{id}", changed with { })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("VA-04", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var invalid = await (await privacy.PostAsJsonAsync("/api/privacy/register", new { code = "VA-01", name = "" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("Code", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("Purpose", out _));

        var page = await (await app.SignInAsync(privacyUser)).GetStringAsync("/Privacy/Register");
        Assert.Contains("Zorgcoördinatie voor slachtoffers (gewijzigd door de FG).", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents.AnyAsync(e => e.Action == "register.activity.updated" && e.ObjectId == "VA-04"));
    }
}

public sealed class ProcessingRegisterTestsOnSqlite() : ProcessingRegisterTests(Database.Sqlite);

public sealed class ProcessingRegisterTestsOnPostgres() : ProcessingRegisterTests(Database.Postgres);
