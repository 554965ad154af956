using System.Globalization;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Audit;

/// <summary>Settings under "Audit" for the anchor of the audit chain outside the database.</summary>
public sealed class AuditAnchorOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// The append-only anchor file; by default <c>audit-anchor.log</c> in the key folder (Meldroute:KeysPath). Relative
    /// paths are taken from the app's folder. In production it belongs on storage other than the database's, one file
    /// per instance.
    /// </summary>
    public string? AnchorPath { get; set; }

    /// <summary>How often the running app anchors the chain's head besides at start, after retention and at shutdown.</summary>
    public TimeSpan AnchorInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>One line of the anchor file: when, and the chain's head (sequence and hash) at that moment.</summary>
public sealed record AuditAnchorEntry(DateTimeOffset AnchoredAt, long Sequence, string Hash)
{
    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{AnchoredAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {Sequence} {Hash}");

    /// <summary>The entry of a line, or null when the line is not one this app writes.</summary>
    public static AuditAnchorEntry? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Trim().Split(' ');
        return parts.Length == 3
            && DateTimeOffset.TryParseExact(parts[0], "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 0
            && parts[2].Length == AuditChain.Genesis.Length && parts[2].All(char.IsAsciiHexDigitLower)
            ? new AuditAnchorEntry(at, sequence, parts[2])
            : null;
    }
}

/// <summary>
/// Anchors the audit chain outside the database. The chain proves that no row was changed, removed or inserted in the
/// middle, but someone who can write the database can also cut off its newest rows and move the head row back, or
/// rewrite the tail and its hashes: the chain in the database alone then looks intact. So the head (sequence and hash) is
/// appended to a file on other storage, and <c>audit verify</c> checks that the chain still reaches the latest anchor
/// and still has the anchored hash at that sequence. An anchor is never written over a chain that fails that check, so
/// the app's next anchor cannot hide a truncation or rewrite.
/// </summary>
public sealed class AuditAnchor(string path, IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditAnchor> logger)
{
    public const string FileName = "audit-anchor.log";

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The anchor file, absolute.</summary>
    public string Path { get; } = path;

    /// <summary>The default file: <c>audit-anchor.log</c> in the key folder, unless Audit:AnchorPath names another.</summary>
    public static string ResolvePath(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration.GetSection(AuditAnchorOptions.Section).Get<AuditAnchorOptions>()?.AnchorPath;
        if (string.IsNullOrWhiteSpace(configured))
        {
            var keys = configuration.GetSection("Meldroute").Get<KeyOptions>() ?? new KeyOptions();
            return System.IO.Path.Combine(PersonalDataProtection.KeysFolder(keys, environment), FileName);
        }

        return System.IO.Path.IsPathRooted(configured) ? configured : System.IO.Path.Combine(environment.ContentRootPath, configured);
    }

    /// <summary>The last anchor in the file; null when there is none yet; <paramref name="unreadable"/> when its last line is not an anchor.</summary>
    public AuditAnchorEntry? ReadLatest(out bool unreadable)
    {
        unreadable = false;
        if (!File.Exists(Path))
        {
            return null;
        }

        var last = File.ReadLines(Path).LastOrDefault(l => l.Length > 0);
        if (last is null)
        {
            return null;
        }

        var entry = AuditAnchorEntry.Parse(last);
        unreadable = entry is null;
        return entry;
    }

    /// <summary>
    /// Appends the chain's current head to the anchor file and the log (<paramref name="occasion"/> says why: start,
    /// interval, retention, shutdown). Writes nothing when the head is the latest anchor already, when the chain is
    /// empty, or when the chain no longer reaches the latest anchor (then it logs an error: run <c>audit verify</c>).
    /// Never throws for a file or database failure: anchoring must not stop the app or its shutdown.
    /// </summary>
    public async Task<AuditAnchorEntry?> WriteAsync(string occasion, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
            if (head is null || head.LastSequence == 0)
            {
                return null;
            }

            var latest = ReadLatest(out var unreadable);
            if (latest is not null && latest.Sequence == head.LastSequence && latest.Hash == head.LastHash)
            {
                return latest;
            }

            var broken = unreadable ? AuditBreak.AnchorUnreadable : latest is null ? (AuditBreak?)null : await CheckAsync(db, head, latest, cancellationToken);
            if (broken is { } kind)
            {
                logger.LogError(
                    "Audit chain NOT anchored ({Occasion}): the chain does not match the latest anchor in {AnchorPath} ({Break}). Run `audit verify`.",
                    occasion, Path, kind);
                return null;
            }

            var entry = new AuditAnchorEntry(AuditChain.Normalize(clock.GetUtcNow()), head.LastSequence, head.LastHash);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await using (var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                var bytes = System.Text.Encoding.ASCII.GetBytes(entry.ToLine() + "\n");
                await file.WriteAsync(bytes, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            logger.LogInformation(
                "Audit chain anchored ({Occasion}): sequence {Sequence}, hash {Hash}, in {AnchorPath}.",
                occasion, entry.Sequence, entry.Hash, Path);
            return entry;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            logger.LogError("Audit chain not anchored ({Occasion}): {Failure}.", occasion, e.GetType().Name);
            return null;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Checks a chain that is intact in itself against the latest anchor: it must reach the anchored sequence
    /// (otherwise it was truncated) and have the anchored hash there (otherwise its tail was rewritten). The result
    /// carries the anchor it was checked against.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(AuditVerification chain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var latest = ReadLatest(out var unreadable);
        if (unreadable && chain.IsIntact)
        {
            return AuditVerification.Broken(chain.RowsChecked, 0, AuditBreak.AnchorUnreadable) with { AnchorPath = Path };
        }

        // A break in the chain itself is named first: it says more than the anchor can.
        if (latest is null || !chain.IsIntact)
        {
            return chain with { AnchorPath = Path, Anchor = latest };
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        var broken = await CheckAsync(db, head, latest, cancellationToken);
        return (broken switch
        {
            AuditBreak.Truncated => AuditVerification.Broken(chain.RowsChecked, (head?.LastSequence ?? 0) + 1, AuditBreak.Truncated),
            { } kind => AuditVerification.Broken(chain.RowsChecked, latest.Sequence, kind),
            null => chain,
        }) with { AnchorPath = Path, Anchor = latest };
    }

    /// <summary>
    /// The chain against the latest anchor without walking it (for the privacy officer's dashboard, on every view): the
    /// head must still reach the anchored sequence with the anchored hash there. Whether the rows in between are intact
    /// is what the full verification (<see cref="VerifyAuditLog"/>) checks.
    /// </summary>
    public async Task<AuditAnchorState> StateAsync(MeldrouteDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = ReadLatest(out var unreadable);
        if (unreadable)
        {
            return new AuditAnchorState(null, AuditBreak.AnchorUnreadable);
        }

        if (latest is null)
        {
            return new AuditAnchorState(null, null);
        }

        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
        return new AuditAnchorState(latest, await CheckAsync(db, head, latest, cancellationToken));
    }

    private static async Task<AuditBreak?> CheckAsync(MeldrouteDbContext db, AuditChainHead? head, AuditAnchorEntry anchor, CancellationToken cancellationToken)
    {
        if (head is null || head.LastSequence < anchor.Sequence)
        {
            return AuditBreak.Truncated;
        }

        if (anchor.Sequence < head.CheckpointSequence)
        {
            // Removed by the retention rule after it was anchored; the chain's own checkpoint covers those rows.
            return null;
        }

        var hash = anchor.Sequence == head.CheckpointSequence
            ? head.CheckpointHash
            : await db.AuditEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.Sequence == anchor.Sequence).Select(e => e.Hash).SingleOrDefaultAsync(cancellationToken);
        return hash == anchor.Hash ? null : AuditBreak.Rewritten;
    }
}

/// <summary>The latest anchor (null when there is none) and how the chain fails it (null when it reaches it with the anchored hash).</summary>
public sealed record AuditAnchorState(AuditAnchorEntry? Anchor, AuditBreak? Break)
{
    public bool Matches => Anchor is not null && Break is null;
}

/// <summary>Anchors the chain once the database is prepared, then every Audit:AnchorInterval, and once more at shutdown.</summary>
public sealed class AuditAnchorJob(AuditAnchor anchor, IOptions<AuditAnchorOptions> options, Infrastructure.DatabasePreparation preparation) : BackgroundService
{
    private bool prepared;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await preparation.WaitAsync(stoppingToken))
        {
            return;
        }

        prepared = true;
        await anchor.WriteAsync("start", stoppingToken);
        var interval = options.Value.AnchorInterval > TimeSpan.Zero ? options.Value.AnchorInterval : TimeSpan.FromHours(1);
        try
        {
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await anchor.WriteAsync("interval", stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync anchors once more.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (prepared)
        {
            await anchor.WriteAsync("shutdown", cancellationToken);
        }
    }
}
