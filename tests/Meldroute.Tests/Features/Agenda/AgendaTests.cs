using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Demo;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Agenda;

/// <summary>The implementation agenda: activities per goal, year, level and status, late ones, progress with evidence, XLSX for the council.</summary>
[Trait("Category", "Integration")]
public abstract class AgendaTests(Database database)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static object Activity(string title, string[] goals, int level, DateOnly start, DateOnly end, string status, string? version = null) => new
    {
        version, title, description = "Omschrijving van " + title, goals, forms = new[] { "Labour" }, ownerDepartment = "Team OOV", partners = "NLA",
        level, buildingBlocks = "Samenwerking in keten en regio", plannedStart = Iso(start), plannedEnd = Iso(end), status,
    };

    [Fact]
    public async Task The_policy_advisor_keeps_the_agenda_filters_it_records_progress_and_exports_it_for_the_council()
    {
        using var app = new MeldrouteAppFactory(database);
        var advisorUser = await app.CreateAsync(Roles.PolicyAdvisor);
        var advisor = await app.CreateApiClientAsync(advisorUser);
        var today = DateOnly.FromDateTime(DateTime.Now);

        var late = await (await advisor.PostAsJsonAsync("/api/agenda", Activity("Pilot arbeidsuitbuiting", ["ChainCooperation", "SignallingCapacity"], 2, today.AddMonths(-6), today.AddDays(-10), "Running")))
            .JsonAsync(HttpStatusCode.Created);
        await (await advisor.PostAsJsonAsync("/api/agenda", Activity("Preventie op scholen", ["Awareness"], 3, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), "NotFunded"))).JsonAsync(HttpStatusCode.Created);
        await (await advisor.PostAsJsonAsync("/api/agenda", Activity("Netwerkdag", ["ChainCooperation"], 2, today.AddMonths(-3), today.AddMonths(-2), "Done"))).JsonAsync(HttpStatusCode.Created);
        Assert.True(late.GetProperty("isLate").GetBoolean());

        async Task<List<string>> TitlesAsync(string query) =>
            [.. (await (await advisor.GetAsync("/api/agenda" + query)).JsonAsync(HttpStatusCode.OK)).GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("title").GetString()!)];
        Assert.Equal(["Pilot arbeidsuitbuiting", "Netwerkdag"], await TitlesAsync("?goal=ChainCooperation"));
        Assert.Equal(["Preventie op scholen"], await TitlesAsync("?level=3"));
        Assert.Equal(["Preventie op scholen"], await TitlesAsync("?year=2027"));
        Assert.Equal(["Pilot arbeidsuitbuiting"], await TitlesAsync("?late=true"));
        Assert.Equal(["Preventie op scholen"], await TitlesAsync("?status=NotFunded"));

        // Bad filters and bad input: Dutch messages per field, never a 500.
        var badFilter = await (await advisor.GetAsync("/api/agenda?goal=Vrede&level=7&status=Klaar")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Dit doel kent Meldroute niet. Kies een doel uit de lijst.", badFilter.GetProperty("errors").GetProperty("Goal")[0].GetString());
        Assert.True(badFilter.GetProperty("errors").TryGetProperty("Level", out _));
        Assert.True(badFilter.GetProperty("errors").TryGetProperty("Status", out _));
        var bad = await (await advisor.PostAsJsonAsync("/api/agenda", new { title = "", goals = Array.Empty<string>(), level = 5, status = "Klaar", plannedStart = "2026-05-01", plannedEnd = "2026-01-01" }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.Equal("Vul dit veld in.", errors.GetProperty("Title")[0].GetString());
        Assert.Equal("Kies ten minste één doel.", errors.GetProperty("Goals")[0].GetString());
        Assert.Equal("Kies een investeringsniveau van 1 tot en met 4.", errors.GetProperty("Level")[0].GetString());
        Assert.Equal("Het einde ligt vóór de start.", errors.GetProperty("PlannedEnd")[0].GetString());
        Assert.True(errors.TryGetProperty("Status", out _));

        // Update with the version; a second editor holding the old version gets 409 in Dutch.
        var id = late.GetProperty("id").GetInt32();
        var version = late.GetProperty("version").GetString();
        var done = await (await advisor.PutAsJsonAsync($"/api/agenda/{id}", Activity("Pilot arbeidsuitbuiting", ["ChainCooperation"], 2, today.AddMonths(-6), today.AddDays(-10), "Done", version)))
            .JsonAsync(HttpStatusCode.OK);
        Assert.False(done.GetProperty("isLate").GetBoolean());
        var stale = await (await advisor.PutAsJsonAsync($"/api/agenda/{id}", Activity("Pilot arbeidsuitbuiting", ["ChainCooperation"], 2, today.AddMonths(-6), today.AddDays(-10), "Stopped", version)))
            .JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("is intussen door iemand anders gewijzigd", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await advisor.PutAsJsonAsync("/api/agenda/99999", Activity("x", ["Awareness"], 1, today, today, "Planned", Guid.NewGuid().ToString()))).JsonAsync(HttpStatusCode.NotFound);

        // Progress with a link to the evidence; a link that is not a web address is refused.
        var badNote = await (await advisor.PostAsJsonAsync($"/api/agenda/{id}/notes", new { text = "Evaluatie gereed", evidenceUrl = "javascript:alert(1)" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Vul een volledige link in", badNote.GetProperty("errors").GetProperty("EvidenceUrl")[0].GetString(), StringComparison.Ordinal);
        var noted = await (await advisor.PostAsJsonAsync($"/api/agenda/{id}/notes", new { text = "Evaluatie gereed", evidenceUrl = "https://dms.voorbeeld.test/evaluatie-pilot" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("https://dms.voorbeeld.test/evaluatie-pilot", noted.GetProperty("notes")[0].GetProperty("evidenceUrl").GetString());

        // The council's export: an XLSX that opens with the Open XML SDK, one row per activity with the latest progress.
        var xlsx = await advisor.GetAsync("/api/agenda/xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = ReadSheet(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal("Activiteit", rows[0][0]);
        Assert.Equal(4, rows.Count);
        var pilot = rows.Single(r => r[0] == "Pilot arbeidsuitbuiting");
        Assert.Contains("Afgerond", pilot, StringComparer.Ordinal);
        Assert.Contains("Evaluatie gereed", pilot, StringComparer.Ordinal);
        Assert.Contains("Samenwerking in keten en regio", pilot, StringComparer.Ordinal);
        Assert.Equal(3, ReadSheet(await (await advisor.GetAsync("/api/agenda/xlsx?goal=ChainCooperation")).Content.ReadAsByteArrayAsync()).Count);

        // The page: filters as query parameters, errors next to the field, the same export.
        var browser = await app.SignInAsync(advisorUser);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/Agenda?level=3"));
        Assert.Contains("data-activity=\"Preventie op scholen\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-activity=\"Netwerkdag\"", page, StringComparison.Ordinal);
        var badPage = WebUtility.HtmlDecode(await browser.GetStringAsync("/Agenda?year=twintig"));
        Assert.Contains("id=\"year-error\"><p class=\"utrecht-paragraph\">Vul een jaar in van vier cijfers", badPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Agenda?handler=Xlsx&level=2")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.Action == "agenda.activity.added"));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "agenda.activity.updated"));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "agenda.note.added"));
    }

    [Fact]
    public async Task The_demo_agenda_holds_the_activities_the_plan_names_and_pages_on_the_server()
    {
        using var app = new MeldrouteAppFactory(database);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        var advisorUser = await app.CreateAsync(Roles.PolicyAdvisor);
        var advisor = await app.CreateApiClientAsync(advisorUser);
        var all = await (await advisor.GetAsync("/api/agenda")).JsonAsync(HttpStatusCode.OK);
        var titles = all.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        foreach (var named in new[] { "Pilot preventie arbeidsuitbuiting", "Samenwerking met de hotelbranche", "Professionaliseren prostitutiecontroleteam", "YouChoose", "Weerbare Jeugd",
                     "Structurele casusregisseur", "Onderzoek naar Schiphol", "Scholing medewerkers met publiekscontact", "Jaarlijkse netwerkdag", "Zorgkaart mensenhandel",
                     "Preventie op scholen en bij andere stakeholders" })
        {
            Assert.Contains(named, titles);
        }

        Assert.Contains(titles, t => t!.StartsWith("O.K.O.", StringComparison.Ordinal));

        // More than 25 activities (12 from the demo agenda, 20 added): the list pages on the server.
        var version = all.GetProperty("activities")[0].GetProperty("version").GetString();
        for (var i = 0; i < 20; i++)
        {
            await (await advisor.PostAsJsonAsync("/api/agenda", new { title = $"Extra activiteit {i:00}", goals = new[] { "Awareness" }, level = 2, status = "Planned" })).JsonAsync(HttpStatusCode.Created);
        }

        var first = await (await advisor.GetAsync("/api/agenda")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(32, first.GetProperty("total").GetInt32());
        Assert.Equal(25, first.GetProperty("activities").GetArrayLength());
        var second = await (await advisor.GetAsync("/api/agenda?page=2")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(7, second.GetProperty("activities").GetArrayLength());
        var html = WebUtility.HtmlDecode(await (await app.SignInAsync(advisorUser)).GetStringAsync("/Agenda?p=2"));
        Assert.Contains("32 activiteiten, pagina 2 van 2", html, StringComparison.Ordinal);
        Assert.NotNull(version);
    }

    private static List<List<string>> ReadSheet(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet!;
        return [.. sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList())];
    }
}

public sealed class AgendaTestsOnSqlite() : AgendaTests(Database.Sqlite);

public sealed class AgendaTestsOnPostgres() : AgendaTests(Database.Postgres);
