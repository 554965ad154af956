using System.Net;
using System.Text.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Agenda;
using Meldroute.Web.Features.Framework;
using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Region;

/// <summary>
/// GetRegionalFigures on both databases: two municipalities of one region and one of another, with small cells. The
/// regional analyst gets the region's municipalities side by side and summed, true wherever published, nothing below
/// the threshold and nothing derivable; the other region's municipality is absent; and no signal of their own.
/// </summary>
[Trait("Category", "Integration")]
public abstract class RegionalFiguresTests(Database database)
{
    private const int Year = 2025;

    /// <summary>Signals of 2025 per form (sexual, labour, criminal) of each municipality: Bloemendaal has a 3.</summary>
    private static readonly Dictionary<string, long[]> Counts = new(StringComparer.Ordinal)
    {
        ["Gemeente Bloemendaal"] = [3, 10, 12],
        ["Gemeente Heemstede"] = [8, 9, 7],
        ["Gemeente Utrecht"] = [20, 6, 5],
    };

    private static readonly ExploitationForms[] Forms = [ExploitationForms.Sexual, ExploitationForms.Labour, ExploitationForms.Criminal];

    [Fact]
    public async Task The_analyst_sees_the_regions_municipalities_side_by_side_suppressed_across_the_tables_and_no_signal()
    {
        using var app = new MeldrouteAppFactory(database);
        var (bloemendaal, heemstede, utrecht, signals) = await TwoRegionsAsync(app);

        var blocksOfBloemendaal = await SeedStatusAsync(app, bloemendaal);
        var analyst = await app.CreateApiClientAsync(await app.CreateAsync(Roles.RegionalAnalyst, municipalityId: bloemendaal));

        var all = await (await analyst.GetAsync("/api/region/figures")).JsonAsync(HttpStatusCode.OK);
        var ofYear = await (await analyst.GetAsync($"/api/region/figures?year={Year}")).JsonAsync(HttpStatusCode.OK);
        foreach (var figures in new[] { all, ofYear })
        {
            Assert.Equal("Kennemerland", figures.GetProperty("region").GetString());
            Assert.Equal(["Gemeente Bloemendaal", "Gemeente Heemstede"], figures.GetProperty("municipalities").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
            Assert.True(figures.GetProperty("municipalities")[0].GetProperty("own").GetBoolean());
            var text = figures.GetRawText();
            Assert.DoesNotContain("Utrecht", text, StringComparison.Ordinal);
            Assert.DoesNotContain("MR-", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Beschrijving", text, StringComparison.Ordinal);
        }

        Assert.Equal(Year, ofYear.GetProperty("year").GetInt32());

        // The region's sum of the year is the sum of its two municipalities (Utrecht's 31 not in it).
        var perYear = Table(all, "per-year");
        Assert.Equal([25L, 24L, 49L], Row(perYear, "2025").Select(Value));
        // Bloemendaal's 3 is hidden as "< 5", and so is a second cell in its row and in its column.
        foreach (var figures in new[] { all, ofYear })
        {
            var perForm = Table(figures, "per-form");
            var sexual = Row(perForm, "Sexual");
            Assert.True(sexual[0].GetProperty("suppressed").GetBoolean() && !sexual[0].GetProperty("secondary").GetBoolean());
            Assert.True(sexual.Count(c => c.GetProperty("suppressed").GetBoolean()) >= 2);
            Assert.True(perForm.GetProperty("rows").EnumerateArray().Count(r => r.GetProperty("cells")[0].GetProperty("suppressed").GetBoolean()) >= 2);
            var truth = new Dictionary<string, long[]>(StringComparer.Ordinal)
            {
                ["Sexual"] = [3, 8, 11], ["Labour"] = [10, 9, 19], ["Criminal"] = [12, 7, 19], ["Multiple"] = [0, 0, 0], ["Unknown"] = [0, 0, 0], ["total"] = [25, 24, 49],
            };
            foreach (var (key, expected) in truth)
            {
                var cells = Row(perForm, key);
                for (var c = 0; c < expected.Length; c++)
                {
                    Assert.True(Value(cells[c]) is null || Value(cells[c]) == expected[c], $"per-form {key} column {c}: {Value(cells[c])}, truly {expected[c]}");
                }
            }
        }

        // Everything the region's page and both municipalities' own figures pages publish, for all years and each
        // year, as one attacker would combine it: every count shown the same wherever it is shown, nothing below 5,
        // nothing hidden derivable.
        var years = all.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();
        var answers = new List<(JsonElement Figures, string? Owner, string Year)> { (all, null, "all") };
        foreach (var y in years.Where(y => y != Year))
        {
            answers.Add((await (await analyst.GetAsync($"/api/region/figures?year={y}")).JsonAsync(HttpStatusCode.OK), null, Y(y)));
        }

        answers.Add((ofYear, null, Y(Year)));
        foreach (var (id, name) in new[] { (bloemendaal, "Gemeente Bloemendaal"), (heemstede, "Gemeente Heemstede") })
        {
            var ownAdvisor = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PolicyAdvisor, municipalityId: id));
            answers.Add((await (await ownAdvisor.GetAsync("/api/figures")).JsonAsync(HttpStatusCode.OK), name, "all"));
            foreach (var y in years)
            {
                answers.Add((await (await ownAdvisor.GetAsync($"/api/figures?year={y}")).JsonAsync(HttpStatusCode.OK), name, Y(y)));
            }
        }

        var (published, lines) = RegionalAttack.Published(answers, ["Gemeente Bloemendaal", "Gemeente Heemstede"], [.. years.Select(Y)]);
        Assert.DoesNotContain(published.Values, v => v is > 0 and < 5);
        Assert.Contains(published, p => p.Key.StartsWith("R|", StringComparison.Ordinal) && p.Value is null);
        Assert.Empty(RegionalAttack.Derivable(published, lines));

        // Agenda and framework status per municipality, counts only.
        var status = all.GetProperty("status");
        Assert.Equal(2, status.GetArrayLength());
        int Count(JsonElement municipality, string list, string key) =>
            municipality.GetProperty(list).EnumerateArray().Single(s => s.GetProperty("status").GetString() == key).GetProperty("count").GetInt32();
        Assert.Equal((2, 1, 0), (Count(status[0], "agenda", "Running"), Count(status[0], "agenda", "Done"), Count(status[1], "agenda", "Running")));
        Assert.Equal((1, blocksOfBloemendaal - 1), (Count(status[0], "framework", "Meets"), Count(status[0], "framework", "NotAssessed")));
        Assert.DoesNotContain("Strandpilot", status.GetRawText(), StringComparison.Ordinal);

        // Never a signal, not even one of their own municipality, nor its page; nor the municipality's own figures page.
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/api/signals/{signals[bloemendaal]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/signals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/dossiers")).StatusCode);

        // The page shows the same; the other region's analyst sees only Utrecht; a policy advisor gets no region at all.
        var page = await (await analyst.GetAsync("/Region?Query.Year=2025")).Content.ReadAsStringAsync();
        Assert.Contains("Gemeente Heemstede", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Utrecht", page, StringComparison.Ordinal);
        var ofUtrecht = await app.CreateApiClientAsync(await app.CreateAsync(Roles.RegionalAnalyst, municipalityId: utrecht));
        var utrechts = await (await ofUtrecht.GetAsync("/api/region/figures")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Gemeente Utrecht"], utrechts.GetProperty("municipalities").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var advisor = await app.CreateApiClientAsync(await app.CreateAsync(Roles.PolicyAdvisor, municipalityId: bloemendaal));
        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.GetAsync("/api/region/figures")).StatusCode);
    }

    [Fact]
    public async Task The_analysts_case_export_holds_the_rows_of_every_municipality_of_the_region_and_no_other()
    {
        using var app = new MeldrouteAppFactory(database);
        var (bloemendaal, _, utrecht, _) = await TwoRegionsAsync(app);

        // Every signal of the year is a row of the export or counted as left out (k-anonymity): the region's 25 + 24
        // for its analyst, a municipality's own for its policy advisor, the other region's for its analyst.
        async Task<(int Rows, int LeftOut, string Text)> ExportAsync(string role, int municipality)
        {
            var client = await app.CreateApiClientAsync(await app.CreateAsync(role, municipalityId: municipality));
            var export = await (await client.GetAsync($"/api/case-data/export?format=json&fromYear={Year}&toYear={Year}")).JsonAsync(HttpStatusCode.OK);
            return (export.GetProperty("records").GetArrayLength(), export.GetProperty("rowsLeftOut").GetInt32(), export.GetRawText());
        }

        var region = await ExportAsync(Roles.RegionalAnalyst, bloemendaal);
        Assert.Equal(Counts["Gemeente Bloemendaal"].Sum() + Counts["Gemeente Heemstede"].Sum(), region.Rows + region.LeftOut);
        Assert.True(region.Rows > 0);
        Assert.DoesNotContain("Gemeente", region.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("MR-", region.Text, StringComparison.Ordinal);
        var own = await ExportAsync(Roles.PolicyAdvisor, bloemendaal);
        Assert.Equal(Counts["Gemeente Bloemendaal"].Sum(), own.Rows + own.LeftOut);
        var other = await ExportAsync(Roles.RegionalAnalyst, utrecht);
        Assert.Equal(Counts["Gemeente Utrecht"].Sum(), other.Rows + other.LeftOut);

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MunicipalityScope>().Use(bloemendaal);
        var purposes = await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents
            .Where(e => e.Action == "case-data.exported").Select(e => e.Purpose).ToListAsync();
        Assert.Contains(purposes, p => p != null && p.Contains("scope=region:2", StringComparison.Ordinal));
        Assert.Contains(purposes, p => p != null && p.Contains("scope=municipality", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_municipality_without_a_region_is_a_region_of_its_own()
    {
        using var app = new MeldrouteAppFactory(database);
        var first = app.Services.GetRequiredService<MunicipalityDirectory>().SoleId!.Value;
        var other = await AddAsync(app, "Gemeente Zandvoort", "GM0473", null);
        await SeedAsync(app, other, [6, 6, 6]);
        var analyst = await app.CreateApiClientAsync(await app.CreateAsync(Roles.RegionalAnalyst, municipalityId: first));

        var figures = await (await analyst.GetAsync("/api/region/figures")).JsonAsync(HttpStatusCode.OK);
        var municipalities = figures.GetProperty("municipalities");
        Assert.Equal(1, municipalities.GetArrayLength());
        Assert.DoesNotContain("Zandvoort", figures.GetRawText(), StringComparison.Ordinal);
        Assert.All(Table(figures, "per-year").GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("cells").EnumerateArray()), c => Assert.Equal(0L, Value(c)));
    }

    private static async Task<int> AddAsync(MeldrouteAppFactory app, string name, string code, string? region) =>
        (await MunicipalitySetup.AddAsync(app.Services, name, code, region, CancellationToken.None)).Municipality!.Id;

    /// <summary>Signals of 2025 of one municipality, in its own unit of work: per form the given number; one is returned.</summary>
    /// <summary>Bloemendaal and Heemstede in Kennemerland, Utrecht in a region of its own, each with its <see cref="Counts"/>; the first signal of each.</summary>
    private static async Task<(int Bloemendaal, int Heemstede, int Utrecht, Dictionary<int, Guid> Signals)> TwoRegionsAsync(MeldrouteAppFactory app)
    {
        var bloemendaal = await AddAsync(app, "Gemeente Bloemendaal", "GM0377", "Kennemerland");
        var heemstede = await AddAsync(app, "Gemeente Heemstede", "GM0397", "Kennemerland");
        var utrecht = await AddAsync(app, "Gemeente Utrecht", "GM0344", "Utrecht");
        var signals = new Dictionary<int, Guid>();
        foreach (var (id, name) in new[] { (bloemendaal, "Gemeente Bloemendaal"), (heemstede, "Gemeente Heemstede"), (utrecht, "Gemeente Utrecht") })
        {
            signals[id] = await SeedAsync(app, id, Counts[name]);
        }

        return (bloemendaal, heemstede, utrecht, signals);
    }

    private static async Task<Guid> SeedAsync(MeldrouteAppFactory app, int municipality, long[] perForm)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MunicipalityScope>().Use(municipality);
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var first = Guid.Empty;
        for (var f = 0; f < perForm.Length; f++)
        {
            for (var i = 0; i < perForm[f]; i++)
            {
                var received = new DateTimeOffset(Year, 3 + f, 3, 10, 0, 0, TimeSpan.Zero);
                var signal = new Signal
                {
                    Reference = $"MR-{Year}-{municipality:00}{f}{i:00}",
                    SubmittedById = "seed",
                    ReceivedAt = received,
                    LastChangedAt = received,
                    Status = SignalStatus.InAnalysis,
                    Forms = Forms[f],
                    Source = SignalSource.InternalReport,
                    LocationType = LocationType.Hotel,
                    Description = "Beschrijving",
                };
                db.Signals.Add(signal);
                first = first == Guid.Empty ? signal.Id : first;
            }
        }

        await db.SaveChangesAsync();
        return first;
    }

    /// <summary>Bloemendaal: two running activities and one done, one building block met; Heemstede: one planned. Returns Bloemendaal's number of blocks.</summary>
    private static async Task<int> SeedStatusAsync(MeldrouteAppFactory app, int bloemendaal)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MunicipalityScope>().Use(bloemendaal);
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        db.AgendaActivities.AddRange(
            new AgendaActivity { Title = "Strandpilot", Level = 1, Status = AgendaStatus.Running },
            new AgendaActivity { Title = "Strandpilot twee", Level = 1, Status = AgendaStatus.Running },
            new AgendaActivity { Title = "Strandpilot drie", Level = 1, Status = AgendaStatus.Done });
        var blocks = await db.BuildingBlocks.OrderBy(b => b.Id).ToListAsync();
        blocks[0].Status = BlockStatus.Meets;
        await db.SaveChangesAsync();
        return blocks.Count;
    }

    private static JsonElement Table(JsonElement figures, string key) =>
        figures.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("key").GetString() == key);

    private static List<JsonElement> Row(JsonElement table, string key) =>
        [.. table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == key).GetProperty("cells").EnumerateArray()];

    private static long? Value(JsonElement cell) => cell.GetProperty("value").ValueKind == JsonValueKind.Null ? null : cell.GetProperty("value").GetInt64();

    private static string Y(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class RegionalFiguresTestsOnSqlite() : RegionalFiguresTests(Database.Sqlite);

public sealed class RegionalFiguresTestsOnPostgres() : RegionalFiguresTests(Database.Postgres);
