using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Meldroute.BrowserTests;

/// <summary>
/// The app as `dotnet run` starts it (Development, demo mode, seeded demo accounts), but on its own SQLite file in a
/// temp folder that is removed afterwards. The caller chooses the server (Kestrel on a loopback port).
/// </summary>
public sealed class DemoAppFactory : WebApplicationFactory<Program>
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "meldroute-browser-" + Guid.NewGuid().ToString("N")[..12]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(dataFolder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
        builder.UseSetting("ConnectionStrings:Meldroute", $"Data Source={Path.Combine(dataFolder, "meldroute.db")}");
        builder.UseSetting("Meldroute:DemoMode", "true");
        // The app's JSON request logs would only bury a failing test's output.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }
}
