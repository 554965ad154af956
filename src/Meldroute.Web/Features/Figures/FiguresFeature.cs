namespace Meldroute.Web.Features.Figures;

/// <summary>The figures' services: the suppression threshold and other settings under "Figures".</summary>
public static class FiguresFeature
{
    public static IServiceCollection AddFigures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FiguresOptions>().Bind(configuration.GetSection(FiguresOptions.Section));
        return services;
    }
}
