namespace Meldroute.Web.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Settings under "Database"; the connection string is ConnectionStrings:Meldroute.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Meldroute";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The connection string the app uses (a relative SQLite path resolved, PostgreSQL's driver settings added); set at start-up, not read from the section.</summary>
    public string ConnectionString { get; internal set; } = "";
}
