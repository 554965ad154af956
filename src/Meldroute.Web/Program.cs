using Meldroute.Web.Infrastructure;
using Meldroute.Web.Infrastructure.Commands;

var command = OperatorCommand.Parse(args);
if (command.IsUnknown)
{
    await Console.Error.WriteLineAsync(OperatorCommand.Usage);
    return 2;
}

var builder = WebApplication.CreateBuilder(command.HostArgs);
builder.AddMeldroute();
var app = builder.Build();
command.BeginPreparing(app);
app.UseMeldroute();
return await command.RunAsync(app);

/// <summary>Entry point; public so that integration tests can host the app.</summary>
public partial class Program;
