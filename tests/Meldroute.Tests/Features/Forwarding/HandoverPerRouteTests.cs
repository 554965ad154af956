using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Partners;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Forwarding;

/// <summary>
/// Issue 16: only the registered partner of a route, only what that partner needs, handed over by a one-time link,
/// with a confirmation before the data is deleted. On both databases.
/// </summary>
[Trait("Category", "Integration")]
public abstract class HandoverPerRouteTests(MeldrouteAppFactory app)
{
    private async Task<(HttpClient Officer, string Id, string MeetingId, string VictimRoute, string PerpetratorRoute)> DecidedAsync(string description = "Meisje werkt 's nachts in het hotel, haar begeleider houdt haar paspoort.")
    {
        var (reporter, officer, member, _) = await app.ActorsAsync();
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal(description))).GetProperty("id").GetString()!;
        var (meetingId, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id);
        return (officer, id, meetingId, victimRoute, perpetratorRoute);
    }

    private async Task<int> PartnerAsync(string name, Meldroute.Web.Features.Signals.Route route)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Name == name);
        if (partner is null)
        {
            partner = new Partner { Name = name, Kind = PartnerKind.External, Roles = PartnerRoles.Aftercare, Forms = Meldroute.Web.Features.Signals.ExploitationForms.Sexual | Meldroute.Web.Features.Signals.ExploitationForms.Labour };
            db.Partners.Add(partner);
            await db.SaveChangesAsync();
            db.PartnerRoutes.Add(new PartnerRoute { PartnerId = partner.Id, Route = route });
            await db.SaveChangesAsync();
        }

        return partner.Id;
    }

    [Fact]
    public async Task A_partner_not_registered_for_the_route_is_refused_and_a_minor_needs_youth_care_or_a_reason()
    {
        var (reporter, officer, member, _) = await app.ActorsAsync();
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Meisje van 16 werkt in een massagesalon en slaapt daar ook."))).GetProperty("id").GetString()!;
        await app.DecideAsync(officer, id, member.Id);
        // A second signal, decided on the urgent path, so that the decision's own checks can be tried one by one.
        var other = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Meisje van 16 werkt in een massagesalon, tweede melding."))).GetProperty("id").GetString()!;
        await officer.PostAsync($"/api/signals/{other}/analysis", new { version = await officer.VersionAsync(other), classifiedForms = new[] { "Sexual" }, urgency = "High", confirmedIndicatorCodes = new[] { "L01" }, notes = "n" });
        var ggd = await PartnerAsync("GGD Kennemerland", Meldroute.Web.Features.Signals.Route.YouthCare);
        var (care, _) = await app.EnsurePartnersAsync();

        var otherVersion = await officer.VersionAsync(other);
        object Decision(int partner, string? noYouthCareReason) => new
        {
            version = otherVersion,
            urgent = true,
            reason = "Acuut: meisje heeft vannacht geen onderdak.",
            noYouthCareReason,
            routes = new object[] { new { route = "VictimTrack", partnerIds = new[] { partner }, reason = "Opvang.", handoverSummary = "Meisje zonder onderdak." } },
        };

        var wrongPartner = await officer.PostAsync($"/api/signals/{other}/decision", Decision(ggd, "Al bekend bij jeugdbescherming."), HttpStatusCode.BadRequest);
        Assert.Contains("GGD Kennemerland", wrongPartner.GetProperty("errors").GetProperty("Routes[0].PartnerIds")[0].GetString(), StringComparison.Ordinal);
        var noReason = await officer.PostAsync($"/api/signals/{other}/decision", Decision(care, null), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("NoYouthCareReason", out _));
        var noSummary = await officer.PostAsync($"/api/signals/{other}/decision", new
        {
            version = otherVersion, urgent = true, reason = "Acuut.", noYouthCareReason = "Al bekend.",
            routes = new object[] { new { route = "VictimTrack", partnerIds = new[] { care }, reason = "Opvang." } },
        }, HttpStatusCode.BadRequest);
        Assert.True(noSummary.GetProperty("errors").TryGetProperty("Routes[0].HandoverSummary", out _));
        Assert.Equal("InAnalysis", (await officer.GetSignalAsync(other)).GetProperty("status").GetString());

        var decided = await officer.PostAsync($"/api/signals/{other}/decision", Decision(care, "Al bekend bij jeugdbescherming."));
        Assert.Equal("Decided", decided.GetProperty("status").GetString());
        Assert.Equal("Al bekend bij jeugdbescherming.", (await officer.GetSignalAsync(other)).GetProperty("noYouthCareReason").GetString());
    }

    [Fact]
    public async Task Each_route_has_its_own_balancing_naming_recipient_and_categories_and_widening_needs_a_reason()
    {
        var (officer, id, _, victimRoute, perpetratorRoute) = await DecidedAsync();
        var (care, riec) = await app.EnsurePartnersAsync();

        // The recipient must be one of the route's partners.
        var wrongRecipient = await officer.BalanceAsync(id, victimRoute, riec, expected: HttpStatusCode.BadRequest);
        Assert.True(wrongRecipient.GetProperty("errors").TryGetProperty("RecipientPartnerId", out _));

        // Asking for the reporter's words on the victim track widens the defaults: a reason is required.
        var wider = new[] { "VictimIdentity", "Location", "Summary", "ReporterWords" };
        var noReason = await officer.BalanceAsync(id, victimRoute, care, categories: wider, expected: HttpStatusCode.BadRequest);
        Assert.Contains("Woorden van de melder", noReason.GetProperty("errors").GetProperty("WideningReason")[0].GetString(), StringComparison.Ordinal);
        await officer.BalanceAsync(id, victimRoute, care, categories: wider, wideningReason: "De zorgcoördinator heeft de precieze waarneming nodig.");

        var sheet = await (await officer.GetAsync($"/api/signals/{id}/routes/{victimRoute}/handover")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains("paspoort", sheet.GetProperty("reporterWords").GetString(), StringComparison.Ordinal);
        Assert.Equal("HVO-Querido (zorgcoördinatie)", sheet.GetProperty("recipientName").GetString());

        // The perpetrator track has no balancing of its own yet: no sheet, no confirmation, no link.
        Assert.Equal(HttpStatusCode.Conflict, (await officer.GetAsync($"/api/signals/{id}/routes/{perpetratorRoute}/handover")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/signals/{id}/routes/{perpetratorRoute}/link", new { version = await officer.VersionAsync(id) })).StatusCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/signals/{id}/forwarding", new { version = await officer.VersionAsync(id), routeId = perpetratorRoute, partnerId = riec, channel = "RiecIs", forwardedOn = today, confirm = true })).StatusCode);

        // A later balancing that finds sharing unjustified closes the route's hand-over again.
        await officer.BalanceAsync(id, victimRoute, care, justified: false);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.GetAsync($"/api/signals/{id}/routes/{victimRoute}/handover")).StatusCode);
        var detail = await officer.GetSignalAsync(id);
        var victim = detail.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("id").GetString() == victimRoute);
        Assert.Equal("BalancingOfInterests", victim.GetProperty("stepsToGo")[0].GetString());
        Assert.Equal(2, detail.GetProperty("balancing").EnumerateArray().Count(b => b.GetProperty("routeId").GetString() == victimRoute));
    }

    [Fact]
    public async Task A_one_time_link_shows_the_sheet_to_its_holder_until_receipt_which_forwards_the_route_and_then_answers_410()
    {
        var (officer, id, _, victimRoute, perpetratorRoute) = await DecidedAsync();
        var (care, riec) = await app.EnsurePartnersAsync();
        await officer.BalanceAsync(id, victimRoute, care);
        await officer.BalanceAsync(id, perpetratorRoute, riec);

        var issued = await officer.PostAsync($"/api/signals/{id}/routes/{victimRoute}/link", new { version = await officer.VersionAsync(id) });
        var url = new Uri(issued.GetProperty("url").GetString()!);
        var token = url.AbsolutePath.Split('/')[^1];
        Assert.Equal("/overdracht/" + token, url.AbsolutePath);
        Assert.True(Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length >= 16);
        Assert.True(issued.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(6));
        Assert.Equal("zorgcoordinatie@hvo-querido.example", issued.GetProperty("recipientAddresses")[0].GetString());

        // Only the hash is stored.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            var link = await db.HandoverLinks.SingleAsync(l => l.RouteId == Guid.Parse(victimRoute));
            Assert.NotEqual(token, link.TokenHash);
            Assert.Equal(Meldroute.Web.Features.Forwarding.HandoverLinks.Hash(token), link.TokenHash);
        }

        using var partner = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var sheet = await (await partner.GetAsync($"/api/handover/{token}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Anna Testpersoon", Assert.Single(sheet.GetProperty("people").EnumerateArray()).GetProperty("name").GetString());
        Assert.DoesNotContain("Piet", sheet.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/overdracht/{token}")).StatusCode);
        var pdf = await partner.GetAsync($"/overdracht/{token}?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", document.GetPages().Select(p => p.Text));
            Assert.Contains("Anna Testpersoon", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Piet", text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/handover/{Meldroute.Web.Features.Forwarding.HandoverLinks.NewToken()}")).StatusCode);

        var invalid = await partner.PostAsync($"/api/handover/{token}/receipt", new { name = "", organisation = "HVO-Querido" }, HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("Name", out _));
        var received = await partner.PostAsync($"/api/handover/{token}/receipt", new { name = "J. de Ontvanger", organisation = "HVO-Querido" });
        Assert.Equal("VictimTrack", received.GetProperty("route").GetString());

        // Used: 410 and nothing of the signal, on the page and the API alike; a second receipt too.
        var gone = await partner.GetAsync($"/api/handover/{token}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.DoesNotContain("Anna", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var gonePage = await partner.GetAsync($"/overdracht/{token}");
        Assert.Equal(HttpStatusCode.Gone, gonePage.StatusCode);
        Assert.DoesNotContain("Anna", await gonePage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await partner.PostAsJsonAsync($"/api/handover/{token}/receipt", new { name = "X", organisation = "Y" })).StatusCode);

        var detail = await officer.GetSignalAsync(id);
        var route = detail.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("id").GetString() == victimRoute);
        Assert.Equal("HandoverLink", route.GetProperty("channel").GetString());
        Assert.Equal(care, route.GetProperty("forwardedToPartnerId").GetInt32());
        Assert.Equal("J. de Ontvanger", route.GetProperty("link").GetProperty("receivedByName").GetString());
        Assert.Equal("Decided", detail.GetProperty("status").GetString());

        // The last route by link: receipt forwards the signal and deletes its personal data.
        var lastToken = new Uri((await officer.PostAsync($"/api/signals/{id}/routes/{perpetratorRoute}/link", new { version = await officer.VersionAsync(id) })).GetProperty("url").GetString()!).AbsolutePath.Split('/')[^1];
        await partner.PostAsync($"/api/handover/{lastToken}/receipt", new { name = "R. Analist", organisation = "RIEC Noord-Holland" });
        var after = await officer.GetSignalAsync(id);
        Assert.Equal("Forwarded", after.GetProperty("status").GetString());
        Assert.Empty(after.GetProperty("people").EnumerateArray());

        // Audited without the token.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            var events = await db.AuditEvents.Where(e => e.Action.StartsWith("handover.")).ToListAsync();
            Assert.Contains(events, e => e.Action == "handover.link.opened" && e.Outcome == "success");
            Assert.Contains(events, e => e.Action == "handover.received" && e.Outcome == "success");
            Assert.DoesNotContain(events, e => (e.Purpose ?? "").Contains(token, StringComparison.Ordinal) || (e.ObjectId ?? "").Contains(token, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_expired_link_and_a_replaced_link_answer_410_and_a_route_forwarded_by_another_channel_ends_its_link()
    {
        var (officer, id, _, victimRoute, perpetratorRoute) = await DecidedAsync();
        var (care, riec) = await app.EnsurePartnersAsync();
        await officer.BalanceAsync(id, victimRoute, care);
        await officer.BalanceAsync(id, perpetratorRoute, riec);
        static string TokenOf(JsonElement issued) => new Uri(issued.GetProperty("url").GetString()!).AbsolutePath.Split('/')[^1];
        using var partner = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var expired = TokenOf(await officer.PostAsync($"/api/signals/{id}/routes/{victimRoute}/link", new { version = await officer.VersionAsync(id) }));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            var hash = Meldroute.Web.Features.Forwarding.HandoverLinks.Hash(expired);
            await db.HandoverLinks.Where(l => l.TokenHash == hash).ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        Assert.Equal(HttpStatusCode.Gone, (await partner.GetAsync($"/api/handover/{expired}")).StatusCode);

        var replaced = TokenOf(await officer.PostAsync($"/api/signals/{id}/routes/{victimRoute}/link", new { version = await officer.VersionAsync(id) }));
        var current = TokenOf(await officer.PostAsync($"/api/signals/{id}/routes/{victimRoute}/link", new { version = await officer.VersionAsync(id) }));
        Assert.Equal(HttpStatusCode.Gone, (await partner.GetAsync($"/api/handover/{replaced}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/handover/{current}")).StatusCode);

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await officer.PostAsync($"/api/signals/{id}/forwarding", new { version = await officer.VersionAsync(id), routeId = victimRoute, partnerId = care, channel = "Phone", forwardedOn = today });
        Assert.Equal(HttpStatusCode.Gone, (await partner.GetAsync($"/api/handover/{current}")).StatusCode);
    }
}

[Collection(ProcedureApiOnSqlite.Name)]
public sealed class HandoverPerRouteTestsOnSqlite(SqliteApp app) : HandoverPerRouteTests(app);

[Collection(ProcedureApiOnPostgres.Name)]
public sealed class HandoverPerRouteTestsOnPostgres(PostgresApp app) : HandoverPerRouteTests(app);
