using Microsoft.EntityFrameworkCore.Metadata.Builders;
using System.Collections.Concurrent;
using System.Globalization;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Meldroute.Web.Features.Intake;

/// <summary>
/// Signal reference numbers on PostgreSQL: a database sequence per year (<c>signal_reference_2026</c>).
/// A counter row would be locked from its update until the commit, so every submission would wait for the previous
/// one's commit; a sequence hands out numbers without a lock, to every instance. The price: a submission that fails
/// after taking its number, or repeats an earlier Idempotency-Key, leaves a gap (numbers stay unique and increasing).
/// A year's sequence is made by the first
/// submission of that year and continues from that year's counter row, which earlier releases (and SQLite) count in.
/// </summary>
public static class ReferenceNumbers
{
    private static readonly ConcurrentDictionary<(string Database, int Year), bool> Made = new();

    public static string SequenceName(int year) => string.Create(CultureInfo.InvariantCulture, $"signal_reference_{year}");

    /// <summary>Makes the year's sequence when it does not exist yet; outside the submission's transaction, so a rollback cannot undo it.</summary>
    public static async Task EnsureYearAsync(MeldrouteDbContext db, int year, CancellationToken cancellationToken)
    {
        var key = (db.Database.GetConnectionString() ?? "", year);
        if (Made.ContainsKey(key))
        {
            return;
        }

        var last = await db.SignalReferenceCounters.Where(c => c.Year == year).Select(c => (int?)c.Last).SingleOrDefaultAsync(cancellationToken) ?? 0;
        try
        {
            // The name and start are numbers this code made, not input.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                string.Create(CultureInfo.InvariantCulture, $"CREATE SEQUENCE IF NOT EXISTS {SequenceName(year)} AS bigint START WITH {last + 1}"), cancellationToken);
#pragma warning restore EF1002
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another instance made it at the same moment: IF NOT EXISTS does not cover that race.
        }

        Made[key] = true;
    }

    /// <summary>The year's next <paramref name="count"/> numbers from its sequence, in one round trip, in order.</summary>
    public static async Task<IReadOnlyList<long>> NextAsync(MeldrouteDbContext db, int year, int count, CancellationToken cancellationToken)
    {
        await using var command = Command(db, $"SELECT nextval('{SequenceName(year)}') FROM generate_series(1, @count)", null, count);
        var numbers = new List<long>(count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                numbers.Add(reader.GetInt64(0));
            }
        }

        // Each number is unique however the rows come back; sorted, the batch's signals get them in their order.
        numbers.Sort();
        return numbers.Count == count ? numbers : throw new InvalidOperationException("nextval answered too few numbers.");
    }

    /// <summary>
    /// One value through the context's open connection and transaction, without EF Core's query pipeline: reference
    /// numbers are taken inside the submission's transaction (on SQLite under the file's write lock, which every other
    /// writer waits for), where the pipeline's own work per call counted.
    /// </summary>
    internal static async Task<long?> ScalarAsync(MeldrouteDbContext db, string sql, int? year, int? count, CancellationToken cancellationToken)
    {
        await using var command = Command(db, sql, year, count);
        return await command.ExecuteScalarAsync(cancellationToken) is { } result and not DBNull ? Convert.ToInt64(result, CultureInfo.InvariantCulture) : null;
    }

    private static System.Data.Common.DbCommand Command(MeldrouteDbContext db, string sql, int? year, int? count)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        foreach (var (name, value) in new[] { ("@year", year), ("@count", count) })
        {
            if (value is { } given)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = given;
                command.Parameters.Add(parameter);
            }
        }

        return command;
    }
}

/// <summary>The last reference number given out in a year (MR-2026-0042 → 42).</summary>
public sealed class SignalReferenceCounter
{
    public int Year { get; set; }

    public int Last { get; set; }
}

internal sealed class SignalReferenceCounterConfiguration : IEntityTypeConfiguration<SignalReferenceCounter>
{
    public void Configure(EntityTypeBuilder<SignalReferenceCounter> builder)
    {
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}
