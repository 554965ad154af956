using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Setup;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using nietras.SeparatedValues;
using static Meldroute.Tests.Features.Figures.FigureJson;

namespace Meldroute.Tests.Features.Figures;

/// <summary>
/// Counts from before Meldroute (issue 18 item 5): the policy advisor enters, corrects and removes them (versioned,
/// audited, with old and new values); the figures show them as entered beside what Meldroute counted, protect their
/// small cells, and goal 2 compares with them for a baseline year Meldroute did not count.
/// </summary>
[Trait("Category", "Integration")]
public abstract class BaselineCountTests(Database database)
{
    private static async Task<HttpResponseMessage> SetAsync(HttpClient client, int year, string form, string source, int count, string? version = null, string? note = null) =>
        await client.PutAsJsonAsync("/api/figures/baseline", new { year, form, source, count, note, version });

    /// <summary>Twelve internal signals in 2025 (forwarded and purged, as most are), none in 2024: a municipality that started with Meldroute in 2025.</summary>
    private static async Task SeedCountedAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        for (var i = 0; i < 12; i++)
        {
            var received = new DateTimeOffset(2025, 3 + (i % 6), 4, 10, 0, 0, TimeSpan.Zero);
            db.Signals.Add(new Signal
            {
                Reference = $"MR-2025-{i + 1:0000}", SubmittedById = "seed", ReceivedAt = received, LastChangedAt = received.AddDays(20),
                FirstAnalysisAt = received.AddDays(1), ForwardedAt = received.AddDays(20), Status = SignalStatus.Forwarded,
                Forms = ExploitationForms.Sexual, Source = SignalSource.InternalReport, LocationType = LocationType.Hotel,
                DeletionReceipt = new SignalDeletionReceipt { PurgedAt = received.AddDays(20), Rule = SignalPurge.OnForwardingRule },
            });
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Entered_counts_stand_beside_the_counted_ones_marked_as_entered_and_goal_2_compares_with_them_for_an_uncounted_2024()
    {
        using var app = new MeldrouteAppFactory(database);
        await SeedCountedAsync(app);
        var advisorUser = await app.CreateAsync(Roles.PolicyAdvisor);
        var advisor = await app.CreateApiClientAsync(advisorUser);
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        await (await SetAsync(advisor, 2024, "Sexual", "InternalReport", 6, note: "registratie meldpunt 2024")).JsonAsync(HttpStatusCode.OK);
        await (await SetAsync(advisor, 2024, "Labour", "InternalReport", 4)).JsonAsync(HttpStatusCode.OK);
        await (await SetAsync(advisor, 2024, "Sexual", "Mailbox", 3)).JsonAsync(HttpStatusCode.OK);
        await (await SetAsync(advisor, 2024, "Criminal", "PoliceBasisteam", 8)).JsonAsync(HttpStatusCode.OK);

        var exact = await (await officer.GetAsync("/api/figures?exact=true")).JsonAsync(HttpStatusCode.OK);
        var goal = exact.GetProperty("baseline").EnumerateArray().ToDictionary(b => b.GetProperty("year").GetInt32());
        Assert.Equal(0L, Value(goal[2024].GetProperty("internalSignals")));
        Assert.Equal(10L, Value(goal[2024].GetProperty("entered")));
        Assert.Equal("Entered", goal[2024].GetProperty("basis").GetString());
        Assert.Equal(10L, Value(goal[2024].GetProperty("compared")));
        Assert.Equal(12L, Value(goal[2025].GetProperty("internalSignals")));
        Assert.Equal(JsonValueKind.Null, goal[2025].GetProperty("entered").ValueKind);
        Assert.Equal("Counted", goal[2025].GetProperty("basis").GetString());
        Assert.Equal((2L, 20.0), (goal[2025].GetProperty("changeFromBaseline").GetInt64(), goal[2025].GetProperty("changePercent").GetDouble()));

        // The entered tables: marked as entered, only the years with entries, never added to the counted tables.
        var perForm = Table(exact, "entered-per-form");
        Assert.Equal("Entered", perForm.GetProperty("basis").GetString());
        Assert.Equal(["2024", "Totaal"], perForm.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal((9L, 4L, 8L, 21L), (Value(Cell(perForm, "Sexual")), Value(Cell(perForm, "Labour")), Value(Cell(perForm, "Criminal")), Value(Cell(perForm, "total"))));
        Assert.Equal(10L, Value(Cell(Table(exact, "entered-per-source"), "InternalReport")));
        var perYear = Table(exact, "per-year");
        Assert.Equal("Counted", perYear.GetProperty("basis").GetString());
        Assert.Equal((0L, 12L), (Value(Cell(perYear, "2024")), Value(Cell(perYear, "2025"))));
        // A department filter leaves the entered counts out: they have no department.
        var byDepartment = await (await officer.GetAsync("/api/figures?exact=true&departmentId=1")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(byDepartment.GetProperty("tables").EnumerateArray(), t => t.GetProperty("basis").GetString() == "Entered");

        // The policy advisor's figures protect the entered cells like the counted ones.
        var published = await (await advisor.GetAsync("/api/figures")).JsonAsync(HttpStatusCode.OK);
        foreach (var key in new[] { "entered-per-form", "entered-per-source" })
        {
            var rows = Table(published, key).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("cells").EnumerateArray().Select(Value).ToList()).ToList();
            Assert.All(rows, row => Assert.DoesNotContain(row, v => v is > 0 and < 5));
            Assert.All(rows, row => Assert.NotEqual(1, row.Count(v => v is null)));
            Assert.NotEqual(1, rows.Count(r => r[0] is null));
        }

        Assert.True(Cell(Table(published, "entered-per-form"), "Labour").GetProperty("suppressed").GetBoolean());
        Assert.True(Cell(Table(published, "entered-per-source"), "Mailbox").GetProperty("suppressed").GetBoolean());

        // The export says of every number whether it was counted or entered.
        var csv = await (await advisor.GetAsync("/api/figures/export?format=csv")).Content.ReadAsStringAsync();
        using var reader = Sep.Reader(o => o with { Sep = new Sep(';'), Unescape = true }).From(new StringReader(csv.TrimStart('\uFEFF')));
        var lines = reader.Enumerate(r => (Table: r["table"].ToString(), Basis: r["basis"].ToString())).ToList();
        Assert.All(lines.Where(l => l.Table.StartsWith("entered-", StringComparison.Ordinal)), l => Assert.Equal("ingevoerd (van vóór Meldroute)", l.Basis));
        Assert.All(lines.Where(l => l.Table == "per-year"), l => Assert.Equal("geteld door Meldroute", l.Basis));

        var page = await (await app.SignInAsync(advisorUser)).GetStringAsync("/Figures");
        Assert.Contains("Ingevoerde aantallen per vorm", page, StringComparison.Ordinal);
        Assert.Contains("data-basis=\"Entered\"", page, StringComparison.Ordinal);
        Assert.Contains("Interne signalen (ingevoerd)", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Figures/Baseline\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_policy_advisor_enters_corrects_and_removes_a_count_with_versions_audit_and_old_and_new_values()
    {
        using var app = new MeldrouteAppFactory(database);
        var advisor = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PolicyAdvisor));
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));

        var first = await (await SetAsync(advisor, 2024, "Labour", "InternalReport", 6, note: "telling meldpunt")).JsonAsync(HttpStatusCode.OK);
        var v1 = first.GetProperty("version").GetString()!;
        Assert.Equal("telling meldpunt", first.GetProperty("note").GetString());
        // Someone else's entry for the same year, form and source is not overwritten unseen.
        await (await SetAsync(advisor, 2024, "Labour", "InternalReport", 9)).JsonAsync(HttpStatusCode.Conflict);
        var second = await (await SetAsync(advisor, 2024, "Labour", "InternalReport", 7, v1, "telling meldpunt")).JsonAsync(HttpStatusCode.OK);
        var v2 = second.GetProperty("version").GetString()!;
        Assert.NotEqual(v1, v2);
        await (await SetAsync(advisor, 2024, "Labour", "InternalReport", 8, v1)).JsonAsync(HttpStatusCode.Conflict);

        var list = await (await officer.GetAsync("/api/figures/baseline")).JsonAsync(HttpStatusCode.OK);
        var entry = Assert.Single(list.EnumerateArray());
        Assert.Equal((7, "Labour", "InternalReport"), (entry.GetProperty("count").GetInt32(), entry.GetProperty("form").GetString(), entry.GetProperty("source").GetString()));
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("enteredBy").GetString()));
        var id = entry.GetProperty("id").GetInt32();

        // Bad input (a whole body, as every PUT must send): every field's own Dutch message; nothing stored.
        var refused = await (await advisor.PutAsJsonAsync("/api/figures/baseline", new { year = 1990, form = (string?)null, source = "Mailbox", count = -1, note = new string('x', 501), version = (Guid?)null })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Count", "Form", "Note", "Year"], refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("Vul een jaar in van 2000", refused.GetProperty("errors").GetProperty("Year")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await SetAsync(officer, 2023, "Labour", "InternalReport", 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.DeleteAsync($"/api/figures/baseline/{id}?version={v2}")).StatusCode);

        await (await advisor.DeleteAsync($"/api/figures/baseline/{id}?version={v1}")).JsonAsync(HttpStatusCode.Conflict);
        await (await advisor.DeleteAsync($"/api/figures/baseline/{id}")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await advisor.DeleteAsync($"/api/figures/baseline/{id}?version={v2}")).StatusCode);
        Assert.Empty((await (await officer.GetAsync("/api/figures/baseline")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        await (await advisor.DeleteAsync($"/api/figures/baseline/{id}?version={v2}")).JsonAsync(HttpStatusCode.NotFound);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var changes = await db.ReferenceChanges.Where(c => c.Subject == ReferenceChange.Baseline).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(["Created", "Count", "Deleted"], changes.Select(c => c.Fields));
        Assert.All(changes, c => Assert.Equal("2024/Labour/InternalReport", c.SubjectKey));
        Assert.Equal(("{\"Count\":6}", "{\"Count\":7}"), (changes[1].Before, changes[1].After));
        Assert.Null(changes[2].After);
        Assert.Contains("\"Count\":7", changes[2].Before, StringComparison.Ordinal);
        foreach (var action in new[] { "baseline.entered", "baseline.changed", "baseline.deleted" })
        {
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == action && e.ObjectId == "2024/Labour/InternalReport"), action);
        }
    }

    [Fact]
    public async Task The_page_keeps_what_was_typed_next_to_a_Dutch_message_and_lists_entries_and_changes()
    {
        using var app = new MeldrouteAppFactory(database);
        var advisor = await app.SignInAsync(await app.CreateAsync(Roles.PolicyAdvisor));

        var bad = await advisor.PostFormAsync("/Figures/Baseline", new Dictionary<string, string>
        {
            ["Input.Year"] = "twintig", ["Input.Form"] = "Sexual", ["Input.Source"] = "InternalReport", ["Input.Count"] = "12",
        });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Vul een jaar in van 2000", html, StringComparison.Ordinal);
        Assert.Contains("value=\"twintig\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12\"", html, StringComparison.Ordinal);

        var saved = await advisor.PostFormAsync("/Figures/Baseline", new Dictionary<string, string>
        {
            ["Input.Year"] = "2024", ["Input.Form"] = "Sexual", ["Input.Source"] = "InternalReport", ["Input.Count"] = "12", ["Input.Note"] = "jaaroverzicht meldpunt",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await advisor.GetStringAsync("/Figures/Baseline");
        Assert.Contains("data-entry=\"2024/Sexual/InternalReport\"", page, StringComparison.Ordinal);
        Assert.Contains("jaaroverzicht meldpunt", page, StringComparison.Ordinal);
        Assert.Contains("data-change=\"Created\"", page, StringComparison.Ordinal);

        // The same cell again from a form that saw no entry: a conflict, not an overwrite.
        var again = await advisor.PostFormAsync("/Figures/Baseline", new Dictionary<string, string>
        {
            ["Input.Year"] = "2024", ["Input.Form"] = "Sexual", ["Input.Source"] = "InternalReport", ["Input.Count"] = "13",
        });
        Assert.Contains("data-testid=\"conflict\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class BaselineCountTestsOnSqlite() : BaselineCountTests(Database.Sqlite);

public sealed class BaselineCountTestsOnPostgres() : BaselineCountTests(Database.Postgres);
