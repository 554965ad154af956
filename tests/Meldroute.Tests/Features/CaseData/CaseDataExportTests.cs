using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.CaseData;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.CaseData;

/// <summary>
/// The anonymised case export (issue 21 items 5 and 6): HTCDS field names, k-anonymous output with k the figures'
/// threshold, the rows left out counted, and nothing of any free-text field, name or reference in it.
/// </summary>
[Trait("Category", "Integration")]
public abstract class CaseDataExportTests(Database database)
{
    private static readonly string[] Columns = [.. HtcdsCase.Columns.Select(c => c.Name)];

    /// <summary>
    /// Signals whose every free text carries the marker (description, address, names, age, nationality, language,
    /// contact, analysis, assessment, summaries, balancing, dossier note, consent purpose, closure note), two of them
    /// forwarded into victim dossiers with a CoMensha registration. Answers the number of rows the export has before
    /// anonymisation.
    /// </summary>
    private static async Task<int> SeedAsync(MeldrouteAppFactory app, string marker)
    {
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var member = await app.CreateAsync(Roles.CaseTableMember);
        var coordinator = await app.CreateApiClientAsync(await app.CreateAsync(Roles.VictimCareCoordinator));
        object Signal(int i, string[] forms) => new
        {
            acuteDanger = false,
            description = $"Omschrijving {marker} nummer {i}: werkt dag en nacht.",
            observedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            locationType = "Hotel",
            locationDetail = $"Hoofdweg {marker} {i}",
            forms,
            indicatorCodes = new[] { "L01" },
            people = new object[]
            {
                new { role = "PossibleVictim", name = $"Slachtoffer {marker} {i}", age = "17", minor = "Yes", nationality = $"Nat{marker}", language = $"Taal{marker}", contact = $"06-{marker}" },
                new { role = "PossibleExploiter", name = $"Verdachte {marker} {i}", minor = "No" },
            },
        };

        for (var i = 0; i < 6; i++)
        {
            await reporter.SubmitAsync(Signal(i, ["Labour"]));
        }

        for (var i = 6; i < 8; i++)
        {
            var id = (await reporter.SubmitAsync(Signal(i, ["Labour", "Sexual"]))).GetProperty("id").GetString()!;
            var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id, notes: $"Analyse {marker}");
            await app.ForwardAsync(officer, id, victimRoute, perpetratorRoute, balancingText: $"Afweging {marker}");
        }

        foreach (var row in (await (await coordinator.GetAsync("/api/dossiers")).JsonAsync(HttpStatusCode.OK)).EnumerateArray())
        {
            var dossierId = row.GetProperty("id").GetString();
            var dossier = await (await coordinator.GetAsync($"/api/dossiers/{dossierId}")).JsonAsync(HttpStatusCode.OK);
            var victimId = Assert.Single(dossier.GetProperty("victims").EnumerateArray()).GetProperty("id").GetString();
            var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var changed = await coordinator.PostAsync($"/api/dossiers/{dossierId}/notes", new { version = dossier.GetProperty("version").GetString(), kind = "CareNote", occurredOn = today, text = $"Notitie {marker}" });
            changed = await coordinator.PostAsync($"/api/dossiers/{dossierId}/consents", new { version = changed.GetProperty("version").GetString(), purpose = $"Doel {marker}", given = true, recordedOn = today });
            await (await coordinator.PutAsJsonAsync($"/api/dossiers/{dossierId}/victims/{victimId}/comensha", new
            {
                version = changed.GetProperty("version").GetString(), registeredOn = today, consent = "Given", consentOn = today, consentBy = "Victim",
                forms = new[] { "Labour" }, sector = "Agriculture", countryOfOrigin = "BG", nationality = "BG", ageGroup = "Age16To17", gender = "Male", signalledBy = "Municipality",
            })).JsonAsync(HttpStatusCode.OK);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        return await db.Signals.CountAsync() + await db.Set<Meldroute.Web.Features.VictimDossiers.DossierVictim>().CountAsync();
    }

    private static List<string[]> CsvRows(string csv, out List<string> comments)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        comments = [.. lines.TakeWhile(l => l.StartsWith('#'))];
        var table = lines.SkipWhile(l => l.StartsWith('#')).ToList();
        Assert.Equal(Columns, table[0].Split(','));
        return [.. table.Skip(1).Select(l => l.Split(','))];
    }

    [Fact]
    public async Task The_export_is_k_anonymous_holds_no_free_text_and_counts_what_it_left_out()
    {
        using var app = new MeldrouteAppFactory(database, settings: new Dictionary<string, string?> { ["Figures:SuppressionThreshold"] = "2" });
        var marker = "MRK" + Guid.NewGuid().ToString("N")[..8];
        var total = await SeedAsync(app, marker);
        Assert.Equal(10, total);
        var advisor = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PolicyAdvisor));

        var json = await advisor.GetAsync("/api/case-data/export?format=json");
        var jsonText = await json.Content.ReadAsStringAsync();
        var export = await json.JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(marker, jsonText, StringComparison.Ordinal);
        Assert.Equal(2, export.GetProperty("k").GetInt32());
        var records = export.GetProperty("records").EnumerateArray().Select(r => Columns.Select(c => r.GetProperty(c).ValueKind == JsonValueKind.Null ? null : r.GetProperty(c).GetString()).ToArray()).ToList();
        Assert.True(KAnonymity.IsKAnonymous(records, 2), string.Join("\n", records.Select(r => string.Join(",", r))));
        Assert.Equal(total, records.Count + export.GetProperty("rowsLeftOut").GetInt32());
        // Eight signals and two victims: the six alike and the two forwarded ones pair up; the two victims, alike too, stay.
        Assert.Equal(8, records.Count(r => r[0] == HtcdsCase.SignalRecord));
        var victims = records.Where(r => r[0] == HtcdsCase.VictimRecord).ToList();
        Assert.Equal(2, victims.Count);
        Assert.All(victims, v => Assert.Equal("ForcedLabour|Agriculture|16-17|Male|EU", string.Join("|", v[2], v[4], v[5], v[6], v[7])));
        Assert.Contains(records, r => r[8] == "VictimTrack;PerpetratorTrack");
        Assert.Equal(Columns, export.GetProperty("generalisation").EnumerateObject().Select(p => p.Name));

        var csv = await advisor.GetAsync("/api/case-data/export?format=CSV");
        Assert.StartsWith("text/csv", csv.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var csvText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(marker, csvText, StringComparison.Ordinal);
        var rows = CsvRows(csvText, out var comments);
        Assert.Contains(comments, c => c.Contains("k=2", StringComparison.Ordinal) && c.Contains($"rows-left-out={total - rows.Count}", StringComparison.Ordinal));
        Assert.True(KAnonymity.IsKAnonymous(rows, 2));
        Assert.Equal(records.Select(r => string.Join(",", r.Select(v => v ?? ""))).Order(StringComparer.Ordinal), rows.Select(r => string.Join(",", r)).Order(StringComparer.Ordinal));

        // No reference, name or free text of any kind: not a signal's nor a dossier's reference either.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            foreach (var reference in await db.Signals.Select(s => s.Reference).ToListAsync())
            {
                Assert.DoesNotContain(reference, csvText + jsonText, StringComparison.Ordinal);
                Assert.DoesNotContain("SD" + reference[2..], csvText + jsonText, StringComparison.Ordinal);
            }

            Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == "case-data.exported" && e.Outcome == AuditOutcome.Success));
        }
    }

    [Fact]
    public async Task With_the_default_threshold_rare_rows_are_generalised_or_left_out_and_the_period_picks_whole_years()
    {
        using var app = new MeldrouteAppFactory(database);
        var marker = "MRK" + Guid.NewGuid().ToString("N")[..8];
        var total = await SeedAsync(app, marker);
        var advisor = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PolicyAdvisor));

        var export = await (await advisor.GetAsync("/api/case-data/export?format=json")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, export.GetProperty("k").GetInt32());
        var records = export.GetProperty("records").EnumerateArray().Select(r => Columns.Select(c => r.GetProperty(c).ValueKind == JsonValueKind.Null ? null : r.GetProperty(c).GetString()).ToArray()).ToList();
        Assert.True(KAnonymity.IsKAnonymous(records, 5));
        var leftOut = export.GetProperty("rowsLeftOut").GetInt32();
        Assert.Equal(total, records.Count + leftOut);
        // Two victims can never make a group of five: they are left out, and so no victim's registration shows.
        Assert.DoesNotContain(records, r => r[0] == HtcdsCase.VictimRecord);
        Assert.True(leftOut >= 2);

        var year = DateTime.UtcNow.Year;
        var thisYear = await (await advisor.GetAsync($"/api/case-data/export?format=json&fromYear={year}&toYear={year}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(records.Count, thisYear.GetProperty("records").GetArrayLength());
        var nextYear = await (await advisor.GetAsync($"/api/case-data/export?format=json&fromYear={year + 1}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((0, 0), (nextYear.GetProperty("records").GetArrayLength(), nextYear.GetProperty("rowsLeftOut").GetInt32()));

        // Bad input: a validation problem by the field, never a 500.
        var reversed = await (await advisor.GetAsync($"/api/case-data/export?fromYear={year}&toYear={year - 1}")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(reversed.GetProperty("errors").TryGetProperty("toYear", out _));
        Assert.True((await (await advisor.GetAsync("/api/case-data/export?format=xml")).JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("format", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await advisor.GetAsync("/api/case-data/export?fromYear=1900")).StatusCode);

        // The page: the same export as a download, and bad input shown by the field with the input kept.
        var browser = await app.SignInAsync(await app.CreateAsync(Roles.PolicyAdvisor));
        var download = await browser.GetAsync($"/CaseData?handler=Download&Query.FromYear={year}&Query.Format=Json");
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain(marker, await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await browser.GetAsync($"/CaseData?handler=Download&Query.FromYear={year}&Query.ToYear=1999");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Vul een jaar in van 2000 tot en met 2100.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"1999\"", html, StringComparison.Ordinal);
    }
}

public sealed class CaseDataExportTestsOnSqlite() : CaseDataExportTests(Database.Sqlite);

public sealed class CaseDataExportTestsOnPostgres() : CaseDataExportTests(Database.Postgres);
