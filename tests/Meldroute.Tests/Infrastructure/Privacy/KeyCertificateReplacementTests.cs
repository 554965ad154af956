using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;
using Xunit;

namespace Meldroute.Tests.Infrastructure.Privacy;

/// <summary>
/// Replacing the certificate that encrypts the key ring on PostgreSQL (docs/operations.md): the new certificate alone
/// cannot read the keys the old one encrypted (the instance refuses to start); with the old one as a previous certificate everything reads, and after
/// `keys rotate` the old certificate can go — the personal data and the subject index are under a key of the new one.
/// </summary>
[Trait("Category", "Process")]
public sealed class KeyCertificateReplacementTests
{
    private const string Description = "Signaal voor het vervangen van het certificaat, gezien bij een autowasstraat.";

    [Fact]
    public async Task After_a_new_certificate_and_keys_rotate_the_old_certificate_is_no_longer_needed()
    {
        var newCertificate = TestKeyCertificate.CreateAnother();
        using var before = new MeldrouteAppFactory(Database.Postgres);
        var reporter = await before.CreateApiClientAsync(await before.CreateAsync(Roles.Reporter));
        var officerUser = await before.CreateAsync(Roles.SpecialistOfficer);
        var privacyUser = await before.CreateAsync(Roles.PrivacyOfficer);
        var name = "Petra van Dijk " + Guid.NewGuid().ToString("N")[..8];
        var submitted = await reporter.SubmitAsync(ProcedureApi.NewSignal(Description, victimName: name));
        var id = submitted.GetProperty("id").GetString()!;

        // The new certificate alone: the ring's current key is encrypted with the old one, so the instance refuses to
        // start (KeyRingCheckTests) instead of answering every read with an error.
        var withoutPrevious = await OperatorProcess.RunAsync(App(before, newCertificate, previousCertificate: null), "migrate");
        Assert.True(withoutPrevious.ExitCode == 2, withoutPrevious.Output);
        Assert.Contains("De sleutelbos is niet te lezen", withoutPrevious.Output, StringComparison.Ordinal);

        // With the old one as previous certificate everything reads; then keys rotate, as an operator runs it.
        using (var during = App(before, newCertificate, previousCertificate: TestKeyCertificate.Path))
        {
            Assert.Equal(Description, await ReadAsync(during, officerUser, id));
            var rotated = await OperatorProcess.RunAsync(during, "keys", "rotate");
            Assert.True(rotated.ExitCode == 0, rotated.Output);
        }

        // The old certificate gone: the signal and the subject index read with the new one alone.
        using var after = App(before, newCertificate, previousCertificate: null);
        Assert.Equal(Description, await ReadAsync(after, officerUser, id));
        var privacy = await after.CreateApiClientAsync(privacyUser);
        var found = await privacy.PostAsync("/api/privacy/subject-access/search", new { name, requestReference = "AVG-2026-020" });
        Assert.Equal([submitted.GetProperty("reference").GetString()], found.EnumerateArray().Select(f => f.GetProperty("reference").GetString()));
    }

    private static MeldrouteAppFactory App(MeldrouteAppFactory on, string certificate, string? previousCertificate)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Meldroute"] = on.ConnectionString,
            ["Meldroute:KeyCertificatePath"] = certificate,
            ["Meldroute:KeyCertificatePassword"] = TestKeyCertificate.Password,
        };
        if (previousCertificate is not null)
        {
            settings["Meldroute:PreviousKeyCertificates:0:Path"] = previousCertificate;
            settings["Meldroute:PreviousKeyCertificates:0:Password"] = TestKeyCertificate.Password;
        }

        return new MeldrouteAppFactory(Database.Postgres, settings: settings);
    }

    private static async Task<string?> ReadAsync(MeldrouteAppFactory app, TestUser officerUser, string id)
    {
        var officer = await app.CreateApiClientAsync(officerUser);
        return (await (await officer.GetAsync($"/api/signals/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("description").GetString();
    }
}
