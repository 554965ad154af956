namespace Meldroute.Web.Infrastructure;

/// <summary>
/// Whether the database is prepared for this start (migrations, keys, reference data; see
/// <c>OperatorCommand.PrepareDatabaseAsync</c>). The web server starts while the database is prepared — each takes
/// about a second, and a quick start matters when an instance is replaced — so until then every request but the
/// liveness probe gets 503 (the readiness probe too) and background jobs wait.
/// </summary>
public sealed class DatabasePreparation
{
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsPrepared => done.Task.IsCompletedSuccessfully;

    public Task Prepared => done.Task;

    public void Succeeded() => done.TrySetResult();

    public void Failed(Exception exception) => done.TrySetException(exception);

    /// <summary>For background jobs: waits until the database is prepared; false when preparing failed or the host stops.</summary>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await done.Task.WaitAsync(cancellationToken);
            return true;
        }
        catch (Exception) when (!done.Task.IsCompletedSuccessfully)
        {
            return false;
        }
    }
}
