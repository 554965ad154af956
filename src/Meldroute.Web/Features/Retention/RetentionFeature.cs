using Meldroute.Web.Infrastructure.Data;

namespace Meldroute.Web.Features.Retention;

/// <summary>Retention's services: its terms (Retention settings), the run, and the daily job unless Retention:DailyJob is false.</summary>
public static class RetentionFeature
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section));
        services.AddScoped<RunRetention>();
        services.AddStartupData(DataKeyReconciliation.StartupDataName, DataKeyReconciliation.AtStartAsync);
        services.AddSingleton<RetentionJob>();
        if (configuration.GetValue("Retention:DailyJob", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        }

        return services;
    }
}
