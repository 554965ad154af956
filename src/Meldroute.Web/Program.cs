using Meldroute.Web.Infrastructure;
using Meldroute.Web.Infrastructure.Commands;

var command = OperatorCommand.Parse(args);
if (command.IsUnknown)
{
    await Console.Error.WriteLineAsync(OperatorCommand.Usage);
    return 2;
}

try
{
    var builder = WebApplication.CreateBuilder(command.HostArgs);
    builder.AddMeldroute();
    var app = builder.Build();
    // Settings first: a problem refuses the start before the database is touched.
    app.ValidateSettings();
    command.BeginPreparing(app);
    app.UseMeldroute();
    return await command.RunAsync(app);
}
catch (Exception e) when (StartupRefusal.ProblemsOf(e) is { } problems)
{
    // One line per problem on standard error (the journal), no stack trace: the operator fixes a setting, not code.
    await Console.Error.WriteLineAsync("Meldroute start niet. (Meldroute refuses to start.)");
    foreach (var problem in problems)
    {
        await Console.Error.WriteLineAsync("- " + problem);
    }

    return StartupRefusal.ExitCode;
}

/// <summary>Entry point; public so that integration tests can host the app.</summary>
public partial class Program;
