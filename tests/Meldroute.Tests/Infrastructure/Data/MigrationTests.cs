using System.Reflection;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Infrastructure.Data;

/// <summary>
/// The migrations hold the whole model (what `dotnet ef migrations has-pending-model-changes` checks; the app no
/// longer compares before it creates a new database), and a database an earlier build left upgrades when the app starts.
/// </summary>
[Trait("Category", "Domain")]
public sealed class MigrationModelTests
{
    [Fact]
    public void Neither_context_has_model_changes_that_no_migration_holds()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges());
        Assert.False(postgres.Database.HasPendingModelChanges());
    }
}

/// <summary>The script a new database is made with is what the migrations generate (NewDatabaseScript).</summary>
[Trait("Category", "Domain")]
public sealed class NewDatabaseScriptTests
{
    [Fact]
    public void The_embedded_scripts_are_what_the_migrations_generate()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        foreach (var (provider, db) in new (DatabaseProvider, DbContext)[] { (DatabaseProvider.Sqlite, sqlite), (DatabaseProvider.Postgres, postgres) })
        {
            var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions);
            Assert.True(
                Normalize(generated) == Normalize(NewDatabaseScript.For(provider)),
                $"Infrastructure/Data/Migrations/{provider}/NewDatabase.sql is not what the migrations generate. In src/Meldroute.Web run: "
                + $"dotnet ef migrations script --no-transactions --context {db.GetType().Name} -o Infrastructure/Data/Migrations/{provider}/NewDatabase.sql");
        }

        static string Normalize(string script) => script.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();
    }
}

[Trait("Category", "Integration")]
public abstract class MigrationUpgradeTests(Database database)
{
    [Fact]
    public async Task A_new_database_gets_every_migration_from_the_embedded_script()
    {
        using var app = new MeldrouteAppFactory(database);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();

        Assert.Contains(app.Logs.Lines, l => l.Contains("every migration applied from the embedded script", StringComparison.Ordinal));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_script_that_lacks_the_last_migration_leaves_it_to_the_migrator()
    {
        using var app = new MeldrouteAppFactory(database);
        string[] all;
        await using (var design = CreateContext(app.ConnectionString))
        {
            all = [.. design.Database.GetMigrations()];
        }

        // The script as a build one migration older embedded it: up to the history row of the migration before the last.
        // While the migrations are squashed into one (Initial), that build had none, and its script only creates the
        // history table (what `migrations script` generates without migrations): the migrator then applies Initial.
        var script = NewDatabaseScript.For(app.Provider);
        var before = all.Length > 1 ? $"'{all[^2]}'" : "\"__EFMigrationsHistory\"";
        var end = script.IndexOf(';', script.IndexOf(before, StringComparison.Ordinal)) + 1;
        Assert.True(await NewDatabaseScript.ApplyIfNewAsync(app.Provider, app.ConnectionString, script[..end], CancellationToken.None));
        Assert.False(await NewDatabaseScript.ApplyIfNewAsync(app.Provider, app.ConnectionString, script, CancellationToken.None));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();

        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("every migration applied from the embedded script", StringComparison.Ordinal));
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_database_one_migration_behind_is_upgraded_when_the_app_starts()
    {
        using var app = new MeldrouteAppFactory(database);
        var all = await LeaveOneMigrationBehindAsync(app);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();

        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("every migration applied from the embedded script", StringComparison.Ordinal));
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    /// <remarks>
    /// The app checks the model only before it upgrades a database that holds migrations already (a new one holds no
    /// data). While the migrations are squashed into one (Initial), no such database is behind, so this build has one
    /// migration more than the project (<see cref="WithLaterMigration"/>): the database has all of the project's.
    /// </remarks>
    [Fact]
    public async Task A_build_whose_model_has_changes_without_a_migration_refuses_to_upgrade_a_database()
    {
        using var app = new MeldrouteAppFactory(database, services: s =>
        {
            if (database == Database.Sqlite)
            {
                s.ConfigureDbContext<SqliteMeldrouteDbContext>(o => o.ReplaceService<IModelCustomizer, UnmigratedTable>().ReplaceService<IMigrationsAssembly, WithLaterMigration>());
            }
            else
            {
                s.ConfigureDbContext<PostgresMeldrouteDbContext>(o => o.ReplaceService<IModelCustomizer, UnmigratedTable>().ReplaceService<IMigrationsAssembly, WithLaterMigration>());
            }
        });
        var all = await LeaveOneMigrationBehindAsync(app, withLaterMigration: true);

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("has changes that no migration holds", error.ToString(), StringComparison.Ordinal);
        await using var db = CreateContext(app.ConnectionString);
        Assert.Equal(all[..^1], await db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>
    /// Migrates the app's database to the migration before the last, as an earlier build left it; returns all migrations.
    /// While the migrations are squashed into one (Initial), that is no migration: the database has only the history table.
    /// </summary>
    private async Task<string[]> LeaveOneMigrationBehindAsync(MeldrouteAppFactory app, bool withLaterMigration = false)
    {
        await using var db = CreateContext(app.ConnectionString, withLaterMigration);
        var all = db.Database.GetMigrations().ToArray();
        await db.GetService<IMigrator>().MigrateAsync(all.Length > 1 ? all[^2] : Migration.InitialDatabase);
        return all;
    }

    private MeldrouteDbContext CreateContext(string connectionString, bool withLaterMigration = false)
    {
        if (database == Database.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource)!);
            return new SqliteMeldrouteDbContext(DesignOptions(new DbContextOptionsBuilder<SqliteMeldrouteDbContext>().UseSqlite(connectionString), withLaterMigration));
        }

        return new PostgresMeldrouteDbContext(DesignOptions(new DbContextOptionsBuilder<PostgresMeldrouteDbContext>().UseNpgsql(connectionString), withLaterMigration));
    }

    private static DbContextOptions<TContext> DesignOptions<TContext>(DbContextOptionsBuilder<TContext> options, bool withLaterMigration)
        where TContext : DbContext
    {
        options.UsePersonalDataProtection(SqliteDesignTimeFactory.DesignTimeProtection());
        return withLaterMigration ? options.ReplaceService<IMigrationsAssembly, WithLaterMigration>().Options : options.Options;
    }

#pragma warning disable EF1001 // EF Core's own list of the project's migrations (an internal type), with one more.
    /// <summary>The project's migrations and one after them, which the model snapshot does not know of.</summary>
    private sealed class WithLaterMigration(
        ICurrentDbContext currentContext, IDbContextOptions options, IMigrationsIdGenerator idGenerator, IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
        : MigrationsAssembly(currentContext, options, idGenerator, logger)
    {
        public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
            field ??= new SortedList<string, TypeInfo>(base.Migrations.ToDictionary()) { [LaterMigration.Id] = typeof(LaterMigration).GetTypeInfo() };
    }
#pragma warning restore EF1001

    /// <summary>A migration after the project's last; the refusal comes before it could run, so it changes nothing.</summary>
    private sealed class LaterMigration : Migration
    {
        public const string Id = "99991231235959_Later";

        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }
    }

    /// <summary>A table the model has and no migration makes.</summary>
    private sealed class UnmigratedTable(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity("UnmigratedTable", e =>
            {
                e.Property<int>("Id");
                e.HasKey("Id");
            });
        }
    }
}

public sealed class MigrationUpgradeTestsOnSqlite() : MigrationUpgradeTests(Database.Sqlite);

public sealed class MigrationUpgradeTestsOnPostgres() : MigrationUpgradeTests(Database.Postgres);
