using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Handling;

/// <summary>The inbox for triage through the JSON API (issue 19), on both databases: urgency first, search, due dates against the norms, taking a signal.</summary>
[Trait("Category", "Integration")]
public abstract class InboxTests(MeldrouteAppFactory app)
{
    private static object Acute(string description) => new
    {
        acuteDanger = true,
        description,
        observedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        locationType = "Hotel",
        forms = new[] { "Sexual" },
        indicatorCodes = Array.Empty<string>(),
        people = Array.Empty<object>(),
    };

    /// <summary>A word that occurs only in this test's descriptions, so that a search isolates its signals in the shared app.</summary>
    private static string Token() => "Kenwoord" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<List<JsonElement>> RowsAsync(HttpClient officer, string query) =>
        [.. (await (await officer.GetAsync("/api/signals" + query)).JsonAsync(HttpStatusCode.OK)).GetProperty("rows").EnumerateArray()];

    private static List<string?> References(List<JsonElement> rows) => [.. rows.Select(r => r.GetProperty("reference").GetString())];

    private async Task AgeAsync(string id, int days)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var signalId = Guid.Parse(id);
        var receivedAt = DateTimeOffset.UtcNow.AddDays(-days);
        await db.Signals.Where(s => s.Id == signalId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReceivedAt, receivedAt));
    }

    [Fact]
    public async Task Acute_and_high_urgency_come_first_then_the_oldest_and_are_marked()
    {
        var (reporter, officer, _, _) = await app.ActorsAsync();
        var token = Token();
        var normal = await reporter.SubmitAsync(ProcedureApi.NewSignal($"Een gewoon signaal over vakantiepark {token}, al een tijd geleden gemeld."));
        var high = await reporter.SubmitAsync(ProcedureApi.NewSignal($"Een signaal over {token} dat de aandachtsfunctionaris als hoog urgent inschat."));
        var acute = await reporter.SubmitAsync(Acute($"Acuut gevaar bij {token}: een meisje wordt vastgehouden in een kamer boven de salon."));
        await AgeAsync(normal.GetProperty("id").GetString()!, 400);
        var highId = high.GetProperty("id").GetString()!;
        await officer.PostAsync($"/api/signals/{highId}/analysis", new { version = await officer.VersionAsync(highId), classifiedForms = new[] { "Labour" }, urgency = "High" });

        var rows = await RowsAsync(officer, "?q=" + token);
        Assert.Equal([acute.GetProperty("reference").GetString(), high.GetProperty("reference").GetString(), normal.GetProperty("reference").GetString()], References(rows));
        Assert.Equal(["Acute", "High", "Normal"], rows.Select(r => r.GetProperty("priority").GetString()));
        // The whole inbox starts with the acute signals: this one is among them.
        var inbox = await RowsAsync(officer, "");
        Assert.Equal("Acute", inbox[0].GetProperty("priority").GetString());
        Assert.True(inbox.TakeWhile(r => r.GetProperty("priority").GetString() == "Acute").Count() == inbox.Count(r => r.GetProperty("priority").GetString() == "Acute"), "no acute signal below a less urgent one");

        // Oldest first is still a choice; so is only the acute ones.
        Assert.Equal(normal.GetProperty("reference").GetString(), References(await RowsAsync(officer, $"?q={token}&sort=Oldest"))[0]);
        var onlyAcute = await RowsAsync(officer, "?urgency=Acute");
        Assert.Contains(acute.GetProperty("reference").GetString(), References(onlyAcute));
        Assert.All(onlyAcute, r => Assert.Equal("Acute", r.GetProperty("priority").GetString()));
    }

    [Fact]
    public async Task Each_row_has_its_next_step_due_against_the_norms_and_late_ones_are_marked_and_filtered()
    {
        var (reporter, officer, _, _) = await app.ActorsAsync();
        var token = Token();
        var late = await reporter.SubmitAsync(ProcedureApi.NewSignal($"Een signaal over {token} dat al drie weken wacht op een eerste analyse."));
        var fresh = await reporter.SubmitAsync(ProcedureApi.NewSignal($"Een signaal over {token} dat vandaag binnenkwam en binnen de norm is."));
        await AgeAsync(late.GetProperty("id").GetString()!, 21);
        var analysed = await reporter.SubmitAsync(ProcedureApi.NewSignal($"Een signaal over {token} in analyse; de casustafel is de volgende stap."));
        var analysedId = analysed.GetProperty("id").GetString()!;
        await officer.PostAsync($"/api/signals/{analysedId}/analysis", new { version = await officer.VersionAsync(analysedId), classifiedForms = new[] { "Labour" }, urgency = "Normal" });

        var rows = (await RowsAsync(officer, $"?q={token}")).ToDictionary(r => r.GetProperty("reference").GetString()!);
        var lateDue = rows[late.GetProperty("reference").GetString()!].GetProperty("due");
        Assert.Equal("ToFirstAnalysis", lateDue.GetProperty("step").GetString());
        Assert.Equal(5, lateDue.GetProperty("normWorkingDays").GetInt32());
        Assert.True(lateDue.GetProperty("late").GetBoolean());
        Assert.True(DateOnly.Parse(lateDue.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) < DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.False(rows[fresh.GetProperty("reference").GetString()!].GetProperty("due").GetProperty("late").GetBoolean());
        var caseTable = rows[analysed.GetProperty("reference").GetString()!].GetProperty("due");
        Assert.Equal("ToCaseTable", caseTable.GetProperty("step").GetString());
        Assert.Equal(20, caseTable.GetProperty("normWorkingDays").GetInt32());

        // By due date: the late first-analysis, then the fresh one's first analysis (5 days), then the case table (20 days).
        Assert.Equal(
            [late.GetProperty("reference").GetString(), fresh.GetProperty("reference").GetString(), analysed.GetProperty("reference").GetString()],
            References(await RowsAsync(officer, $"?q={token}&sort=Due")));

        var onlyLate = References(await RowsAsync(officer, $"?q={token}&late=true"));
        Assert.Contains(late.GetProperty("reference").GetString(), onlyLate);
        Assert.DoesNotContain(fresh.GetProperty("reference").GetString(), onlyLate);
        Assert.DoesNotContain(analysed.GetProperty("reference").GetString(), onlyLate);
    }

    [Fact]
    public async Task The_search_finds_a_reference_and_words_of_open_descriptions_in_memory_and_is_audited_without_its_words()
    {
        var (reporter, officer, _, _) = await app.ActorsAsync();
        var word = "Zonnebloemkwekerij" + Guid.NewGuid().ToString("N")[..6];
        var open = await reporter.SubmitAsync(ProcedureApi.NewSignal($"Werknemers van {word} slapen in containers achter de kas."));
        var closed = await reporter.SubmitAsync(ProcedureApi.NewSignal($"Ook bij {word} gezien, maar dit signaal is afgesloten zonder actie."));
        var closedId = closed.GetProperty("id").GetString()!;
        await officer.PostAsync($"/api/signals/{closedId}/analysis", new { version = await officer.VersionAsync(closedId), classifiedForms = new[] { "Labour" }, urgency = "Normal" });
        await officer.PostAsync($"/api/signals/{closedId}/close", new { version = await officer.VersionAsync(closedId), reason = "Geen aanwijzingen na navraag." });

        // Every word must occur, in any case and without regard to accents.
        var found = References(await RowsAsync(officer, $"?q={Uri.EscapeDataString(word.ToLowerInvariant() + " CONTAINERS")}&openOnly=false"));
        Assert.Equal([open.GetProperty("reference").GetString()], found);
        Assert.Empty(await RowsAsync(officer, $"?q={Uri.EscapeDataString(word + " tulpen")}"));
        Assert.Equal([open.GetProperty("reference").GetString()], References(await RowsAsync(officer, $"?q={open.GetProperty("reference").GetString()!.ToLowerInvariant()}")));
        // A closed signal is found by its reference, not by its words.
        Assert.Equal([closed.GetProperty("reference").GetString()], References(await RowsAsync(officer, $"?q={closed.GetProperty("reference").GetString()}&status=ClosedWithoutAction")));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var searches = await db.AuditEvents.Where(e => e.Action == "signal.searched").ToListAsync();
        Assert.NotEmpty(searches);
        Assert.DoesNotContain(searches, e => (e.ObjectId ?? "").Contains(word, StringComparison.OrdinalIgnoreCase) || (e.Purpose ?? "").Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_officer_takes_a_signal_with_its_version_filters_on_mine_and_a_stale_take_is_refused()
    {
        var (reporter, officer, _, _) = await app.ActorsAsync();
        var otherUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var other = await app.CreateApiClientAsync(otherUser);
        var signal = await reporter.SubmitAsync(ProcedureApi.NewSignal("Een signaal dat een aandachtsfunctionaris in behandeling neemt."));
        var id = signal.GetProperty("id").GetString()!;
        var reference = signal.GetProperty("reference").GetString();
        var seen = await officer.VersionAsync(id);

        await officer.PostAsync($"/api/signals/{id}/take", new { version = seen });

        var mine = await RowsAsync(officer, "?mine=true");
        var row = Assert.Single(mine, r => r.GetProperty("reference").GetString() == reference);
        Assert.False(string.IsNullOrEmpty(row.GetProperty("assignedOfficerName").GetString()));
        Assert.DoesNotContain(reference, References(await RowsAsync(other, "?mine=true")));

        var stale = await other.PostAsJsonAsync($"/api/signals/{id}/take", new { version = seen });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        await other.PostAsync($"/api/signals/{id}/take", new { version = await other.VersionAsync(id) });
        Assert.Contains(reference, References(await RowsAsync(other, "?mine=true")));
        Assert.DoesNotContain(reference, References(await RowsAsync(officer, "?mine=true")));
        Assert.Equal(otherUser.Id, (await other.GetSignalAsync(id)).GetProperty("assignedOfficerId").GetString());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "signal.taken" && e.ObjectId == reference && e.Outcome == "success"));
    }
}

[Collection(ProcedureApiOnSqlite.Name)]
public sealed class InboxTestsOnSqlite(SqliteApp app) : InboxTests(app);

[Collection(ProcedureApiOnPostgres.Name)]
public sealed class InboxTestsOnPostgres(PostgresApp app) : InboxTests(app);
