using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.TestSupport;

/// <summary>A query the app sent and the plan the database made for it.</summary>
public sealed record RecordedPlan(string Sql, string Plan);

/// <summary>
/// While <see cref="Record"/> is on, asks the database for the plan of every SELECT the app sends, just before it runs:
/// the same text on the same connection with the same parameters (their values and types as EF bound them), prefixed
/// with EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (PostgreSQL). So a test sees the plan of the SQL the app really sends,
/// with its query filters, not of a query written again for the test.
/// </summary>
public sealed class QueryPlanRecorder : DbCommandInterceptor
{
    private readonly ConcurrentQueue<RecordedPlan> plans = new();
    private volatile bool recording;

    /// <summary>Registers the recorder on both providers' contexts (the pooled contexts take it with their options).</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteMeldrouteDbContext>(o => o.AddInterceptors(this));
        services.ConfigureDbContext<PostgresMeldrouteDbContext>(o => o.AddInterceptors(this));
    }

    /// <summary>Records the plans of the queries sent until the result is disposed; earlier ones are forgotten.</summary>
    public IDisposable Record()
    {
        plans.Clear();
        recording = true;
        return new Stop(this);
    }

    public IReadOnlyList<RecordedPlan> Plans => [.. plans];

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (recording && IsQuery(command))
        {
            plans.Enqueue(ExplainAsync(command, sync: true, CancellationToken.None).GetAwaiter().GetResult());
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (recording && IsQuery(command))
        {
            plans.Enqueue(await ExplainAsync(command, sync: false, cancellationToken));
        }

        return result;
    }

    private static bool IsQuery(DbCommand command) => command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// On PostgreSQL, plan with sorting disabled (enable_sort = off, for the EXPLAIN only): the planner then takes a plan
    /// without a Sort node whenever one exists, and shows the Sort (at a prohibitive cost) only when no index gives the
    /// order. See ListPlanTests for why.
    /// </summary>
    public bool SortDisabledOnPostgres { get; set; }

    private async Task<RecordedPlan> ExplainAsync(DbCommand command, bool sync, CancellationToken cancellationToken)
    {
        var sql = command.CommandText;
        var sqlite = command is Microsoft.Data.Sqlite.SqliteCommand;
        var sortDisabled = !sqlite && SortDisabledOnPostgres;
        command.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql;
        try
        {
            if (sortDisabled)
            {
                await ExecuteAsync(command, "SET enable_sort = off", sync, cancellationToken);
            }

            var lines = new List<string>();
            await using var reader = sync ? command.ExecuteReader() : await command.ExecuteReaderAsync(cancellationToken);
            while (sync ? reader.Read() : await reader.ReadAsync(cancellationToken))
            {
                lines.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }

            return new RecordedPlan(sql, string.Join("\n", lines));
        }
        finally
        {
            command.CommandText = sql;
            if (sortDisabled)
            {
                await ExecuteAsync(command, "RESET enable_sort", sync, cancellationToken);
            }
        }
    }

    /// <summary>A statement on the command's connection, in its transaction.</summary>
    private static async Task ExecuteAsync(DbCommand command, string sql, bool sync, CancellationToken cancellationToken)
    {
        await using var other = command.Connection!.CreateCommand();
        other.Transaction = command.Transaction;
        other.CommandText = sql;
        if (sync)
        {
            other.ExecuteNonQuery();
        }
        else
        {
            await other.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private sealed class Stop(QueryPlanRecorder recorder) : IDisposable
    {
        public void Dispose() => recorder.recording = false;
    }
}
