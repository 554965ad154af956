using System.Diagnostics;

namespace Meldroute.Tests.TestSupport;

/// <summary>Runs the built app as an operator would (`dotnet Meldroute.Web.dll …`) against the app's database.</summary>
public static class OperatorProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(MeldrouteAppFactory app, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = app.DataFolderOrTemp(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Meldroute.Web.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.ArgumentList.Add($"--Database:Provider={app.Database}");
        start.ArgumentList.Add($"--ConnectionStrings:Meldroute={app.ConnectionString}");
        foreach (var (key, value) in app.KeySettings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
