using Meldroute.Web.Infrastructure.Data;

namespace Meldroute.Web.Features.Framework;

/// <summary>The VNG framework's building blocks every installation starts with (Seed/vng-kader.csv).</summary>
public static class FrameworkFeature
{
    public static IServiceCollection AddFramework(this IServiceCollection services) =>
        services.AddStartupData("framework-building-blocks", BuildingBlockSeed.EnsureAsync);
}
