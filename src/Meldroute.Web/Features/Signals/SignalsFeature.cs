using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Features.Shared;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meldroute.Web.Features.Signals;

/// <summary>The procedure's core: how changes to a signal run, and the indicator checklist every installation has.</summary>
public static class SignalsFeature
{
    public static IServiceCollection AddSignals(this IServiceCollection services)
    {
        services.TryAddScoped<AggregateChanges>();
        services.AddStartupData("indicators", ReferenceData.EnsureIndicatorsAsync);
        return services.AddScoped<SignalChanges>();
    }
}
