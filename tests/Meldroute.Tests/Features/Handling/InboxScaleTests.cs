using System.Net;
using System.Text.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Handling;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meldroute.Tests.Features.Handling;

/// <summary>
/// The inbox with more signals than a page reads (issue 22 item 3), on both databases: the database reads the first
/// page from an index in the page's order (its query plan has no sort of its own), and a search reads at most
/// <see cref="ListSignals.SearchScanMax"/> signals per request and goes on from there.
/// </summary>
[Trait("Category", "Integration")]
public abstract class InboxScaleTests(MeldrouteAppFactory app)
{
    /// <summary>Open signals straight into the database, received over the last months, with statistics for the planner.</summary>
    private async Task SeedAsync(string prefix, int count, DateTimeOffset newest)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        for (var i = 0; i < count; i++)
        {
            db.Signals.Add(new Signal
            {
                Reference = $"{prefix}-{i:D5}",
                SubmittedById = "scale-test",
                // Mostly received, some further on; a few acute or high, as an inbox has them.
                Status = i % 10 == 0 ? SignalStatus.InAnalysis : i % 25 == 0 ? SignalStatus.Forwarded : SignalStatus.Received,
                ReceivedAt = newest.AddMinutes(-(i + 1) * 7),
                LastChangedAt = newest,
                AcuteDanger = i % 97 == 0,
                Urgency = i % 31 == 0 ? Urgency.High : Urgency.Normal,
                Forms = ExploitationForms.Labour,
            });
        }

        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    /// <summary>The plan the database makes for a query, one line per step.</summary>
    private async Task<string> PlanAsync(Func<MeldrouteDbContext, IQueryable<Signal>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = query(db).CreateDbCommand();
        command.CommandText = (app.Database == Database.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return string.Join("\n", lines);
    }

    private void AssertReadsInOrderFrom(string plan, string index)
    {
        Assert.Contains(index, plan, StringComparison.Ordinal);
        if (app.Database == Database.Sqlite)
        {
            // SQLite names a sort of its own "USE TEMP B-TREE FOR ORDER BY".
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Index Scan", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_first_page_is_read_from_an_index_in_its_order_without_a_sort()
    {
        await SeedAsync("PL", 3_000, DateTimeOffset.UtcNow.AddDays(-1));
        var norms = app.Services.GetRequiredService<IOptions<FiguresOptions>>().Value;
        var now = DateTimeOffset.UtcNow;

        // The inbox's default: the open signals by urgency, then oldest.
        var plan = await PlanAsync(db => ListSignals.FirstPageQuery(db, new SignalFilter(), now, norms));
        AssertReadsInOrderFrom(plan, "IX_Signals_MunicipalityId_InboxRank_ReceivedAt_Reference");
        // Oldest first and by due date read each status from its own index the same way.
        plan = await PlanAsync(db => ListSignals.FirstPageQuery(db, new SignalFilter { Sort = InboxSort.Oldest }, now, norms, SignalStatus.Received));
        AssertReadsInOrderFrom(plan, "IX_Signals_MunicipalityId_Status_ReceivedAt_Reference");
        plan = await PlanAsync(db => ListSignals.FirstPageQuery(db, new SignalFilter { Sort = InboxSort.Newest }, now, norms, SignalStatus.InAnalysis));
        AssertReadsInOrderFrom(plan, "IX_Signals_MunicipalityId_Status_ReceivedAt_Reference");
    }

    [Fact]
    public async Task A_search_reads_at_most_its_limit_per_request_and_goes_on_from_there()
    {
        var newest = DateTimeOffset.UtcNow.AddDays(-400);
        await SeedAsync("SL", ListSignals.SearchScanMax + 200, newest);
        var word = "Schaalwoord" + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            // The only match comes after every seeded signal in the inbox's order (the same rank, received later).
            db.Signals.Add(new Signal
            {
                Reference = "SL-MATCH",
                SubmittedById = "scale-test",
                ReceivedAt = newest.AddMinutes(1),
                LastChangedAt = newest,
                Forms = ExploitationForms.Labour,
                Description = $"Fictief signaal met {word} als enige.",
            });
            await db.SaveChangesAsync();
        }

        var (_, officer, _, _) = await app.ActorsAsync();
        var requests = 0;
        var limited = 0;
        var found = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await officer.GetAsync($"/api/signals?q={word}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)))).JsonAsync(HttpStatusCode.OK);
            requests++;
            limited += page.GetProperty("searchLimitReached").GetBoolean() ? 1 : 0;
            found.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("reference").GetString()!));
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            Assert.True(requests < 50, "the search does not end");
        }
        while (cursor is not null);

        Assert.Equal(["SL-MATCH"], found);
        Assert.True(limited >= 1, "the search read more than its limit in one request");
        await using var check = app.Services.CreateAsyncScope();
        var open = await check.ServiceProvider.GetRequiredService<MeldrouteDbContext>().Signals.CountAsync(s => s.InboxRank < Signal.ClosedRank);
        // One request per SearchScanMax signals read (one more when the last read ended exactly at the limit).
        var reads = (open + ListSignals.SearchScanMax - 1) / ListSignals.SearchScanMax;
        Assert.InRange(requests, reads, reads + 1);

        // A whole reference is found at once, however far back.
        var exact = await (await officer.GetAsync("/api/signals?q=sl-match")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("SL-MATCH", exact.GetProperty("rows")[0].GetProperty("reference").GetString());
    }
}

public sealed class InboxScaleTestsOnSqlite(SqliteApp app) : InboxScaleTests(app), IClassFixture<SqliteApp>;

public sealed class InboxScaleTestsOnPostgres(PostgresApp app) : InboxScaleTests(app), IClassFixture<PostgresApp>;
