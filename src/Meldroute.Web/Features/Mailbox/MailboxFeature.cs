namespace Meldroute.Web.Features.Mailbox;

/// <summary>The reporting mailbox: its reader, and the job that polls it when Mailbox:Enabled.</summary>
public static class MailboxFeature
{
    public static IServiceCollection AddMailbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailboxOptions>().Bind(configuration.GetSection(MailboxOptions.Section));
        services.AddSingleton<MailboxReader>();
        if (configuration.GetValue($"{MailboxOptions.Section}:Enabled", false))
        {
            services.AddHostedService<MailboxJob>();
        }

        return services;
    }
}
