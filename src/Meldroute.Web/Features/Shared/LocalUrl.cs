namespace Meldroute.Web.Features.Shared;

public static class LocalUrl
{
    /// <summary>The URL if it is a path on this site, otherwise the start page: never an open redirect.</summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
