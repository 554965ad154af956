using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Meldroute.Web.Infrastructure.Data;

/// <summary>
/// Lets this process's SQLite write transactions take turns in order, instead of all trying at once.
/// SQLite allows one writer per file; a transaction that finds the file locked sleeps in SQLite's busy handler
/// (1, 2, 5, … up to 100 ms per try) and tries again, so under concurrent submissions most of the time goes to sleeping
/// and the slowest request waits seconds. Here each transaction first waits its turn on an async gate per database
/// (connection string) and starts the moment the previous one ends. Other processes on the same file (an operator command) still meet
/// SQLite's own lock and busy timeout; after <see cref="MaxWait"/> a transaction stops waiting for the gate and
/// leaves it to that lock, so a turn that is not given back can slow writes down but never stop them.
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> turns = new();

    // The gate begins the transaction itself, so that a BEGIN that fails (another process holds the file past the busy
    // timeout, the request was cancelled) gives its turn back at once: a pooled context's connection is not closed
    // when the context goes back to the pool, so waiting for that would keep the turn.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        var gate = GateFor(connection);
        if (!await gate.WaitAsync(MaxWait, cancellationToken))
        {
            return result;
        }

        turns[eventData.ConnectionId] = gate;
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(await connection.BeginTransactionAsync(eventData.IsolationLevel, cancellationToken));
        }
        catch
        {
            EndTurn(eventData.ConnectionId);
            throw;
        }
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        var gate = GateFor(connection);
        if (!gate.Wait(MaxWait))
        {
            return result;
        }

        turns[eventData.ConnectionId] = gate;
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(connection.BeginTransaction(eventData.IsolationLevel));
        }
        catch
        {
            EndTurn(eventData.ConnectionId);
            throw;
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => EndTurn(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        EndTurn(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => EndTurn(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        EndTurn(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => EndTurn(eventData.ConnectionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        EndTurn(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an early return) ends when its connection is closed or disposed.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => EndTurn(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        EndTurn(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => EndTurn(eventData.ConnectionId);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        EndTurn(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>How many connections hold a turn on this connection's database now (for tests: every ended transaction must have given its turn back).</summary>
    internal int TurnsHeldOn(string connectionString) =>
        Gates.TryGetValue(connectionString, out var gate) ? turns.Values.Count(g => g == gate) : 0;

    private void EndTurn(Guid connectionId)
    {
        if (turns.TryRemove(connectionId, out var gate))
        {
            gate.Release();
        }
    }

    private static SemaphoreSlim GateFor(DbConnection connection) => GateFor(connection.ConnectionString);

    /// <summary>The gate of a database by its connection string; writers past EF Core (the data keys stored ahead) take their turn here too.</summary>
    internal static SemaphoreSlim GateFor(string connectionString) =>
        Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
}
