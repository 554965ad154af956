using System.Data.Common;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Benchmarks;

/// <summary>
/// The figures (GetFigures: reading the monthly counts, suppression of every cube, the tables) against the floor: the
/// same reads as plain SQL through ADO.NET, without EF Core, suppression or tables; and, for comparison, the recount
/// by GROUP BY over every signal that the figures ran before the monthly counts. Seeded with the app's own seed-load
/// generator. The ratio to the floor is the result; the machine's noise cancels out of it.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, warmupCount: 2, iterationCount: 8)]
public class FiguresBenchmarks
{
    private MeldrouteDbContext db = null!;

    /// <summary>Sizes from MELDROUTE_BENCH_SIZES (comma separated), default 10k, 100k and 1M.</summary>
    public static IEnumerable<int> Sizes() =>
        (Environment.GetEnvironmentVariable("MELDROUTE_BENCH_SIZES") ?? "10000,100000,1000000").Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>SQLite always; PostgreSQL when MELDROUTE_BENCH_POSTGRES is set; or those named in MELDROUTE_BENCH_DATABASES (comma separated).</summary>
    public static IEnumerable<string> Databases() =>
        Environment.GetEnvironmentVariable("MELDROUTE_BENCH_DATABASES") is { Length: > 0 } named ? named.Split(',')
        : Environment.GetEnvironmentVariable("MELDROUTE_BENCH_POSTGRES") is null ? ["sqlite"] : ["sqlite", "postgres"];

    [ParamsSource(nameof(Sizes))]
    public int Signals { get; set; }

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = "sqlite";

    /// <summary>
    /// Seeds the database once per size and database and keeps it: BenchmarkDotNet runs each benchmark in a process of
    /// its own, and seeding 1,000,000 signals takes about ten minutes. A kept database is reused only when it holds
    /// exactly the signals asked for; MELDROUTE_BENCH_RESEED=1 seeds anew (e.g. after changing seed-load).
    /// </summary>
    /// <summary>The municipality the migrations made; the figures and the seeded rows are its own.</summary>
    private async Task UseTheMunicipalityAsync() => db.UseOnly(await db.Municipalities.Select(m => m.Id).SingleAsync());

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var protection = PersonalDataProtection.Ephemeral(Path.Combine(Path.GetTempPath(), $"figures-keys-{Guid.NewGuid():N}.db"));
        var reseed = Environment.GetEnvironmentVariable("MELDROUTE_BENCH_RESEED") == "1";
        if (Database == "postgres")
        {
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("MELDROUTE_BENCH_POSTGRES")
                ?? throw new InvalidOperationException("Set MELDROUTE_BENCH_POSTGRES to a throwaway PostgreSQL database to benchmark PostgreSQL."));
            connection.Database += "_" + Signals.ToString(System.Globalization.CultureInfo.InvariantCulture);
            db = new PostgresMeldrouteDbContext(new DbContextOptionsBuilder<PostgresMeldrouteDbContext>().UseNpgsql(connection.ConnectionString).UsePersonalDataProtection(protection).Options);
        }
        else
        {
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "meldroute-bench")).FullName;
            db = new SqliteMeldrouteDbContext(new DbContextOptionsBuilder<SqliteMeldrouteDbContext>().UseSqlite($"Data Source={Path.Combine(folder, $"figures-{Signals}.db")}").UsePersonalDataProtection(protection).Options);
        }

        if (!reseed && await db.Database.CanConnectAsync())
        {
            await db.Database.MigrateAsync();
            await UseTheMunicipalityAsync();
            reseed = await db.Signals.CountAsync() != Signals || await db.Signals.CountAsync(s => s.Reference.StartsWith(SeedLoad.ReferencePrefix)) != Signals;
        }
        else
        {
            reseed = true;
        }

        if (reseed)
        {
            await db.Database.EnsureDeletedAsync();
            await db.Database.MigrateAsync();
            await UseTheMunicipalityAsync();
            // The registry first: seed-load spreads signals over its departments and hands routes over to its partners.
            await Meldroute.Web.Features.Demo.DemoSeeder.SeedRegistryAsync(db);
            await SeedLoad.RunAsync(db, Signals, seed: 2026, DateTimeOffset.UtcNow);
        }

        // Also after a migration added an index to a kept database. VACUUM on PostgreSQL sets the visibility map, as
        // autovacuum would on a live installation, so that index-only scans can be used.
        await db.Database.ExecuteSqlRawAsync(Database == "postgres" ? "VACUUM ANALYZE" : "ANALYZE; PRAGMA optimize;");
    }

    [GlobalCleanup]
    public Task CleanupAsync() => db.DisposeAsync().AsTask();

    [Benchmark(Description = "GetFigures (suppressed, all tables)")]
    public Task<FiguresResult> Figures() =>
        GetFigures.HandleAsync(db, new FigureFilter(), exact: false, new FiguresOptions(), DateTimeOffset.UtcNow, KeyLocalizer.Instance, CancellationToken.None);

    /// <summary>The floor: what GetFigures reads, as plain SQL, read into nothing.</summary>
    [Benchmark(Baseline = true, Description = "Plain SQL floor (the monthly counts)")]
    public Task<long> PlainSql() => RunAsync(FloorQueries);

    /// <summary>The counts from every signal and route (the GROUP BYs the figures ran before the monthly counts), for comparison.</summary>
    [Benchmark(Description = "Recount (GROUP BY over the signals)")]
    public Task<long> Recount() => RunAsync(RecountQueries);

    private async Task<long> RunAsync(string[] queries)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        long rows = 0;
        foreach (var sql in queries)
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows += reader.GetInt64(reader.FieldCount - 1);
            }
        }

        return rows;
    }

    /// <summary>
    /// What GetFigures reads since the figures are kept as monthly counts (<see cref="FigureCount"/>): the counts and the
    /// training attendance. <see cref="RecountQueries"/> are the GROUP BYs over every signal that it read before.
    /// </summary>
    private static readonly string[] FloorQueries =
    [
        """SELECT "Kind", "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", "Days", "Route", "PartnerId", "Count" FROM "FigureCounts" WHERE "Count" <> 0""",
        """SELECT a."DepartmentId", s."Date", a."Participants" FROM "TrainingAttendance" a JOIN "TrainingSessions" s ON a."SessionId" = s."Id" """,
    ];

    /// <summary>The same counts from the signals and routes themselves: what the figures cost before the monthly counts.</summary>
    private static readonly string[] RecountQueries =
    [
        """SELECT "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", COUNT(*) FROM "Signals" GROUP BY "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor" """,
        """SELECT "ReceivedMonth", "FirstAnalysisWorkingDays", COUNT(*) FROM "Signals" WHERE "FirstAnalysisWorkingDays" IS NOT NULL GROUP BY "ReceivedMonth", "FirstAnalysisWorkingDays" """,
        """SELECT "ReceivedMonth", "CaseTableWorkingDays", COUNT(*) FROM "Signals" WHERE "CaseTableWorkingDays" IS NOT NULL GROUP BY "ReceivedMonth", "CaseTableWorkingDays" """,
        """SELECT "ReceivedMonth", "ForwardedWorkingDays", COUNT(*) FROM "Signals" WHERE "ForwardedWorkingDays" IS NOT NULL GROUP BY "ReceivedMonth", "ForwardedWorkingDays" """,
        """SELECT s."ReceivedMonth", s."Forms", s."ClassifiedForms", s."Source", s."DepartmentId", r."Route", r."ForwardedToPartnerId", COUNT(*) FROM "DecisionRoutes" r JOIN "Signals" s ON r."SignalId" = s."Id" GROUP BY s."ReceivedMonth", s."Forms", s."ClassifiedForms", s."Source", s."DepartmentId", r."Route", r."ForwardedToPartnerId" """,
    ];

    /// <summary>Labels are the resource keys: the benchmark measures counting and suppression, not localisation.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public static readonly KeyLocalizer Instance = new();

        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
