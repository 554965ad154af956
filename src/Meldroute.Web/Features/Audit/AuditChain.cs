using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Meldroute.Web.Features.Audit;

/// <summary>The hash chain over audit events: how a row's hash is made and how a chain is checked. No I/O.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the very first row.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Timestamps are cut to whole milliseconds before hashing, so that the value read back from any database
    /// (PostgreSQL keeps microseconds, SQLite text) hashes the same.
    /// </summary>
    public static DateTimeOffset Normalize(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string ComputeHash(AuditEvent e)
    {
        // A JSON array is an unambiguous encoding: no field can run into the next.
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            e.Sequence,
            Normalize(e.OccurredAt).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            e.ActorId, e.ActorRole, e.Action, e.ObjectType, e.ObjectId, e.Outcome, e.Purpose,
            e.CorrelationId, e.ClientAddress, e.PreviousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Checks rows given in sequence order against each other and against the stored head.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEvent> eventsInOrder, AuditChainHead? head)
    {
        long count = 0;
        AuditEvent? previous = null;
        // After the retention rule removed old days, the chain continues from the checkpoint it left.
        var startSequence = (head?.CheckpointSequence ?? 0) + 1;
        var startHash = head?.CheckpointHash ?? Genesis;
        foreach (var e in eventsInOrder)
        {
            count++;
            var expectedSequence = previous is null ? startSequence : previous.Sequence + 1;
            var expectedPrevious = previous?.Hash ?? startHash;
            if (e.Sequence != expectedSequence)
            {
                return AuditVerification.Broken(count, expectedSequence, AuditBreak.Missing);
            }

            if (e.PreviousHash != expectedPrevious)
            {
                return AuditVerification.Broken(count, e.Sequence, AuditBreak.Unlinked);
            }

            if (ComputeHash(e) != e.Hash)
            {
                return AuditVerification.Broken(count, e.Sequence, AuditBreak.Altered);
            }

            previous = e;
        }

        var lastSequence = previous?.Sequence ?? startSequence - 1;
        var lastHash = previous?.Hash ?? startHash;
        if (head is null ? previous is not null : head.LastSequence != lastSequence || head.LastHash != lastHash)
        {
            // The newest rows are gone (or the head was tampered with): the first missing row is the one after the last present.
            return AuditVerification.Broken(count, lastSequence + 1, AuditBreak.Missing);
        }

        return AuditVerification.Intact(count);
    }

    /// <summary>What the "audit.trimmed" event records of the checkpoint, so that the checkpoint is itself in the chain.</summary>
    public static string CheckpointRecord(long sequence, string hash, DateOnly removedBefore) =>
        string.Create(CultureInfo.InvariantCulture, $"through={sequence};hash={hash};before={removedBefore:yyyy-MM-dd}");

    /// <summary>Whether a trimmed event's record names exactly this checkpoint.</summary>
    public static bool RecordsCheckpoint(string? record, long sequence, string hash) =>
        record is not null && record.StartsWith(string.Create(CultureInfo.InvariantCulture, $"through={sequence};hash={hash};"), StringComparison.Ordinal);
}

public enum AuditBreak
{
    /// <summary>A row's content no longer matches its hash.</summary>
    Altered,

    /// <summary>A row does not point at the hash of the row before it.</summary>
    Unlinked,

    /// <summary>A row is missing from the sequence.</summary>
    Missing,

    /// <summary>The checkpoint the retention rule left differs from the one the chain itself recorded.</summary>
    Checkpoint,

    /// <summary>The chain ends before the sequence last anchored outside the database: its newest rows were cut off.</summary>
    Truncated,

    /// <summary>The row at the anchored sequence has another hash than the anchor recorded: the tail was rewritten.</summary>
    Rewritten,

    /// <summary>The last line of the anchor file is not an anchor: the file was altered.</summary>
    AnchorUnreadable,
}

public sealed record AuditVerification(bool IsIntact, long RowsChecked, long? FirstBrokenSequence, AuditBreak? Break)
{
    /// <summary>The anchor outside the database the chain was checked against; null when none was written yet.</summary>
    public AuditAnchorEntry? Anchor { get; init; }

    /// <summary>The anchor file of this instance, when the anchor was checked; for the operator's console, not for the API.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? AnchorPath { get; init; }

    public static AuditVerification Intact(long rows) => new(true, rows, null, null);

    public static AuditVerification Broken(long rows, long sequence, AuditBreak kind) => new(false, rows, sequence, kind);
}
