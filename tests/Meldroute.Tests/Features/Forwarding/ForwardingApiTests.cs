using System.Net;
using System.Text.Json;
using Meldroute.Tests.TestSupport;

namespace Meldroute.Tests.Features.Forwarding;

/// <summary>The whole reporting procedure through the JSON API up to forwarding and the deletion of personal data it causes, on both databases.</summary>
[Trait("Category", "Integration")]
public abstract class ForwardingApiTests(MeldrouteAppFactory app)
{
    [Fact]
    public async Task A_signal_goes_from_intake_through_the_case_table_to_forwarding_and_its_personal_data_is_deleted()
    {
        var (reporter, officer, member, memberClient) = await app.ActorsAsync();

        var submitted = await reporter.SubmitAsync(ProcedureApi.NewSignal("Meisje van ongeveer 16 werkt 's nachts in het hotel en lijkt bang voor haar begeleider."));
        var id = submitted.GetProperty("id").GetString()!;
        Assert.Matches(@"^MR-\d{4}-\d{4}$", submitted.GetProperty("reference").GetString());
        Assert.Equal("Received", submitted.GetProperty("status").GetString());

        var mine = await (await reporter.GetAsync("/api/my/signals")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Received", mine.EnumerateArray().Single(s => s.GetProperty("id").GetString() == id).GetProperty("status").GetString());

        var (meetingId, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id);
        Assert.Equal("InProgress", (await (await reporter.GetAsync("/api/my/signals")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Single().GetProperty("status").GetString());

        // The member attends the meeting: sees the signal, and the decision list shows references, forms and routes, never names.
        Assert.Equal(HttpStatusCode.OK, (await memberClient.GetAsync($"/api/signals/{id}")).StatusCode);
        var decisions = await (await memberClient.GetAsync($"/api/meetings/{meetingId}/decisions")).Content.ReadAsStringAsync();
        Assert.Contains(submitted.GetProperty("reference").GetString()!, decisions, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", decisions, StringComparison.Ordinal);
        Assert.DoesNotContain("Piet", decisions, StringComparison.Ordinal);

        // No route hands anything over before its own balancing of interests.
        var (care, riec) = await app.EnsurePartnersAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await officer.GetAsync($"/api/signals/{id}/routes/{victimRoute}/handover")).StatusCode);
        await officer.BalanceAsync(id, victimRoute, care, outcome: "Delen met HVO-Querido is gerechtvaardigd.");
        Assert.Equal(HttpStatusCode.Conflict, (await officer.GetAsync($"/api/signals/{id}/routes/{perpetratorRoute}/handover")).StatusCode);
        await officer.BalanceAsync(id, perpetratorRoute, riec);

        // Each sheet carries its own side and its summary, never the reporter's words.
        var victimSheet = await (await officer.GetAsync($"/api/signals/{id}/routes/{victimRoute}/handover")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Anna Testpersoon", Assert.Single(victimSheet.GetProperty("people").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(ProcedureApi.VictimSummary, victimSheet.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, victimSheet.GetProperty("reporterWords").ValueKind);
        Assert.DoesNotContain("begeleider", victimSheet.GetRawText(), StringComparison.Ordinal);
        var suspectSheet = await (await officer.GetAsync($"/api/signals/{id}/routes/{perpetratorRoute}/handover")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Piet Verdachte", Assert.Single(suspectSheet.GetProperty("people").EnumerateArray()).GetProperty("name").GetString());
        Assert.DoesNotContain("Anna", suspectSheet.GetRawText(), StringComparison.Ordinal);

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var first = await officer.PostAsync($"/api/signals/{id}/forwarding", new { version = await officer.VersionAsync(id), routeId = victimRoute, partnerId = care, channel = "SecureMail", forwardedOn = today });
        Assert.Equal("Decided", first.GetProperty("status").GetString());

        // The last route deletes the personal data: without "confirm": true it is refused and nothing changes.
        var unconfirmed = await officer.PostAsync($"/api/signals/{id}/forwarding", new { version = first.GetProperty("version").GetString(), routeId = perpetratorRoute, partnerId = riec, channel = "RiecIs", forwardedOn = today }, HttpStatusCode.BadRequest);
        Assert.True(unconfirmed.GetProperty("errors").TryGetProperty("Confirm", out _));
        Assert.Equal("Decided", (await officer.GetSignalAsync(id)).GetProperty("status").GetString());
        var last = await officer.PostAsync($"/api/signals/{id}/forwarding", new { version = first.GetProperty("version").GetString(), routeId = perpetratorRoute, partnerId = riec, channel = "RiecIs", forwardedOn = today, confirm = true });
        Assert.Equal("Forwarded", last.GetProperty("status").GetString());

        var after = await officer.GetSignalAsync(id);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("description").ValueKind);
        Assert.Empty(after.GetProperty("people").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("analysisNotes").ValueKind);
        Assert.All(after.GetProperty("routes").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("reason").ValueKind));
        Assert.All(after.GetProperty("routes").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("handoverSummary").ValueKind));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("noYouthCareReason").ValueKind);
        Assert.All(after.GetProperty("balancing").EnumerateArray(), b => Assert.Equal(JsonValueKind.Null, b.GetProperty("outcome").ValueKind));
        Assert.All(after.GetProperty("agenda").EnumerateArray(), a => Assert.Equal(JsonValueKind.Null, a.GetProperty("assessment").ValueKind));
        var receipt = after.GetProperty("deletionReceipt");
        Assert.Equal(2, receipt.GetProperty("people").GetInt32());
        Assert.Equal("plan-11-delete-on-forwarding", receipt.GetProperty("rule").GetString());
        Assert.Equal("Hotel", after.GetProperty("locationType").GetString());
        Assert.Equal(2, after.GetProperty("routes").GetArrayLength());

        await officer.PostAsync($"/api/signals/{id}/feedback", new { version = after.GetProperty("version").GetString(), message = "ThankYouForwarded" });
        var reporterView = (await (await reporter.GetAsync("/api/my/signals")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Single();
        Assert.Equal("Forwarded", reporterView.GetProperty("status").GetString());
        Assert.Equal(4, reporterView.EnumerateObject().Count());
    }
}

[Collection(ProcedureApiOnSqlite.Name)]
public sealed class ForwardingApiTestsOnSqlite(SqliteApp app) : ForwardingApiTests(app);

[Collection(ProcedureApiOnPostgres.Name)]
public sealed class ForwardingApiTestsOnPostgres(PostgresApp app) : ForwardingApiTests(app);
