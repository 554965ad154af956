using Meldroute.Web.Infrastructure.Data;

namespace Meldroute.Web.Features.Privacy;

/// <summary>The processing register every installation starts with (Seed/processing-register.csv).</summary>
public static class PrivacyFeature
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services) =>
        services.AddStartupData("processing-register", ProcessingRegisterSeed.EnsureAsync);
}
