using Meldroute.Web.Features.Signals;

namespace Meldroute.Web.Features.Notifications;

/// <summary>E-mail notifications: queued with the change that causes them, sent by the outbox job when Smtp:Enabled.</summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SmtpOptions>, SmtpOptionsValidation>();
        services.AddScoped<SignalNotifications>();
        services.AddScoped<ISignalChangeObserver>(sp => sp.GetRequiredService<SignalNotifications>());
        services.AddSingleton<MailOutboxJob>();
        // A restored copy sends nothing (Meldroute:RestoredCopy): the job that sends is not started.
        if (configuration.GetValue($"{SmtpOptions.Section}:Enabled", false) && !configuration.GetValue(Infrastructure.MeldrouteOptions.RestoredCopySetting, false))
        {
            services.AddHostedService(sp => sp.GetRequiredService<MailOutboxJob>());
        }

        return services;
    }
}
