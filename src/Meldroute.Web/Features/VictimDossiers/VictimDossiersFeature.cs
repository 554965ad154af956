using Meldroute.Web.Features.Shared;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>The shielded victim dossier: how changes to a dossier run.</summary>
public static class VictimDossiersFeature
{
    public static IServiceCollection AddVictimDossiers(this IServiceCollection services)
    {
        services.TryAddScoped<AggregateChanges>();
        return services.AddScoped<DossierChanges>();
    }
}
