using Meldroute.Web.Infrastructure.Data;

namespace Meldroute.Web.Features.Figures;

/// <summary>The figures' services: the suppression threshold and other settings under "Figures", and the figure columns' backfill.</summary>
public static class FiguresFeature
{
    public static IServiceCollection AddFigures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FiguresOptions>().Bind(configuration.GetSection(FiguresOptions.Section));
        return services.AddStartupData("figure-columns", FigureColumnsBackfill.RunAsync);
    }
}
