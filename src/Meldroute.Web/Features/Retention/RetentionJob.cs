using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Jobs;
using Meldroute.Web.Infrastructure.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Retention;

/// <summary>
/// Runs the retention rules once a day at <see cref="RetentionOptions.DailyRunAt"/>, and at start when today's time
/// has passed without a run (an instance that was down or restarting at that moment does not skip the day). With
/// several app instances on one database, each claims the day through <see cref="SingleRun.TryClaimDayAsync"/>;
/// exactly one succeeds.
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RetentionOptions> options, ILogger<RetentionJob> logger, Infrastructure.DatabasePreparation preparation) : BackgroundService
{
    public const string JobName = "retention";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await preparation.WaitAsync(stoppingToken))
        {
            return;
        }

        var catchUp = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetLocalNow();
            var next = now.Date + options.Value.DailyRunAt.ToTimeSpan();
            if (next <= now.DateTime && !catchUp)
            {
                next = next.AddDays(1);
            }

            catchUp = false;
            try
            {
                if (next > now.DateTime)
                {
                    await Task.Delay(next - now.DateTime, clock, stoppingToken);
                }

                var ran = await RunOnceForTodayAsync(stoppingToken);
                logger.LogInformation("Daily retention run: {Outcome}.", ran ? "ran on this instance" : "already claimed for today");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
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
        if (!await SingleRun.TryClaimDayAsync(db, JobName, today, clock.GetUtcNow(), cancellationToken, logger))
        {
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
