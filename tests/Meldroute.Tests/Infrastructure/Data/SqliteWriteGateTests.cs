using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Infrastructure.Data;

/// <summary>SQLite write transactions take turns; every way a transaction ends gives its turn back.</summary>
[Trait("Category", "Integration")]
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task Committed_rolled_back_failed_and_abandoned_transactions_all_give_their_turn_back()
    {
        using var app = new MeldrouteAppFactory(Database.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();

        await using (var committed = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(1, DatabaseSetup.WriteGate.TurnsHeldOn(db.Database.GetConnectionString()!));
            await committed.CommitAsync();
        }

        Assert.Equal(0, DatabaseSetup.WriteGate.TurnsHeldOn(db.Database.GetConnectionString()!));

        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            await rolledBack.RollbackAsync();
        }

        Assert.Equal(0, DatabaseSetup.WriteGate.TurnsHeldOn(db.Database.GetConnectionString()!));

        // Disposed without commit or rollback: an early return.
        await using (await db.Database.BeginTransactionAsync())
        {
            await db.Departments.CountAsync();
        }

        Assert.Equal(0, DatabaseSetup.WriteGate.TurnsHeldOn(db.Database.GetConnectionString()!));

        await using (var failing = await db.Database.BeginTransactionAsync())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("INSERT INTO \"NoSuchTable\" VALUES (1)"));
        }

        Assert.Equal(0, DatabaseSetup.WriteGate.TurnsHeldOn(db.Database.GetConnectionString()!));

        // SaveChanges makes its own transaction.
        db.Departments.Add(new Meldroute.Web.Features.Departments.Department { Name = "Afdeling voor de poorttest" });
        await db.SaveChangesAsync();
        Assert.Equal(0, DatabaseSetup.WriteGate.TurnsHeldOn(db.Database.GetConnectionString()!));
    }

    [Fact]
    public async Task A_transaction_that_could_not_begin_gives_its_turn_back()
    {
        using var app = new MeldrouteAppFactory(Database.Sqlite);
        _ = app.Services;
        string connectionString;
        // Another process holds the file's write lock past the busy timeout: BEGIN fails after the turn was taken.
        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection(app.ConnectionString + ";Pooling=False");
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            connectionString = db.Database.GetConnectionString()!;
            await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => db.Database.BeginTransactionAsync());
        }

        await holder.CloseAsync();
        Assert.Equal(0, DatabaseSetup.WriteGate.TurnsHeldOn(connectionString));
    }
}
