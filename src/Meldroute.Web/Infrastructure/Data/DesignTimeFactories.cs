using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Meldroute.Web.Infrastructure.Data;

// Used only by `dotnet ef migrations add`; the running app configures contexts in DatabaseSetup.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMeldrouteDbContext>
{
    public SqliteMeldrouteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMeldrouteDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(SqliteMeldrouteDbContext).Assembly.GetName().Name))
            .UsePersonalDataProtection(DesignTimeProtection())
            .Options);

    // Migrations need the model's shape only; this key ring never stores a key.
    internal static Privacy.PersonalDataProtection DesignTimeProtection() => Privacy.PersonalDataProtection.Ephemeral();
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMeldrouteDbContext>
{
    public PostgresMeldrouteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMeldrouteDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=design_time")
            .UsePersonalDataProtection(SqliteDesignTimeFactory.DesignTimeProtection())
            .Options);
}
