namespace Meldroute.Web.Infrastructure.Data;

/// <summary>
/// Data an installation needs before it serves, which a feature ships or fills in (a reference list from Seed/, a
/// backfill). Each feature registers its own with <see cref="StartupDataRegistration.AddStartupData"/>; preparing the
/// database ensures each in the order registered. Each must be idempotent: it runs at every start.
/// </summary>
public sealed record StartupData(string Name, Func<MeldrouteDbContext, CancellationToken, Task> EnsureAsync);

public static class StartupDataRegistration
{
    public static IServiceCollection AddStartupData(this IServiceCollection services, string name, Func<MeldrouteDbContext, CancellationToken, Task> ensure) =>
        services.AddSingleton(new StartupData(name, ensure));

    /// <summary>A backfill, which answers how many rows it filled in (not needed here).</summary>
    public static IServiceCollection AddStartupData(this IServiceCollection services, string name, Func<MeldrouteDbContext, CancellationToken, Task<int>> backfill) =>
        services.AddSingleton(new StartupData(name, (db, cancellationToken) => backfill(db, cancellationToken)));
}
