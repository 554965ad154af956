using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Figures;

/// <summary>
/// The figures' monthly counts (<see cref="FigureCount"/>) are kept up in the transaction of every change: after a mix
/// of submissions, the procedure through the API (analysis, agenda, decision, forwarding and its purge), direct changes
/// of characteristics and routes, and a bulk seed-load, they equal a recount of the signals and routes themselves, on
/// both databases. The migration's backfill counts the same.
/// </summary>
[Trait("Category", "Integration")]
public abstract class FigureCountTests(Database database)
{
    [Fact]
    public async Task The_maintained_counts_equal_a_recount_after_a_mix_of_changes_and_the_backfill_counts_the_same()
    {
        using var app = new MeldrouteAppFactory(database);
        var (reporter, officer, member, _) = await app.ActorsAsync();
        var ids = new List<string>();
        // Submitted together: the intake's group commit stores them in one transaction (one upsert for the batch).
        foreach (var submitted in await Task.WhenAll(Enumerable.Range(0, 4).Select(i => reporter.SubmitAsync(ProcedureApi.NewSignal($"Signaal {i}: iemand werkt zonder loon en slaapt op het werk.")))))
        {
            ids.Add(submitted.GetProperty("id").GetString()!);
        }

        await AssertCountsEqualRecountAsync(app);

        // Analysis (classified forms, lead time), agenda, decision (two routes) and forwarding (partners, purge).
        var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, ids[0], member.Id);
        await AssertCountsEqualRecountAsync(app);
        await app.ForwardAsync(officer, ids[0], victimRoute, perpetratorRoute);
        await app.DecideAsync(officer, ids[1], member.Id);
        await AssertCountsEqualRecountAsync(app);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            // A decided signal's characteristics change: its routes move with it (the routes are not loaded).
            var decided = await db.Signals.SingleAsync(s => s.Id == Guid.Parse(ids[1]));
            decided.ClassifiedForms = ExploitationForms.Criminal;
            decided.ReceivedAt = decided.ReceivedAt.AddMonths(-2);
            await db.SaveChangesAsync();

            // A route goes, another changes its route; an open signal gets a department and an analysis.
            var routes = await db.DecisionRoutes.Where(r => r.SignalId == decided.Id).OrderBy(r => r.Route).ToListAsync();
            db.DecisionRoutes.Remove(routes[0]);
            routes[1].Route = Route.LabourInspectorate;
            var open = await db.Signals.SingleAsync(s => s.Id == Guid.Parse(ids[2]));
            open.DepartmentId = (await db.Departments.FirstOrDefaultAsync())?.Id;
            open.InvolvesMinor = !open.InvolvesMinor;
            open.FirstAnalysisAt = open.ReceivedAt.AddDays(3);
            await db.SaveChangesAsync();

            // A route added to a signal that the save does not change.
            db.DecisionRoutes.Add(new DecisionRoute { SignalId = Guid.Parse(ids[3]), Route = Route.Police, DecidedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();

            // A failed save changes no count: its rows are refused, and so is what it would have counted.
            var stale = await db.Signals.SingleAsync(s => s.Id == Guid.Parse(ids[3]));
            db.Entry(stale).Property(s => s.Version).OriginalValue = Guid.NewGuid();
            stale.Forms = ExploitationForms.Sexual;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }

        await AssertCountsEqualRecountAsync(app);

        // seed-load writes its counts in its bulk transaction, beside what is there.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            await SeedLoad.RunAsync(db, 300, seed: 5, DateTimeOffset.UtcNow);
            await SeedLoad.RunAsync(db, 20, seed: 6, DateTimeOffset.UtcNow, open: true);
        }

        await AssertCountsEqualRecountAsync(app);

        // The migration's backfill, on the same rows, counts exactly what was kept up.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            var kept = await StoredAsync(db);
            await db.FigureCounts.IgnoreQueryFilters().ExecuteDeleteAsync();
            await db.Database.ExecuteSqlRawAsync(FigureCountChanges.BackfillSql);
            Assert.Equal(Sorted(kept), Sorted(await StoredAsync(db)));
        }
    }

    private static async Task AssertCountsEqualRecountAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var stored = await StoredAsync(db);
        Assert.NotEmpty(stored);
        Assert.Equal(Sorted(await RecountAsync(db)), Sorted(stored));
    }

    private static async Task<Dictionary<FigureCountKey, long>> StoredAsync(MeldrouteDbContext db) =>
        (await db.FigureCounts.IgnoreQueryFilters().AsNoTracking().Where(c => c.Count != 0).ToListAsync())
            .ToDictionary(c => new FigureCountKey(c.MunicipalityId, c.Kind, c.ReceivedMonth, (int)c.Source, (int)c.Forms, (int)c.ClassifiedForms, c.DepartmentId, (int)c.LocationType, c.InvolvesMinor, c.Days, (int)c.Route, c.PartnerId), c => c.Count);

    /// <summary>The counts from the signals and routes themselves, every row read.</summary>
    private static async Task<Dictionary<FigureCountKey, long>> RecountAsync(MeldrouteDbContext db)
    {
        var counts = new Dictionary<FigureCountKey, long>();
        void Add(FigureCountKey key) => counts[key] = counts.GetValueOrDefault(key) + 1;
        var signals = await db.Signals.IgnoreQueryFilters().AsNoTracking()
            .Select(s => new { s.Id, s.MunicipalityId, s.ReceivedMonth, s.Source, s.Forms, s.ClassifiedForms, s.DepartmentId, s.LocationType, s.InvolvesMinor, s.FirstAnalysisWorkingDays, s.CaseTableWorkingDays, s.ForwardedWorkingDays })
            .ToListAsync();
        foreach (var s in signals)
        {
            Add(new(s.MunicipalityId, FigureCountKind.Signals, s.ReceivedMonth, (int)s.Source, (int)s.Forms, (int)s.ClassifiedForms, s.DepartmentId ?? 0, (int)s.LocationType, s.InvolvesMinor, 0, 0, 0));
            foreach (var (kind, days) in new[] { (FigureCountKind.FirstAnalysisDays, s.FirstAnalysisWorkingDays), (FigureCountKind.CaseTableDays, s.CaseTableWorkingDays), (FigureCountKind.ForwardedDays, s.ForwardedWorkingDays) })
            {
                if (days is { } d)
                {
                    Add(new(s.MunicipalityId, kind, s.ReceivedMonth, 0, 0, 0, 0, 0, false, d, 0, 0));
                }
            }
        }

        var byId = signals.ToDictionary(s => s.Id);
        foreach (var r in await db.DecisionRoutes.IgnoreQueryFilters().AsNoTracking().Select(r => new { r.SignalId, r.Route, r.ForwardedToPartnerId }).ToListAsync())
        {
            var s = byId[r.SignalId];
            Add(new(s.MunicipalityId, FigureCountKind.Routes, s.ReceivedMonth, (int)s.Source, (int)s.Forms, (int)s.ClassifiedForms, s.DepartmentId ?? 0, 0, false, 0, (int)r.Route, r.ForwardedToPartnerId ?? 0));
        }

        return counts;
    }

    private static List<KeyValuePair<FigureCountKey, long>> Sorted(Dictionary<FigureCountKey, long> counts) =>
        [.. counts.OrderBy(c => c.Key.ToString(), StringComparer.Ordinal)];
}

public sealed class FigureCountTestsOnSqlite() : FigureCountTests(Database.Sqlite);

public sealed class FigureCountTestsOnPostgres() : FigureCountTests(Database.Postgres);
