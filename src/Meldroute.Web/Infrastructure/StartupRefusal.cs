using System.Net;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Infrastructure;

/// <summary>
/// Meldroute refuses to start: settings that cannot work, or a key ring it cannot read. Each problem is one line, Dutch
/// first with English in parentheses; <c>Program</c> prints them on standard error and ends with exit code
/// <see cref="StartupRefusal.ExitCode"/>, instead of an unhandled exception (exit code 134) or an instance that starts
/// and fails later.
/// </summary>
public sealed class StartupRefusedException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public StartupRefusedException(string problem)
        : this([problem])
    {
    }

    public IReadOnlyList<string> Problems => problems;
}

/// <summary>What every settings check shares: the refusal's exit code, the line format and the common rules.</summary>
public static class StartupRefusal
{
    /// <summary>The exit code of a refused start (as for a wrong command line).</summary>
    public const int ExitCode = 2;

    /// <summary>One problem: Dutch, then English in parentheses.</summary>
    public static string Line(string dutch, string english) => $"{dutch} ({english})";

    /// <summary>The problems an exception of the start stands for, or null when it is no refusal but a fault.</summary>
    public static IReadOnlyList<string>? ProblemsOf(Exception exception) => exception switch
    {
        StartupRefusedException refused => refused.Problems,
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException many when many.InnerExceptions.Count > 0 && many.InnerExceptions.All(e => ProblemsOf(e) is not null) =>
            [.. many.InnerExceptions.SelectMany(e => ProblemsOf(e)!)],
        // The configuration binder's own message names the setting and the type, e.g. a Database:Provider that is no provider.
        InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            [Line("Een instelling heeft een ongeldige waarde: " + binding.Message, "a setting has a value of the wrong kind")],
        _ => null,
    };

    /// <summary>Validates every option registered with ValidateOnStart now, before the database is touched.</summary>
    public static void ValidateSettings(this IHost app) => app.Services.GetRequiredService<IStartupValidator>().Validate();

    public static bool IsLoopback(string? host) =>
        string.Equals(host?.Trim(), "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host?.Trim().Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    public static bool IsPort(int port) => port is > 0 and <= 65535;

    /// <summary>The mail server checks shared by Smtp and Mailbox: host, port, and Security=None only on this machine.</summary>
    public static IEnumerable<string> MailServerProblems(string section, string? host, int port, MailKit.Security.SecureSocketOptions security)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            yield return Line($"{section}:Host ontbreekt terwijl {section}:Enabled aan staat.", $"{section}:Host is missing while {section}:Enabled is on");
        }

        if (!IsPort(port))
        {
            yield return Line($"{section}:Port is {port}; een poort ligt tussen 1 en 65535.", $"{section}:Port must be between 1 and 65535");
        }

        if (security == MailKit.Security.SecureSocketOptions.None && !string.IsNullOrWhiteSpace(host) && !IsLoopback(host))
        {
            yield return Line(
                $"{section}:Security=None verstuurt wachtwoord en berichten onversleuteld; dat mag alleen naar een server op deze machine (localhost), niet naar {host.Trim()}.",
                $"{section}:Security=None is only allowed for a loopback host");
        }
    }
}
