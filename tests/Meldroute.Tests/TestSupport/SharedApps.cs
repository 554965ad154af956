namespace Meldroute.Tests.TestSupport;

// The API tests of the reporting procedure and of bad input are split by the feature each test exercises (Intake,
// Handling, CaseTable, Forwarding), but share one app per database as they did when each was one class: a collection
// per database holds the split classes, so their tests run one after another on that collection's one app.

/// <summary>The procedure's API tests on SQLite: one app for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class ProcedureApiOnSqlite : ICollectionFixture<SqliteApp>
{
    public const string Name = "Procedure API on SQLite";
}

/// <summary>The procedure's API tests on PostgreSQL: one app (one fresh database) for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class ProcedureApiOnPostgres : ICollectionFixture<PostgresApp>
{
    public const string Name = "Procedure API on PostgreSQL";
}

/// <summary>The bad-input tests on SQLite: one app for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class BadInputOnSqlite : ICollectionFixture<SqliteApp>
{
    public const string Name = "Bad input on SQLite";
}

/// <summary>The bad-input tests on PostgreSQL: one app (one fresh database) for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class BadInputOnPostgres : ICollectionFixture<PostgresApp>
{
    public const string Name = "Bad input on PostgreSQL";
}
