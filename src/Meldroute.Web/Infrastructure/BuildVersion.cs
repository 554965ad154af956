using System.Reflection;

namespace Meldroute.Web.Infrastructure;

/// <summary>
/// The version of this build, e.g. <c>1.0.0+24d8d54dbdd15b6a092ae4fc1bbc870aaff2c39b</c>: the .NET SDK appends the git
/// commit it was built from to the informational version (SourceLink's SourceRevisionId). A build from a folder without
/// .git has no commit; the build does not fail for it. Shown by the `version` command and in the start's log line.
/// </summary>
public static class BuildVersion
{
    public static string Informational { get; } =
        typeof(BuildVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The git commit of the build, or null when it was built without git.</summary>
    public static string? Commit { get; } = Informational.Split('+', 2) is [_, var commit] && commit.Length > 0 ? commit : null;
}
