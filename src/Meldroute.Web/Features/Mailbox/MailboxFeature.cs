namespace Meldroute.Web.Features.Mailbox;

/// <summary>The reporting mailbox: its reader, and the job that polls it when Mailbox:Enabled.</summary>
public static class MailboxFeature
{
    public static IServiceCollection AddMailbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailboxOptions>().Bind(configuration.GetSection(MailboxOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<MailboxOptions>, MailboxOptionsValidation>();
        services.AddSingleton<MailboxReader>();
        // A restored copy reads no mailbox (Meldroute:RestoredCopy): the job that polls is not started.
        if (configuration.GetValue($"{MailboxOptions.Section}:Enabled", false) && !configuration.GetValue(Infrastructure.MeldrouteOptions.RestoredCopySetting, false))
        {
            services.AddHostedService<MailboxJob>();
        }

        return services;
    }
}
