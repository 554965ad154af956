using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace Meldroute.Web.Infrastructure.Jobs;

/// <summary>That a job ran for a day: its primary key (job, day) lets only one app instance claim the day.</summary>
public sealed class JobRun
{
    public required string Job { get; set; }

    public DateOnly Day { get; set; }

    public DateTimeOffset StartedAt { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.HasKey(r => new { r.Job, r.Day });
        builder.Property(r => r.Job).HasMaxLength(50);
    }
}

/// <summary>
/// Background work that must happen on one app instance only when several instances share one database. Every
/// instance runs the same background loops; before doing the work a loop asks here, and only one instance gets a yes.
/// Two kinds:
/// <list type="bullet">
/// <item><see cref="TryClaimDayAsync"/>: at most once per day (the daily retention run). A row (job, day) is inserted;
/// the primary key admits one, so the instance whose insert is skipped knows another one has the day. The claim is
/// committed before the work: a crash half-way loses that day's run (the next day repeats the work), never doubles it.</item>
/// <item><see cref="TryExclusiveAsync"/>: never at the same time on two instances (a loop that polls a mailbox or an
/// outbox every minute). On PostgreSQL a session advisory lock on a connection of its own, held while the work runs
/// and released when it ends, also when the process dies (the server drops the session). SQLite is one process per
/// database file, so an in-process lock is enough there.</item>
/// </list>
/// </summary>
public static class SingleRun
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> LocalLocks = new(StringComparer.Ordinal);

    /// <summary>
    /// Claims (job, day) for this instance. Losing the claim is normal with several instances (each tries at the same
    /// moment): the insert skips a row that exists (<c>ON CONFLICT DO NOTHING</c>, SQLite and PostgreSQL alike) instead
    /// of failing on the primary key, so that the instance that loses logs no error, only a Debug line.
    /// </summary>
    public static async Task<bool> TryClaimDayAsync(MeldrouteDbContext db, string job, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken, ILogger? logger = null)
    {
        // The value as the model stores it (a number on SQLite, timestamptz on PostgreSQL).
        var startedAt = db.Model.FindEntityType(typeof(JobRun))!.FindProperty(nameof(JobRun.StartedAt))!.GetTypeMapping().Converter?.ConvertToProvider(now) ?? now;
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "JobRuns" ("Job", "Day", "StartedAt") VALUES ({job}, {day}, {startedAt}) ON CONFLICT DO NOTHING""",
            cancellationToken);
        if (inserted == 0)
        {
            logger?.LogDebug("Job {Job} for {Day} was claimed by another instance; this one skips it.", job, day);
        }

        return inserted == 1;
    }

    /// <summary>Runs <paramref name="work"/> unless another instance is running the same job right now (then false at once, without waiting).</summary>
    public static async Task<bool> TryExclusiveAsync(MeldrouteDbContext db, string job, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            var local = LocalLocks.GetOrAdd(db.Database.GetConnectionString() + "|" + job, _ => new SemaphoreSlim(1, 1));
            if (!await local.WaitAsync(0, cancellationToken))
            {
                return false;
            }

            try
            {
                await work(cancellationToken);
                return true;
            }
            finally
            {
                local.Release();
            }
        }

        // A connection of its own: the work's transactions on the context's connection neither hold nor end the lock.
        // Reset when it goes back to the pool (the app's other connections are not; see DatabaseSetup.TunePostgres),
        // so that a lock whose release failed cannot outlive its run on a pooled connection.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { NoResetOnClose = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var key = LockKey(job);
        await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } })
        {
            if (await take.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return false;
            }
        }

        try
        {
            await work(cancellationToken);
            return true;
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = key } } };
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    /// <summary>The advisory lock's number: stable across instances and versions, derived from the job's name.</summary>
    public static long LockKey(string job) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("meldroute.job:" + job)), 0);
}
