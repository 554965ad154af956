using System.Threading.Channels;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;

namespace Meldroute.Web.Features.Intake;

/// <summary>
/// Group commit for the intake: submissions that arrive while the previous ones are being stored wait in a queue, and
/// one writer stores all that are waiting (up to <see cref="MaxBatch"/>) in one transaction. Alone, a submission is
/// stored as before, in a transaction of its own. Under load a transaction costs its fixed part (the write lock, the
/// reference counter or sequence, the audit chain's head, the commit and its flush to disk) once for many signals,
/// and pages that several signals change (index pages, the counter, the head) are written once.
/// A batch is all or nothing: when it fails (a repeated Idempotency-Key among them, or any database error) each of its
/// submissions is stored again on its own, so that each request gets its own answer, as without the queue.
/// Written by hand: EF Core and the database drivers have no group commit.
/// </summary>
public sealed class IntakeWriter : IAsyncDisposable
{
    public const int MaxBatch = 64;

    private readonly Channel<Queued> queue = Channel.CreateUnbounded<Queued>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<IntakeWriter> logger;
    private readonly Task writer;
    private long storedTogether;

    public IntakeWriter(IServiceScopeFactory scopes, ILogger<IntakeWriter> logger)
    {
        this.scopes = scopes;
        this.logger = logger;
        // Not in the execution context of whichever request made the writer: its batches belong to no one request.
        using (ExecutionContext.SuppressFlow())
        {
            writer = Task.Run(WriteAsync);
        }
    }

    /// <summary>Queues the submission and answers once it is stored (committed), or with its own failure.</summary>
    public Task<(SubmitSignalResponse Response, bool Created)> SubmitAsync(PreparedSubmission submission, CancellationToken cancellationToken)
    {
        var queued = new Queued(submission, cancellationToken);
        // Once the app stops, the queue is closed: a late submission is stored on its own.
        return queue.Writer.TryWrite(queued) ? queued.Done.Task : StoreAloneAsync(submission, cancellationToken);
    }

    /// <summary>How many submissions were stored in a batch with others (for tests).</summary>
    internal long StoredTogether => Interlocked.Read(ref storedTogether);

    public async ValueTask DisposeAsync()
    {
        // What is queued still gets stored before the app stops.
        queue.Writer.TryComplete();
        await writer;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Queued>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var queued))
            {
                // A request that was cancelled while it waited (the client left) is not stored.
                if (queued.Cancellation.IsCancellationRequested)
                {
                    queued.Done.TrySetCanceled(queued.Cancellation);
                }
                else
                {
                    batch.Add(queued);
                }
            }

            // Each municipality's submissions are stored together, in a unit of work for that municipality.
            foreach (var group in batch.GroupBy(q => q.Submission.MunicipalityId).Select(g => g.ToList()))
            {
                if (group.Count > 1 && await TryStoreTogetherAsync(group))
                {
                    continue;
                }

                await StoreEachAsync(group);
            }
        }
    }

    private async Task StoreEachAsync(List<Queued> batch)
    {
        foreach (var queued in batch)
        {
            try
            {
                queued.Done.TrySetResult(await StoreAloneAsync(queued.Submission, CancellationToken.None));
            }
            catch (Exception e)
            {
                // The request that submitted it answers with its failure; the writer goes on with the next.
                queued.Done.TrySetException(e);
            }
        }
    }

    private async Task<bool> TryStoreTogetherAsync(List<Queued> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            ForMunicipalityOf(services, batch[0].Submission);
            var responses = await SubmitSignal.StoreBatchAsync(
                services.GetRequiredService<MeldrouteDbContext>(), services.GetRequiredService<AuditTrail>(),
                services.GetRequiredService<Notifications.SignalNotifications>(), [.. batch.Select(q => q.Submission)], CancellationToken.None);
            Interlocked.Add(ref storedTogether, batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult((responses[i], true));
            }

            return true;
        }
        catch (Exception e)
        {
            // Each on its own next: a repeated key answers with its first signal, a failure fails only its own request.
            logger.LogDebug("A batch of {Count} submissions was not stored together ({Failure}); storing each on its own.", batch.Count, e.GetType().Name);
            return false;
        }
    }

    private async Task<(SubmitSignalResponse Response, bool Created)> StoreAloneAsync(PreparedSubmission submission, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        ForMunicipalityOf(services, submission);
        return await SubmitSignal.StoreAsync(
            services.GetRequiredService<MeldrouteDbContext>(), services.GetRequiredService<AuditTrail>(),
            services.GetRequiredService<Notifications.SignalNotifications>(), submission, cancellationToken);
    }

    /// <summary>The writer belongs to no request: its unit of work is for the municipality of the request that submitted.</summary>
    private static void ForMunicipalityOf(IServiceProvider services, PreparedSubmission submission)
    {
        if (submission.MunicipalityId is { } id)
        {
            services.GetRequiredService<Municipalities.MunicipalityScope>().Use(id);
        }
    }

    private sealed class Queued(PreparedSubmission submission, CancellationToken cancellation)
    {
        public PreparedSubmission Submission { get; } = submission;

        public CancellationToken Cancellation { get; } = cancellation;

        // Run continuations elsewhere: the writer must not run each request's remaining pipeline before the next batch.
        public TaskCompletionSource<(SubmitSignalResponse Response, bool Created)> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
