using System.Diagnostics;

namespace Meldroute.Tests.TestSupport;

/// <summary>Runs the built app as an operator would (`dotnet Meldroute.Web.dll …`) against the app's database.</summary>
public static class OperatorProcess
{
    public static Task<(int ExitCode, string Output)> RunAsync(MeldrouteAppFactory app, params string[] args) =>
        RunAsync(
            app.DataFolderOrTemp(),
            new Dictionary<string, string>(),
            [.. args, $"--Database:Provider={app.Database}", $"--ConnectionStrings:Meldroute={app.ConnectionString}", $"--Audit:AnchorPath={app.AuditAnchorPath}", .. app.KeySettings.Select(s => $"--{s.Key}={s.Value}")]);

    /// <summary>The app with these arguments and environment variables (in Production) until it exits.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Meldroute.Web.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
