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
/// The figures (GetFigures: counting in SQL, suppression of every cube, the tables) against the floor: the same
/// GROUP BY queries as plain SQL through ADO.NET, without EF Core, suppression or tables. Seeded with the app's own
/// seed-load generator. The ratio of the two is the result; the machine's noise cancels out of it.
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

    /// <summary>The floor: the same aggregations as plain SQL, read into nothing.</summary>
    [Benchmark(Baseline = true, Description = "Plain SQL floor (same GROUP BYs)")]
    public async Task<long> PlainSql()
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        long rows = 0;
        foreach (var sql in FloorQueries)
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

    private static readonly string[] FloorQueries =
    [
        """SELECT "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", COUNT(*) FROM "Signals" GROUP BY "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor" """,
        """SELECT "ReceivedMonth", "FirstAnalysisWorkingDays", COUNT(*) FROM "Signals" WHERE "FirstAnalysisWorkingDays" IS NOT NULL GROUP BY "ReceivedMonth", "FirstAnalysisWorkingDays" """,
        """SELECT "ReceivedMonth", "CaseTableWorkingDays", COUNT(*) FROM "Signals" WHERE "CaseTableWorkingDays" IS NOT NULL GROUP BY "ReceivedMonth", "CaseTableWorkingDays" """,
        """SELECT "ReceivedMonth", "ForwardedWorkingDays", COUNT(*) FROM "Signals" WHERE "ForwardedWorkingDays" IS NOT NULL GROUP BY "ReceivedMonth", "ForwardedWorkingDays" """,
        """SELECT s."ReceivedMonth", s."Forms", s."ClassifiedForms", s."Source", s."DepartmentId", r."Route", r."ForwardedToPartnerId", COUNT(*) FROM "DecisionRoutes" r JOIN "Signals" s ON r."SignalId" = s."Id" GROUP BY s."ReceivedMonth", s."Forms", s."ClassifiedForms", s."Source", s."DepartmentId", r."Route", r."ForwardedToPartnerId" """,
        """SELECT a."DepartmentId", s."Date", a."Participants" FROM "TrainingAttendance" a JOIN "TrainingSessions" s ON a."SessionId" = s."Id" """,
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
