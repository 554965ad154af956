namespace Meldroute.Web.Features.Intake;

/// <summary>The intake: its single entry point and the group commit that stores what it takes in.</summary>
public static class IntakeFeature
{
    public static IServiceCollection AddIntake(this IServiceCollection services) =>
        services.AddSingleton<IntakeWriter>().AddScoped<SignalIntake>();
}
