using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Retention;

/// <summary>
/// Runs the retention rules once a day. With several app instances on one database, each instance tries to claim the
/// day by inserting a <see cref="JobRun"/> row; the primary key lets exactly one succeed.
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RetentionOptions> options, ILogger<RetentionJob> logger) : BackgroundService
{
    public const string JobName = "retention";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetLocalNow();
            var next = now.Date + options.Value.DailyRunAt.ToTimeSpan();
            if (next <= now.DateTime)
            {
                next = next.AddDays(1);
            }

            try
            {
                await Task.Delay(next - now.DateTime, clock, stoppingToken);
                await RunOnceForTodayAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
            {
                // The next day tries again; the failure itself is in the log without any data.
                logger.LogError(e, "The daily retention run failed.");
            }
        }
    }

    /// <summary>Claims today for this instance and runs; false when another instance already ran today.</summary>
    public async Task<bool> RunOnceForTodayAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (await db.Set<JobRun>().AnyAsync(r => r.Job == JobName && r.Day == today, cancellationToken))
        {
            MeldrouteMetrics.JobRan(JobName, JobOutcome.Skipped);
            return false;
        }

        db.Set<JobRun>().Add(new JobRun { Job = JobName, Day = today, StartedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance claimed the day between our check and our insert.
            MeldrouteMetrics.JobRan(JobName, JobOutcome.Skipped);
            return false;
        }

        try
        {
            await scope.ServiceProvider.GetRequiredService<RunRetention>().RunAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            MeldrouteMetrics.JobRan(JobName, JobOutcome.Failed);
            throw;
        }

        MeldrouteMetrics.JobRan(JobName, JobOutcome.Succeeded);
        return true;
    }
}
