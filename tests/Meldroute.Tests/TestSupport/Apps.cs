namespace Meldroute.Tests.TestSupport;

/// <summary>One app per test class, outside demo mode, on SQLite.</summary>
public sealed class SqliteApp() : MeldrouteAppFactory(Database.Sqlite);

/// <summary>One app per test class, outside demo mode, on a fresh PostgreSQL database.</summary>
public sealed class PostgresApp() : MeldrouteAppFactory(Database.Postgres);

/// <summary>The embedded default as `dotnet run` starts it: SQLite, demo mode, demo accounts.</summary>
public sealed class DemoApp() : MeldrouteAppFactory(Database.Sqlite, demoMode: true);
