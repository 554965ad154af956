using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Partners;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.TestSupport;

/// <summary>Walks the reporting procedure through the JSON API, as partner systems and scripts do.</summary>
public static class ProcedureApi
{
    public static object NewSignal(string description, string? victimName = null, string? exploiterName = null, string[]? forms = null) => new
    {
        acuteDanger = false,
        description,
        observedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        locationType = "Hotel",
        locationDetail = "Hoofdweg 1, Hoofddorp",
        forms = forms ?? ["Labour", "Sexual"],
        indicatorCodes = new[] { "L01", "G03" },
        people = new object[]
        {
            new { role = "PossibleVictim", name = victimName ?? "Anna Testpersoon", age = "17", minor = "Yes", nationality = "Roemeens", language = "Roemeens" },
            new { role = "PossibleExploiter", name = exploiterName ?? "Piet Verdachte", minor = "No" },
        },
    };

    /// <summary>A reporter, a specialist officer and a case-table member (as a user and signed in), each with an API client.</summary>
    public static async Task<(HttpClient Reporter, HttpClient Officer, TestUser Member, HttpClient MemberClient)> ActorsAsync(this MeldrouteAppFactory app)
    {
        var member = await app.CreateAsync(Roles.CaseTableMember);
        return (await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter)),
            await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer)),
            member,
            await app.CreateApiClientAsync(member));
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return string.IsNullOrEmpty(body) ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> SubmitAsync(this HttpClient reporter, object signal, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/signals") { Content = JsonContent.Create(signal) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return await (await reporter.SendAsync(request)).JsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> GetSignalAsync(this HttpClient officer, string id) =>
        await (await officer.GetAsync($"/api/signals/{id}")).JsonAsync(HttpStatusCode.OK);

    public static async Task<string> VersionAsync(this HttpClient officer, string id) =>
        (await officer.GetSignalAsync(id)).GetProperty("version").GetString()!;

    public static async Task<JsonElement> PostAsync(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PostAsJsonAsync(url, body)).JsonAsync(expected);

    /// <summary>
    /// Partners need to exist and be registered for their route; outside demo mode the tests add the two they use: a
    /// victim-track partner with a registered address and a perpetrator-track partner.
    /// </summary>
    public static async Task<(int Care, int Riec)> EnsurePartnersAsync(this MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        async Task<int> Ensure(string name, PartnerRoles roles, Meldroute.Web.Features.Signals.Route route, string? email)
        {
            var partner = await db.Partners.SingleOrDefaultAsync(p => p.Name == name);
            if (partner is null)
            {
                partner = new Partner { Name = name, Kind = PartnerKind.External, Roles = roles, Forms = Meldroute.Web.Features.Signals.ExploitationForms.Sexual | Meldroute.Web.Features.Signals.ExploitationForms.Labour | Meldroute.Web.Features.Signals.ExploitationForms.Criminal };
                db.Partners.Add(partner);
                await db.SaveChangesAsync();
            }

            if (!await db.PartnerRoutes.AnyAsync(r => r.PartnerId == partner.Id && r.Route == route))
            {
                db.PartnerRoutes.Add(new PartnerRoute { PartnerId = partner.Id, Route = route, IsDefault = true });
            }

            if (email is not null && !await db.PartnerContacts.AnyAsync(c => c.PartnerId == partner.Id))
            {
                db.PartnerContacts.Add(new PartnerContact { PartnerId = partner.Id, Name = "Meldpunt", Email = email });
            }

            await db.SaveChangesAsync();
            return partner.Id;
        }

        return (await Ensure("HVO-Querido (zorgcoördinatie)", PartnerRoles.Aftercare, Meldroute.Web.Features.Signals.Route.VictimTrack, "zorgcoordinatie@hvo-querido.example"),
            await Ensure("RIEC Noord-Holland", PartnerRoles.InvestigationProsecution, Meldroute.Web.Features.Signals.Route.PerpetratorTrack, null));
    }

    /// <summary>Takes a submitted signal through analysis, a meeting and a decision (victim and perpetrator track).</summary>
    public static async Task<(string MeetingId, string VictimRouteId, string PerpetratorRouteId)> DecideAsync(
        this MeldrouteAppFactory app, HttpClient officer, string signalId, string attendeeId, string notes = "Analyse: verder onderzoek nodig.")
    {
        var (care, riec) = await app.EnsurePartnersAsync();
        await officer.PostAsync($"/api/signals/{signalId}/analysis", new { version = await officer.VersionAsync(signalId), classifiedForms = new[] { "Labour", "Sexual" }, urgency = "High", confirmedIndicatorCodes = new[] { "L01" }, notes });
        var meeting = await officer.PostAsync("/api/meetings", new { title = "LOO december", scheduledAt = DateTimeOffset.UtcNow.AddDays(1), attendeeIds = new[] { attendeeId } }, HttpStatusCode.Created);
        var meetingId = meeting.GetProperty("id").GetString()!;
        await officer.PostAsync($"/api/signals/{signalId}/schedule", new { version = await officer.VersionAsync(signalId), meetingId });
        await officer.PostAsync($"/api/signals/{signalId}/decision", new
        {
            version = await officer.VersionAsync(signalId),
            meetingId,
            assessment = "Beoordeling: zorg en onderzoek.",
            noYouthCareReason = NoYouthCareReason,
            routes = new object[]
            {
                new { route = "VictimTrack", partnerIds = new[] { care }, reason = "Zorgcoördinatie voor het slachtoffer.", handoverSummary = VictimSummary },
                new { route = "PerpetratorTrack", partnerIds = new[] { riec }, reason = "Informatieplein RIEC.", handoverSummary = PerpetratorSummary, individualCaseMeetingRequested = true },
            },
        });
        var detail = await officer.GetSignalAsync(signalId);
        var routes = detail.GetProperty("routes").EnumerateArray().ToList();
        return (meetingId,
            routes.Single(r => r.GetProperty("route").GetString() == "VictimTrack").GetProperty("id").GetString()!,
            routes.Single(r => r.GetProperty("route").GetString() == "PerpetratorTrack").GetProperty("id").GetString()!);
    }

    /// <summary>The hand-over summaries <see cref="DecideAsync"/> writes: what each recipient gets instead of the reporter's words.</summary>
    public const string VictimSummary = "Jonge vrouw, mogelijk minderjarig, werkt 's nachts; zorgcoördinatie gevraagd.";

    /// <summary>The signals of <see cref="NewSignal"/> involve a minor; <see cref="DecideAsync"/> records why youth care is not a route.</summary>
    public const string NoYouthCareReason = "Jeugdbescherming is al betrokken via Veilig Thuis.";

    public const string PerpetratorSummary = "Begeleider regelt werk en onderdak; mogelijk uitbuiting in de horeca.";

    /// <summary>Records a route's own balancing of interests (justified by default) naming its recipient; answers the signal's change.</summary>
    public static async Task<JsonElement> BalanceAsync(
        this HttpClient officer, string signalId, string routeId, int recipientId, string[]? categories = null, string? wideningReason = null, bool justified = true, string outcome = "uitkomst", HttpStatusCode expected = HttpStatusCode.OK) =>
        await officer.PostAsync($"/api/signals/{signalId}/balancing", new
        {
            version = await officer.VersionAsync(signalId), routeId, recipientPartnerId = recipientId, categories, wideningReason,
            weighedBy = "aandachtsfunctionaris", purpose = "zorg bieden", necessity = "n", proportionality = "p", subsidiarity = "s", sharingJustified = justified, outcome,
        }, expected);

    /// <summary>Balances and confirms both routes of <see cref="DecideAsync"/> (the last one with its confirmation): the signal is Forwarded.</summary>
    public static async Task ForwardAsync(this MeldrouteAppFactory app, HttpClient officer, string signalId, string victimRoute, string perpetratorRoute, string balancingText = "uitkomst")
    {
        var (care, riec) = await app.EnsurePartnersAsync();
        await officer.BalanceAsync(signalId, victimRoute, care, outcome: balancingText);
        await officer.BalanceAsync(signalId, perpetratorRoute, riec, outcome: balancingText);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await officer.PostAsync($"/api/signals/{signalId}/forwarding", new { version = await officer.VersionAsync(signalId), routeId = victimRoute, partnerId = care, channel = "SecureMail", forwardedOn = today });
        var done = await officer.PostAsync($"/api/signals/{signalId}/forwarding", new { version = await officer.VersionAsync(signalId), routeId = perpetratorRoute, partnerId = riec, channel = "RiecIs", forwardedOn = today, confirm = true });
        Assert.Equal("Forwarded", done.GetProperty("status").GetString());
    }

    public static async Task<string> UserIdAsync(this MeldrouteAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<MeldrouteUser>>().FindByEmailAsync(email))!.Id;
    }
}
