using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.CaseTable;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Features.VictimDossiers;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Shared;

/// <summary>
/// The plans of the lists' pages as the app sends them, on a database WITHOUT statistics (issue 22 item 3): the inbox,
/// the reporter's own signals, the audit search (the whole log, by actor, by object), the dossiers (open, and a page of
/// closed ones) and the meetings. Every query carries the municipality's filter; each page must be read from the index
/// that begins with the municipality (and the list's own equality, such as the reporter) and goes on in the page's
/// order, with no sort of its own. InboxScaleTests checks the inbox after ANALYZE; the app itself never runs ANALYZE,
/// so this is the plan a database has until someone does (it is how the inbox was found to sort its whole backlog).
/// <para>
/// The SQL is the app's own: <see cref="QueryPlanRecorder"/> explains each SELECT of a real request on its connection,
/// with its parameters. Neither database gets statistics here: on PostgreSQL autovacuum is turned off for the lists'
/// tables before they are filled, and both checks that no statistics exist (sqlite_stat1, pg_stats), before and after.
/// </para>
/// <para>
/// On SQLite a plan without statistics does not depend on the number of rows, and a sort shows as "USE TEMP B-TREE FOR
/// ORDER BY": the natural plan is checked, and it is the one production has (the app never runs ANALYZE).
/// </para>
/// <para>
/// On PostgreSQL the natural plan without statistics is not a usable check: the planner takes every equality to match
/// 0.5% of the rows it guesses the table has (and it guesses the wide audit log at a tenth of its rows), and for a
/// handful of rows a bitmap read plus a Sort is cheapest on paper even when an index gives the order (seen while writing
/// this test: the audit search with 20,000 events, estimated at 6). Production gets statistics from autovacuum, with
/// which InboxScaleTests checks the inbox. What is checked here is what no statistics change: that an index serves the
/// filter and the order together. The EXPLAIN runs with enable_sort = off, which makes a Sort prohibitively dear
/// instead of impossible: the planner takes a plan without one whenever an index gives the order, and shows the Sort
/// only when none does. An index that gives the order with the municipality (or the reporter, actor, object) only as
/// a filter, as the lists' indexes did before, is not the expected index, whose name the plan must show; the tables
/// hold thousands of rows, so that reading through such an index is dearer on paper than through the expected one.
/// </para>
/// </summary>
[Trait("Category", "Integration")]
public abstract class ListPlanTests(PlanRecordingApp app)
{
    private async Task WithDbAsync(Func<MeldrouteDbContext, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>());
    }

    /// <summary>The plans of the ordered page reads of <paramref name="table"/> that one request sends.</summary>
    private async Task<IReadOnlyList<RecordedPlan>> PagePlansAsync(HttpClient client, string url, string table)
    {
        IReadOnlyList<RecordedPlan> plans;
        using (app.Plans.Record())
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            plans = app.Plans.Plans;
        }

        var pages = plans.Where(p => p.Sql.Contains($"FROM \"{table}\"", StringComparison.Ordinal)
            && p.Sql.Contains("ORDER BY", StringComparison.Ordinal) && p.Sql.Contains("LIMIT", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count > 0, $"{url} sent no ordered page read of {table}; it sent:\n" + string.Join("\n---\n", plans.Select(p => p.Sql)));
        return pages;
    }

    private void AssertReadsInOrderFrom(IReadOnlyList<RecordedPlan> pages, string table, string index)
    {
        foreach (var page in pages)
        {
            var why = $"\nSQL:\n{page.Sql}\nPlan:\n{page.Plan}";
            Assert.True(page.Plan.Contains(index, StringComparison.Ordinal), $"not read from {index}" + why);
            if (app.Database == Database.Sqlite)
            {
                Assert.False(page.Plan.Contains("USE TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal), "sorted" + why);
            }
            else
            {
                Assert.False(page.Plan.Split('\n').Any(l => l.TrimStart(' ', '-', '>').StartsWith("Sort", StringComparison.Ordinal)
                    || l.TrimStart(' ', '-', '>').StartsWith("Incremental Sort", StringComparison.Ordinal)), "sorted" + why);
                Assert.False(page.Plan.Contains($"Seq Scan on \"{table}\"", StringComparison.Ordinal), "scanned" + why);
            }
        }
    }

    private async Task AssertNoStatisticsAsync()
    {
        await WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = app.Database == Database.Sqlite
                ? "SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_stat%'"
                : "SELECT count(*) FROM pg_stats WHERE tablename IN ('Signals', 'AuditEvents', 'VictimDossiers', 'CaseTableMeetings')";
            Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        });
    }

    [Fact]
    public async Task Every_list_reads_its_first_page_from_its_index_in_order_without_statistics()
    {
        if (app.Database == Database.Postgres)
        {
            await WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
                """
                ALTER TABLE "Signals" SET (autovacuum_enabled = false);
                ALTER TABLE "AuditEvents" SET (autovacuum_enabled = false);
                ALTER TABLE "VictimDossiers" SET (autovacuum_enabled = false);
                ALTER TABLE "CaseTableMeetings" SET (autovacuum_enabled = false);
                """));
        }

        var reporterUser = await app.CreateAsync(Roles.Reporter);
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var privacyUser = await app.CreateAsync(Roles.PrivacyOfficer);
        var coordinatorUser = await app.CreateAsync(Roles.VictimCareCoordinator);
        var newest = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-1);
        var prefix = "LP" + Guid.NewGuid().ToString("N")[..3].ToUpperInvariant();
        const int signals = 3_000;
        // The audit log's rows are wide on paper (its columns' declared lengths): without statistics PostgreSQL takes
        // it for a tenth of its real rows, and below some 5,000 rows every equality is estimated at one row, so that
        // all its indexes cost the same; a real log has millions.
        const int AuditEvents = 20_000;
        await WithDbAsync(async db =>
        {
            for (var i = 0; i < signals; i++)
            {
                var signal = new Signal
                {
                    Reference = $"{prefix}-{i:D5}",
                    // Half the reporter's own, the rest others'.
                    SubmittedById = i % 2 == 0 ? reporterUser.Id : "plan-test-" + (i % 17),
                    Status = i % 10 == 0 ? SignalStatus.InAnalysis : i % 25 == 0 ? SignalStatus.Forwarded : SignalStatus.Received,
                    ReceivedAt = newest.AddMinutes(-(i + 1) * 7),
                    LastChangedAt = newest.AddMinutes(-i),
                    AcuteDanger = i % 97 == 0,
                    Urgency = i % 31 == 0 ? Urgency.High : Urgency.Normal,
                    Forms = ExploitationForms.Labour,
                };
                db.Signals.Add(signal);
                if (i % 2 == 1)
                {
                    // Dossiers on every other signal: most open, a third closed.
                    db.VictimDossiers.Add(new VictimDossier
                    {
                        Reference = $"{prefix}-D{i:D5}",
                        SignalId = signal.Id,
                        OpenedAt = newest.AddHours(-i),
                        ClosedAt = i % 3 == 0 ? newest : null,
                    });
                }

                if (i % 3 == 0)
                {
                    db.CaseTableMeetings.Add(new CaseTableMeeting { Title = $"Planoverleg {i:D5}", ScheduledAt = newest.AddDays(-i / 2), CreatedById = officerUser.Id });
                }
            }

            await db.SaveChangesAsync();
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Audit events as the app records them (chained), on several actors and objects.
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            var events = Enumerable.Range(0, AuditEvents).Select(i => trail.Describe(new AuditEntry("signal.read", AuditOutcome.Success, "signal", $"{prefix}-{i % 300:D5}",
                ActorId: i % 4 == 0 ? officerUser.Id : "plan-test-" + (i % 13)))).ToList();
            await trail.RecordAsync(events);
        }

        if (app.Database == Database.Postgres)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditChainer>().LinkPendingAsync(CancellationToken.None);
        }

        await AssertNoStatisticsAsync();
        app.Plans.SortDisabledOnPostgres = true;
        var reporter = await app.CreateApiClientAsync(reporterUser);
        var officer = await app.CreateApiClientAsync(officerUser);
        var privacy = await app.CreateApiClientAsync(privacyUser);
        var coordinator = await app.CreateApiClientAsync(coordinatorUser);

        // The inbox: the open signals by urgency, then oldest.
        AssertReadsInOrderFrom(await PagePlansAsync(officer, "/api/signals", "Signals"), "Signals", "IX_Signals_MunicipalityId_InboxRank_ReceivedAt_Reference");
        // The reporter's own, newest change first.
        AssertReadsInOrderFrom(await PagePlansAsync(reporter, "/api/my/signals", "Signals"), "Signals", "IX_Signals_MunicipalityId_SubmittedById_LastChangedAt_Reference");
        // The audit search, newest first: the whole log, one actor's events, one object's.
        AssertReadsInOrderFrom(await PagePlansAsync(privacy, "/api/audit/events", "AuditEvents"), "AuditEvents", "IX_AuditEvents_MunicipalityId_Sequence");
        AssertReadsInOrderFrom(await PagePlansAsync(privacy, $"/api/audit/events?userId={officerUser.Id}", "AuditEvents"), "AuditEvents", "IX_AuditEvents_MunicipalityId_ActorId_Sequence");
        AssertReadsInOrderFrom(await PagePlansAsync(privacy, $"/api/audit/events?object={prefix}-00042", "AuditEvents"), "AuditEvents", "IX_AuditEvents_MunicipalityId_ObjectId_Sequence");
        // The dossiers: the open ones newest first; and a page of the closed ones (a cursor into that part).
        AssertReadsInOrderFrom(await PagePlansAsync(coordinator, "/api/dossiers", "VictimDossiers"), "VictimDossiers", "IX_VictimDossiers_Open");
        var closed = PageCursor.After("dossiers", "1", PageCursor.Of(newest), $"{prefix}-D99999").Encode();
        AssertReadsInOrderFrom(await PagePlansAsync(coordinator, $"/api/dossiers?includeClosed=true&cursor={closed}", "VictimDossiers"), "VictimDossiers", "IX_VictimDossiers_Closed");
        // The meetings, latest first (the page, signed in).
        AssertReadsInOrderFrom(await PagePlansAsync(await app.SignInAsync(officerUser), "/CaseTable", "CaseTableMeetings"), "CaseTableMeetings", "IX_CaseTableMeetings_MunicipalityId_ScheduledAt_Id");
        await AssertNoStatisticsAsync();
    }
}

/// <summary>The app with a <see cref="QueryPlanRecorder"/> on its contexts.</summary>
public class PlanRecordingApp : MeldrouteAppFactory
{
    protected PlanRecordingApp(Database database)
        : this(database, new QueryPlanRecorder())
    {
    }

    private PlanRecordingApp(Database database, QueryPlanRecorder plans)
        : base(database, services: plans.AddTo) => Plans = plans;

    public QueryPlanRecorder Plans { get; }
}

public sealed class SqlitePlanRecordingApp() : PlanRecordingApp(Database.Sqlite);

public sealed class PostgresPlanRecordingApp() : PlanRecordingApp(Database.Postgres);

public sealed class ListPlanTestsOnSqlite(SqlitePlanRecordingApp app) : ListPlanTests(app), IClassFixture<SqlitePlanRecordingApp>;

public sealed class ListPlanTestsOnPostgres(PostgresPlanRecordingApp app) : ListPlanTests(app), IClassFixture<PostgresPlanRecordingApp>;
