using System.Net;
using System.Text.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Agenda;
using Meldroute.Web.Features.Departments;
using Meldroute.Web.Features.Framework;
using Meldroute.Web.Features.Training;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using nietras.SeparatedValues;
using static Meldroute.Tests.Features.Figures.FigureJson;

namespace Meldroute.Tests.Features.Figures;

/// <summary>
/// The figures on a known data set (forwarded and purged signals included) on both databases: exact counts for the
/// officer, suppressed ones for the policy advisor that survive differencing, the 2024 baseline, and the CSV export.
/// </summary>
[Trait("Category", "Process")]
public abstract class FiguresTests(Database database)
{
    private static async Task<(int A, int B)> SeedAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var a = new Department { Name = "Publiekszaken", HasPublicContact = true };
        var b = new Department { Name = "Handhaving", HasPublicContact = true };
        db.Departments.AddRange(a, b);
        await db.SaveChangesAsync();
        var number = 0;
        void Add(int year, int month, ExploitationForms form, SignalSource source, Department? department, int count, bool purged = false, bool minor = false)
        {
            for (var i = 0; i < count; i++)
            {
                var received = new DateTimeOffset(year, month, 3, 10, 0, 0, TimeSpan.Zero);
                db.Signals.Add(new Signal
                {
                    Reference = $"MR-{year}-{++number:0000}",
                    SubmittedById = "seed",
                    ReceivedAt = received,
                    LastChangedAt = received,
                    FirstAnalysisAt = received.AddDays(i % 2 == 0 ? 1 : 9),
                    Status = purged ? SignalStatus.Forwarded : SignalStatus.InAnalysis,
                    ForwardedAt = purged ? received.AddDays(20) : null,
                    Forms = form,
                    Source = source,
                    DepartmentId = department?.Id,
                    LocationType = LocationType.Hotel,
                    InvolvesMinor = minor,
                    Description = purged ? null : "Beschrijving",
                    DeletionReceipt = purged ? new SignalDeletionReceipt { PurgedAt = received.AddDays(20), Rule = SignalPurge.OnForwardingRule } : null,
                });
            }
        }

        Add(2024, 3, ExploitationForms.Sexual, SignalSource.InternalReport, a, 6);
        Add(2024, 5, ExploitationForms.Labour, SignalSource.InternalReport, b, 2);
        Add(2025, 2, ExploitationForms.Sexual, SignalSource.InternalReport, a, 9, purged: true);
        Add(2025, 4, ExploitationForms.Labour, SignalSource.InternalReport, b, 7, minor: true);
        Add(2025, 4, ExploitationForms.Criminal, SignalSource.Mailbox, null, 1, purged: true);
        Add(2025, 6, ExploitationForms.Sexual | ExploitationForms.Labour, SignalSource.PoliceBasisteam, null, 6);
        await db.SaveChangesAsync();
        return (a.Id, b.Id);
    }

    [Fact]
    public async Task The_officer_sees_exact_counts_of_all_signals_including_purged_ones_and_the_baseline()
    {
        using var app = new MeldrouteAppFactory(database);
        var (a, _) = await SeedAsync(app);
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));

        var figures = await (await officer.GetAsync("/api/figures?exact=true")).JsonAsync(HttpStatusCode.OK);
        Assert.True(figures.GetProperty("exact").GetBoolean());
        var perYear = Table(figures, "per-year");
        Assert.Equal((8L, 23L, 31L), (Value(Cell(perYear, "2024")), Value(Cell(perYear, "2025")), Value(Cell(perYear, "total"))));
        var perForm = Table(figures, "per-form");
        var years = figures.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();
        Assert.Equal(6L, Value(Cell(perForm, "Multiple", years.IndexOf(2025))));
        Assert.Equal(1L, Value(Cell(perForm, "Criminal", years.IndexOf(2025))));
        Assert.Equal(9L, Value(Cell(Table(figures, "per-department"), a.ToString(System.Globalization.CultureInfo.InvariantCulture), years.IndexOf(2025))));

        var baseline = figures.GetProperty("baseline").EnumerateArray().ToDictionary(b => b.GetProperty("year").GetInt32());
        Assert.Equal(16L, Value(baseline[2025].GetProperty("internalSignals")));
        Assert.Equal(8L, baseline[2025].GetProperty("changeFromBaseline").GetInt64());
        Assert.Equal(100.0, baseline[2025].GetProperty("changePercent").GetDouble());

        var lead = figures.GetProperty("leadTimes").EnumerateArray().Single(l => l.GetProperty("year").GetInt32() == 2025 && l.GetProperty("step").GetString() == "ToFirstAnalysis");
        Assert.Equal(23L, Value(lead.GetProperty("count")));
        Assert.True(lead.GetProperty("late").GetProperty("value").GetInt64() > 0);

        var filtered = await (await officer.GetAsync($"/api/figures?exact=true&year=2025&form=Labour&source=InternalReport&departmentId={a}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0L, Value(Cell(Table(filtered, "per-year"), "total")));
    }

    [Fact]
    public async Task The_policy_advisor_sees_small_counts_suppressed_and_cannot_recover_them_by_differencing()
    {
        using var app = new MeldrouteAppFactory(database);
        await SeedAsync(app);
        var advisorUser = await app.CreateAsync(Roles.PolicyAdvisor);
        var advisor = await app.CreateApiClientAsync(advisorUser);

        var all = await (await advisor.GetAsync("/api/figures?exact=true")).JsonAsync(HttpStatusCode.OK);
        Assert.False(all.GetProperty("exact").GetBoolean());
        var years = all.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();

        // Every table of signal counts: no published line (row or column with its total) has exactly one suppressed
        // entry. (Training has its own test: its columns are not all counts.)
        foreach (var table in all.GetProperty("tables").EnumerateArray().Where(t => !t.GetProperty("key").GetString()!.StartsWith("training-", StringComparison.Ordinal)))
        {
            var rows = table.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("cells").EnumerateArray().Select(Value).ToList()).ToList();
            var rowIsLine = table.GetProperty("columns").EnumerateArray().Last().GetString() == "Totaal";
            foreach (var row in rows)
            {
                // With a total column the row is a whole line.
                Assert.True(!rowIsLine || row.Count(v => v is null) != 1);
                Assert.DoesNotContain(row, v => v is > 0 and < 5);
            }

            for (var c = 0; c < rows[0].Count; c++)
            {
                Assert.NotEqual(1, rows.Count(r => r[c] is null));
            }
        }

        // Two overlapping filters (all sources vs internal reports only) must not reveal the one mailbox signal of 2025.
        var internalOnly = await (await advisor.GetAsync("/api/figures?source=InternalReport")).JsonAsync(HttpStatusCode.OK);
        var policeOnly = await (await advisor.GetAsync("/api/figures?source=PoliceBasisteam")).JsonAsync(HttpStatusCode.OK);
        var total2025 = Value(Cell(Table(all, "per-year"), "2025"));
        var internal2025 = Value(Cell(Table(internalOnly, "per-year"), "2025"));
        var police2025 = Value(Cell(Table(policeOnly, "per-year"), "2025"));
        Assert.False(total2025 is { } t && internal2025 is { } i && police2025 is { } p && t - i - p == 1, "the mailbox signal was recoverable by differencing");
        var perSource = Table(all, "per-source");
        Assert.Null(Value(Cell(perSource, "Mailbox", years.IndexOf(2025))));

        // The tables per year, form, source, location and minors, of all years and of each year, attacked together:
        // a count is hidden in every table that shows it or in none, and no hidden count comes out of all their rows and
        // columns solved together (stop 31 found the total of a year hidden in the table per form and shown in the
        // table per year, which gave a small count away).
        var answers = new List<(JsonElement, string?, string)> { (all, "own", "all") };
        foreach (var year in years)
        {
            answers.Add((await (await advisor.GetAsync($"/api/figures?year={year}")).JsonAsync(HttpStatusCode.OK), "own", year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var (published, lines) = Region.RegionalAttack.Published(answers, ["own"], [.. years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Contains(published.Values, v => v is null);
        Assert.Empty(Region.RegionalAttack.Derivable(published, lines));

        // The page shows the same, with "< 5".
        var page = await (await app.SignInAsync(advisorUser)).GetStringAsync("/Figures");
        Assert.Contains("&lt; 5", page, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CSV_export_carries_the_same_suppressed_numbers()
    {
        using var app = new MeldrouteAppFactory(database);
        await SeedAsync(app);
        var advisor = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PolicyAdvisor));
        var figures = await (await advisor.GetAsync("/api/figures")).JsonAsync(HttpStatusCode.OK);

        var csv = await (await advisor.GetAsync("/api/figures/export?format=csv")).Content.ReadAsStringAsync();
        using var reader = Sep.Reader(o => o with { Sep = new Sep(';'), Unescape = true }).From(new StringReader(csv.TrimStart('\uFEFF')));
        var rows = reader.Enumerate(r => (Table: r["table"].ToString(), Row: r["row"].ToString(), Column: r["column"].ToString(), Value: r["value"].ToString())).ToList();
        var perYear = Table(figures, "per-year");
        var expected2025 = Shown(Cell(perYear, "2025"));
        Assert.Contains(("per-year", "2025", "Aantal", expected2025), rows);
        Assert.Contains(rows, r => r.Value == "< 5");
        Assert.DoesNotContain(rows, r => r.Value is "1" or "2" or "3" or "4");
        Assert.Equal(HttpStatusCode.BadRequest, (await advisor.GetAsync("/api/figures/export?format=pdf")).StatusCode);

        // The same numbers in the spreadsheet, read back with the library that wrote it.
        await using var xlsx = new MemoryStream(await (await advisor.GetAsync("/api/figures/export?format=xlsx")).Content.ReadAsByteArrayAsync());
        var sheetRows = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "per-year").Cast<IDictionary<string, object>>().ToList();
        var row2025 = sheetRows.Single(r => r["Jaar"]?.ToString() == "2025");
        Assert.Equal(expected2025, Convert.ToString(row2025["Aantal"], System.Globalization.CultureInfo.InvariantCulture));
        xlsx.Position = 0;
        Assert.Contains(MiniExcelLibs.MiniExcel.GetSheetNames(xlsx), name => name == "per-department");
    }

    [Fact]
    public async Task Counts_below_the_threshold_show_as_below_5_and_cells_hidden_to_protect_them_as_x_with_a_legend()
    {
        using var app = new MeldrouteAppFactory(database);
        await SeedAsync(app);
        var advisorUser = await app.CreateAsync(Roles.PolicyAdvisor);
        var advisor = await app.CreateApiClientAsync(advisorUser);
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var exact = await (await officer.GetAsync("/api/figures?exact=true")).JsonAsync(HttpStatusCode.OK);
        var figures = await (await advisor.GetAsync("/api/figures")).JsonAsync(HttpStatusCode.OK);

        // Every hidden cell of every table, judged against the exact count: "< 5" only for 1..4, "x" never for 1..4.
        var shown = new Dictionary<(string Table, string Row, int Column), string>();
        foreach (var table in figures.GetProperty("tables").EnumerateArray())
        {
            var key = table.GetProperty("key").GetString()!;
            foreach (var row in table.GetProperty("rows").EnumerateArray())
            {
                var cells = row.GetProperty("cells").EnumerateArray().ToList();
                for (var c = 0; c < cells.Count; c++)
                {
                    var rowKey = row.GetProperty("key").GetString()!;
                    shown[(key, rowKey, c)] = Shown(cells[c]);
                    var count = Value(Cell(Table(exact, key), rowKey, c));
                    if (Shown(cells[c]) == "< 5")
                    {
                        Assert.True(count is > 0 and < 5, $"{key}/{rowKey}/{c} shows < 5 but is {count}");
                    }
                    else if (Shown(cells[c]) == "x")
                    {
                        Assert.False(count is > 0 and < 5, $"{key}/{rowKey}/{c} shows x but is below the threshold");
                    }
                }
            }
        }

        Assert.Contains("< 5", shown.Values);
        Assert.Contains("x", shown.Values);
        var years = figures.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();
        var perSource = Table(figures, "per-source");
        Assert.Equal("< 5", Shown(Cell(perSource, "Mailbox", years.IndexOf(2025))));

        // The page: the same symbols and the legend that explains them.
        var page = await (await app.SignInAsync(advisorUser)).GetStringAsync("/Figures");
        Assert.Contains("data-testid=\"figures-legend\"", page, StringComparison.Ordinal);
        Assert.Contains("verborgen om een andere cel te beschermen", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"utrecht-table__cell\">x</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"utrecht-table__cell\">&lt; 5</td>", page, StringComparison.Ordinal);

        // The CSV: every cell as in the JSON, and the legend as rows of its own.
        var csv = await (await advisor.GetAsync("/api/figures/export?format=csv")).Content.ReadAsStringAsync();
        using var reader = Sep.Reader(o => o with { Sep = new Sep(';'), Unescape = true }).From(new StringReader(csv.TrimStart('\uFEFF')));
        var rows = reader.Enumerate(r => (Table: r["table"].ToString(), Row: r["row"].ToString(), Value: r["value"].ToString())).ToList();
        Assert.Equal(shown.Count(s => s.Value == "x"), rows.Count(r => r.Table != "legend" && r.Value == "x"));
        Assert.Equal(shown.Count(s => s.Value == "< 5"), rows.Count(r => r.Table != "legend" && r.Value == "< 5"));
        var legend = rows.Where(r => r.Table == "legend").ToDictionary(r => r.Row, r => r.Value);
        Assert.StartsWith("een aantal van 1 tot 5", legend["< 5"], StringComparison.Ordinal);
        Assert.StartsWith("verborgen om een andere cel te beschermen", legend["x"], StringComparison.Ordinal);

        // The spreadsheet has the legend as a sheet; exact figures hide nothing and need no legend.
        await using var xlsx = new MemoryStream(await (await advisor.GetAsync("/api/figures/export?format=xlsx")).Content.ReadAsByteArrayAsync());
        var legendSheet = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "legend").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["< 5", "x"], legendSheet.Select(r => Convert.ToString(r["symbol"], System.Globalization.CultureInfo.InvariantCulture)));
        var exactCsv = await (await officer.GetAsync("/api/figures/export?format=csv&exact=true")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("legend;", exactCsv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_load_adds_anonymous_signals_only_when_confirmed_and_the_figures_count_them()
    {
        using var app = new MeldrouteAppFactory(database);
        var refused = await OperatorProcess.RunAsync(app, "seed-load", "--count", "300");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("benchmark-database", refused.Output, StringComparison.Ordinal);

        var loaded = await OperatorProcess.RunAsync(app, "seed-load", "--count", "300", "--seed", "7", "--confirm", "benchmark-database");
        Assert.True(loaded.ExitCode == 0, loaded.Output);

        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var figures = await (await officer.GetAsync("/api/figures?exact=true")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(300L, Value(Cell(Table(figures, "per-year"), "total")));
        var perForm = Table(figures, "per-form").GetProperty("rows").EnumerateArray().Where(r => !r.GetProperty("isTotal").GetBoolean())
            .Select(r => (r.GetProperty("key").GetString(), Value(r.GetProperty("cells")[r.GetProperty("cells").GetArrayLength() - 1]))).ToDictionary(x => x.Item1!, x => x.Item2);
        Assert.True(perForm["Sexual"] > perForm["Criminal"], "sexual exploitation is the most frequent form in the generated data");
        Assert.True(Value(Cell(Table(figures, "per-route"), "total", 0)) > 0);

        // A second load continues the numbers; the bulk insert stores what a save would: the figure columns and inbox
        // rank derived from the dates and status, the deletion receipt, and routes that belong to their signals.
        var more = await OperatorProcess.RunAsync(app, "seed-load", "--count", "200", "--seed", "8", "--confirm", "benchmark-database");
        Assert.True(more.ExitCode == 0, more.Output);
        figures = await (await officer.GetAsync("/api/figures?exact=true")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(500L, Value(Cell(Table(figures, "per-year"), "total")));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var stored = await db.Signals.AsNoTracking().ToListAsync();
        Assert.Equal(500, stored.Select(s => s.Reference).Distinct().Count());
        foreach (var signal in stored)
        {
            var (month, rank, analysis, table, forwarded) = (signal.ReceivedMonth, signal.InboxRank, signal.FirstAnalysisWorkingDays, signal.CaseTableWorkingDays, signal.ForwardedWorkingDays);
            signal.RefreshFigureColumns();
            Assert.Equal((signal.ReceivedMonth, signal.InboxRank, signal.FirstAnalysisWorkingDays, signal.CaseTableWorkingDays, signal.ForwardedWorkingDays), (month, rank, analysis, table, forwarded));
            Assert.Equal(Signal.ClosedRank, rank);
            Assert.NotNull(signal.DeletionReceipt?.Rule);
            Assert.Null(signal.Description);
        }

        var routes = await db.DecisionRoutes.AsNoTracking().ToListAsync();
        Assert.NotEmpty(routes);
        var decided = stored.Where(s => s.DecidedAt is not null).ToDictionary(s => s.Id);
        Assert.All(routes, r => Assert.Equal(decided[r.SignalId].DecidedAt, r.DecidedAt));
    }

    [Fact]
    public async Task Seed_load_of_open_signals_fills_the_officers_inbox_with_encrypted_fictitious_text()
    {
        using var app = new MeldrouteAppFactory(database);
        var loaded = await OperatorProcess.RunAsync(app, "seed-load", "--count", "60", "--kind", "open", "--confirm", "benchmark-database");
        Assert.True(loaded.ExitCode == 0, loaded.Output);

        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var inbox = await (await officer.GetAsync("/api/signals?count=true")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(60, inbox.GetProperty("total").GetInt32());
        var first = inbox.GetProperty("rows")[0];
        Assert.Equal("Received", first.GetProperty("status").GetString());
        var detail = await officer.GetSignalAsync(first.GetProperty("id").GetString()!);
        Assert.StartsWith("Fictief benchmarksignaal", detail.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, detail.GetProperty("observedOn").ValueKind);
        var name = detail.GetProperty("people")[0].GetProperty("name").GetString()!;
        Assert.StartsWith("Fictieve persoon", name, StringComparison.Ordinal);
        Assert.Empty(await RawDatabase.ColumnsOrFilesContainingAsync(app, "Fictief benchmarksignaal"));
        Assert.Empty(await RawDatabase.ColumnsOrFilesContainingAsync(app, "Fictieve persoon"));

        // The inbox pages through all of them by cursor, in its order (rank, then oldest), from the keyset columns as stored.
        var walked = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await officer.GetAsync("/api/signals" + (cursor is null ? "" : "?cursor=" + Uri.EscapeDataString(cursor)))).JsonAsync(HttpStatusCode.OK);
            walked.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("reference").GetString()!));
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        while (cursor is not null && walked.Count <= 60);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var stored = await db.Signals.AsNoTracking().Include(s => s.People).ToListAsync();
        Assert.Equal([.. stored.OrderBy(s => s.InboxRank).ThenBy(s => s.ReceivedAt.UtcTicks).ThenBy(s => s.Reference, StringComparer.Ordinal).Select(s => s.Reference)], walked);
        // Each signal its own data key (crypto-shredding per signal), and each name in the subject index.
        Assert.Equal(60, stored.Select(s => s.DataKeyId).Distinct().Count(id => id is not null));
        var protection = app.Services.GetRequiredService<Meldroute.Web.Infrastructure.Privacy.PersonalDataProtection>();
        Assert.All(stored.SelectMany(s => s.People), p => Assert.Equal(protection.SubjectIndex.Hash(p.NameOrDescription), p.SubjectHash));
        Assert.Contains(stored.SelectMany(s => s.People), p => p.NameOrDescription == name);
    }

    [Fact]
    public async Task Seed_load_in_bulk_makes_the_indexes_it_dropped_again_as_they_were_and_the_app_reads_what_it_wrote()
    {
        using var app = new MeldrouteAppFactory(database);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var before = await IndexDefinitionsAsync(db);
        Assert.Contains(before, d => d.Contains("InboxRank", StringComparison.Ordinal));

        // As a load of a million does (at least as many signals as are stored): indexes dropped, rows written, indexes made again.
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await Meldroute.Web.Features.Figures.SeedLoad.RunAsync(db, 50, 3, now, open: true, rebuildIndexesFrom: 1);
        await Meldroute.Web.Features.Figures.SeedLoad.RunAsync(db, 300, 4, now, rebuildIndexesFrom: 1);
        Assert.Equal(before, await IndexDefinitionsAsync(db));

        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var inbox = await (await officer.GetAsync("/api/signals?count=true")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(50, inbox.GetProperty("total").GetInt32());
        var detail = await officer.GetSignalAsync(inbox.GetProperty("rows")[0].GetProperty("id").GetString()!);
        Assert.StartsWith("Fictief benchmarksignaal", detail.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(350, await db.Signals.CountAsync());
        var figures = await (await officer.GetAsync("/api/figures?exact=true")).JsonAsync(HttpStatusCode.OK);
        Assert.True(Value(Cell(Table(figures, "per-year"), "total")) >= 300);
    }

    /// <summary>Every index of the signals' tables as the database keeps its definition.</summary>
    private static async Task<List<string>> IndexDefinitionsAsync(MeldrouteDbContext db)
    {
        var sql = db.Database.IsNpgsql()
            ? "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE tablename IN ('Signals', 'SignalPeople', 'DecisionRoutes')"
            : "SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('Signals', 'SignalPeople', 'DecisionRoutes')";
        return [.. (await db.Database.SqlQueryRaw<string>(sql).ToListAsync()).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task The_policy_advisor_imports_the_context_figures_of_the_plan_and_a_bad_line_changes_nothing()
    {
        using var app = new MeldrouteAppFactory(database);
        var advisor = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PolicyAdvisor));
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "figures.csv"));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

        var imported = await (await advisor.PostAsync("/api/figures/context", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(lines, imported.GetProperty("rows").GetInt32());
        var context = (await (await officer.GetAsync("/api/figures/context")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Contains(context, c => c.GetProperty("source").GetString() == "Politie" && c.GetProperty("area").GetString() == "Haarlemmermeer"
            && c.GetProperty("year").GetInt32() == 2022 && c.GetProperty("form").GetString() == "criminal" && c.GetProperty("value").GetInt64() == 3);

        var broken = csv + "Politie,Haarlemmermeer,twintig,all,signals,5,\n";
        var refused = await (await advisor.PostAsync("/api/figures/context", new StringContent(broken, System.Text.Encoding.UTF8, "text/csv"))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"Regel {lines + 2}", refused.GetProperty("errors").GetProperty("File")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(context.Count, (await (await officer.GetAsync("/api/figures/context")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync("/api/figures/context", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"))).StatusCode);
    }

    [Fact]
    public async Task The_year_report_is_a_Word_document_with_the_years_suppressed_figures_the_agenda_and_the_framework()
    {
        using var app = new MeldrouteAppFactory(database);
        var (a, b) = await SeedAsync(app);
        await SeedTrainingAsync(app, a, b);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            var activity = new AgendaActivity
            {
                Title = "E-learning signaleren voor baliemedewerkers", Goals = PlanGoals.SignallingCapacity | PlanGoals.Awareness, Level = 2,
                Status = AgendaStatus.Done, PlannedStart = new DateOnly(2025, 1, 1), PlannedEnd = new DateOnly(2025, 6, 30),
                Notes = [new AgendaProgressNote { Text = "Afgerond: de e-learning staat in het leerplatform", RecordedAt = new DateTimeOffset(2025, 7, 1, 9, 0, 0, TimeSpan.Zero) }],
            };
            db.AgendaActivities.Add(activity);
            db.AgendaActivities.Add(new AgendaActivity { Title = "Casustafel evalueren", Goals = PlanGoals.ChainCooperation, Status = AgendaStatus.Stopped, PlannedStart = new DateOnly(2025, 3, 1) });
            db.AgendaActivities.Add(new AgendaActivity { Title = "Activiteit van 2023", Goals = PlanGoals.SignallingCapacity, Status = AgendaStatus.Done, PlannedEnd = new DateOnly(2023, 12, 31) });
            await db.SaveChangesAsync();
            var block = await db.BuildingBlocks.OrderBy(x => x.SortOrder).FirstAsync();
            block.Status = BlockStatus.Meets;
            block.Explanation = "Vastgesteld door de gemeenteraad in het beleidsplan";
            block.Activities.Add(new BuildingBlockActivity { ActivityId = activity.Id });
            await db.SaveChangesAsync();
        }

        var advisor = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PolicyAdvisor));
        var figures = await (await advisor.GetAsync("/api/figures?year=2025")).JsonAsync(HttpStatusCode.OK);
        var perSource = Table(figures, "per-source");

        var response = await advisor.GetAsync("/api/figures/year-report/2025");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var body = docx.MainDocumentPart!.Document!.Body!;
        Assert.Contains("cijfers 2025", body.InnerText, StringComparison.Ordinal);
        var police = Rows(TableAfter(body, "Signalen per bron")).Single(r => r[0] == "Politie basisteam");
        Assert.Equal(Shown(Cell(perSource, "PoliceBasisteam")), police[1]);
        Assert.Contains("x: verborgen om een andere cel te beschermen", body.InnerText, StringComparison.Ordinal);

        // Training, suppressed as on the page.
        var training = Rows(TableAfter(body, "Trainingen per jaar")).Single(r => r[0] == "2025");
        Assert.Equal(["2025", "2", "21"], training);

        // The agenda per goal: the 2025 activities only, with status and the latest explanation.
        var perGoal = Rows(TableAfter(body, "Uitvoeringsagenda: voortgang in 2025"));
        Assert.Equal(["Signalerend vermogen vergroot", "1", "1", "0", "0", "0", "0", "0"], perGoal.Single(r => r[0] == "Signalerend vermogen vergroot"));
        Assert.Equal("1", perGoal.Single(r => r[0] == "Samenwerking in keten en regio")[5]);
        var activities = Rows(TableAfter(body, "Activiteiten en toelichting"));
        Assert.Equal(2, activities.Count);
        Assert.Equal("Afgerond: de e-learning staat in het leerplatform", activities.Single(r => r[0] == "E-learning signaleren voor baliemedewerkers")[5]);

        // The VNG framework: the summary per theme and every block with its assessment and explanation.
        Assert.NotEmpty(Rows(TableAfter(body, "VNG-kader: stand van de bouwstenen")));
        var assessed = Rows(TableAfter(body, "Bouwstenen en toelichting")).Single(r => r[4] == "Vastgesteld door de gemeenteraad in het beleidsplan");
        Assert.Equal("Voldoet", assessed[3]);
        Assert.Equal("E-learning signaleren voor baliemedewerkers", assessed[5]);
        Assert.Equal(HttpStatusCode.BadRequest, (await advisor.GetAsync("/api/figures/year-report/1800")).StatusCode);
    }

    [Fact]
    public async Task Months_and_quarters_stand_beside_the_baseline_year_with_a_line_chart()
    {
        using var app = new MeldrouteAppFactory(database);
        await SeedAsync(app);
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var officer = await app.CreateApiClientAsync(officerUser);

        var figures = await (await officer.GetAsync("/api/figures?exact=true&year=2025")).JsonAsync(HttpStatusCode.OK);
        var perMonth = Table(figures, "per-month");
        Assert.Equal(["2024", "2025"], perMonth.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal((6L, 0L), (Value(Cell(perMonth, "3", 0)), Value(Cell(perMonth, "3", 1))));
        Assert.Equal((0L, 8L), (Value(Cell(perMonth, "4", 0)), Value(Cell(perMonth, "4", 1))));
        var perQuarter = Table(figures, "per-quarter");
        Assert.Equal((2L, 14L), (Value(Cell(perQuarter, "2", 0)), Value(Cell(perQuarter, "2", 1))));
        Assert.Equal((8L, 23L), (Value(Cell(perQuarter, "total", 0)), Value(Cell(perQuarter, "total", 1))));

        var page = await (await app.SignInAsync(officerUser)).GetStringAsync("/Figures?Query.Year=2025&Query.Exact=true");
        Assert.Contains("<polyline", page, StringComparison.Ordinal);
        Assert.Contains("2024 (basisjaar)", page, StringComparison.Ordinal);
        Assert.Contains("Signalen per kwartaal in 2025", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Training_figures_give_the_share_trained_per_department_and_protect_small_numbers_of_participants()
    {
        using var app = new MeldrouteAppFactory(database);
        var (a, b) = await SeedAsync(app);
        await SeedTrainingAsync(app, a, b);
        string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var exact = await (await officer.GetAsync("/api/figures?exact=true&year=2025")).JsonAsync(HttpStatusCode.OK);
        var perYear = Table(exact, "training-per-year");
        Assert.Equal((2L, 21L), (Value(Cell(perYear, "2025", 0)), Value(Cell(perYear, "2025", 1))));
        var perDepartment = Table(exact, "training-per-department");
        Assert.Equal((40L, 18L, 45L), (Value(Cell(perDepartment, Key(a), 0)), Value(Cell(perDepartment, Key(a), 1)), Value(Cell(perDepartment, Key(a), 2))));
        Assert.Equal((10L, 3L, 30L), (Value(Cell(perDepartment, Key(b), 0)), Value(Cell(perDepartment, Key(b), 1)), Value(Cell(perDepartment, Key(b), 2))));
        Assert.Equal((50L, 21L, 42L), (Value(Cell(perDepartment, "total", 0)), Value(Cell(perDepartment, "total", 1)), Value(Cell(perDepartment, "total", 2))));

        var advisorUser = await app.CreateAsync(Roles.PolicyAdvisor);
        var advisor = await app.CreateApiClientAsync(advisorUser);
        var published = await (await advisor.GetAsync("/api/figures?year=2025")).JsonAsync(HttpStatusCode.OK);
        var safe = Table(published, "training-per-department");
        // Three participants of department b are suppressed, and so is its share (it would give them away with the
        // published number of employees); nor can b be found as the total minus department a.
        Assert.True(Cell(safe, Key(b), 1).GetProperty("suppressed").GetBoolean());
        Assert.Null(Value(Cell(safe, Key(b), 2)));
        Assert.False(Value(Cell(safe, "total", 1)) is not null && Value(Cell(safe, Key(a), 1)) is not null, "department b's participants were recoverable from the total");
        Assert.Equal(2L, Value(Cell(Table(published, "training-per-year"), "2025", 0)));

        var page = await (await app.SignInAsync(advisorUser)).GetStringAsync("/Figures?Query.Year=2025");
        Assert.Contains("Aandeel geschoold per afdeling in 2025", page, StringComparison.Ordinal);
        Assert.Contains("Trainingen per jaar", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handovers_are_counted_per_partner_and_small_numbers_are_protected()
    {
        using var app = new MeldrouteAppFactory(database);
        await SeedAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            var shelter = new Meldroute.Web.Features.Partners.Partner { Name = "Opvang Noord" };
            var police = new Meldroute.Web.Features.Partners.Partner { Name = "Politie AVIM" };
            db.Partners.AddRange(shelter, police, new Meldroute.Web.Features.Partners.Partner { Name = "Nooit gebruikt" });
            await db.SaveChangesAsync();
            // The nine forwarded signals of 2025: six to the shelter, three to the police; one route decided but not handed over.
            var forwarded = await db.Signals.Where(x => x.ForwardedAt != null && x.Forms == ExploitationForms.Sexual).OrderBy(x => x.Reference).ToListAsync();
            for (var i = 0; i < forwarded.Count; i++)
            {
                db.DecisionRoutes.Add(new DecisionRoute { SignalId = forwarded[i].Id, Route = i < 6 ? Route.VictimTrack : Route.Police, DecidedAt = forwarded[i].ReceivedAt, ForwardedAt = forwarded[i].ForwardedAt, ForwardedToPartnerId = i < 6 ? shelter.Id : police.Id });
            }

            db.DecisionRoutes.Add(new DecisionRoute { SignalId = forwarded[0].Id, Route = Route.LabourInspectorate, DecidedAt = forwarded[0].ReceivedAt });
            await db.SaveChangesAsync();
        }

        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var exact = Table(await (await officer.GetAsync("/api/figures?exact=true&year=2025")).JsonAsync(HttpStatusCode.OK), "per-partner");
        var rows = exact.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("label").GetString()!, r => Value(r.GetProperty("cells")[0]));
        Assert.Equal(new Dictionary<string, long?> { ["Opvang Noord"] = 6, ["Politie AVIM"] = 3, ["Totaal"] = 9 }, rows);
        var perRoute = Table(await (await officer.GetAsync("/api/figures?exact=true&year=2025")).JsonAsync(HttpStatusCode.OK), "per-route");
        Assert.Equal(1L, Value(Cell(perRoute, "LabourInspectorate")));

        var advisor = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PolicyAdvisor));
        var safe = Table(await (await advisor.GetAsync("/api/figures?year=2025")).JsonAsync(HttpStatusCode.OK), "per-partner");
        var cells = safe.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("label").GetString()!, r => r.GetProperty("cells")[0]);
        Assert.True(cells["Politie AVIM"].GetProperty("suppressed").GetBoolean());
        Assert.False(Value(cells["Totaal"]) is not null && Value(cells["Opvang Noord"]) is not null, "the police's three handovers were recoverable from the total");
    }

    /// <summary>2024: one session (a 8, b 7); 2025: two sessions (a 12 and 6, b 3). Department a has 40 employees with public contact, b 10.</summary>
    private static async Task SeedTrainingAsync(MeldrouteAppFactory app, int a, int b)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        (await db.Departments.SingleAsync(d => d.Id == a)).PublicContactEmployees = 40;
        (await db.Departments.SingleAsync(d => d.Id == b)).PublicContactEmployees = 10;
        TrainingSession Session(int year, int month, params (int Department, int Participants)[] attendance) => new()
        {
            Date = new DateOnly(year, month, 10), Title = "Signalen van mensenhandel herkennen", RecordedAt = DateTimeOffset.UnixEpoch,
            Attendance = [.. attendance.Select(x => new TrainingAttendance { DepartmentId = x.Department, Participants = x.Participants })],
        };
        db.TrainingSessions.AddRange(Session(2024, 5, (a, 8), (b, 7)), Session(2025, 3, (a, 12), (b, 3)), Session(2025, 9, (a, 6)));
        await db.SaveChangesAsync();
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Table TableAfter(DocumentFormat.OpenXml.Wordprocessing.Body body, string heading)
    {
        var paragraph = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First(p => p.InnerText == heading && p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true);
        return paragraph.ElementsAfter().OfType<DocumentFormat.OpenXml.Wordprocessing.Table>().First();
    }

    private static List<string[]> Rows(DocumentFormat.OpenXml.Wordprocessing.Table table) =>
        [.. table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Skip(1).Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToArray())];
}

public sealed class FiguresTestsOnSqlite() : FiguresTests(Database.Sqlite);

public sealed class FiguresTestsOnPostgres() : FiguresTests(Database.Postgres);
