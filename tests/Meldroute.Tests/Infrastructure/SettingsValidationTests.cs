using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Mailbox;
using Meldroute.Web.Features.Notifications;
using Meldroute.Web.Infrastructure;

namespace Meldroute.Tests.Infrastructure;

/// <summary>Each rule of the settings check, as the validators apply it.</summary>
[Trait("Category", "Domain")]
public sealed class SettingsValidationTests
{
    private static SmtpOptions GoodSmtp() => new() { Enabled = true, Host = "smtp.gemeente.test", From = "noreply@gemeente.test", AppUrl = "https://meldroute.gemeente.test" };

    [Fact]
    public void Mail_settings_that_cannot_work_are_each_named()
    {
        var validator = new SmtpOptionsValidation();
        Assert.True(validator.Validate(null, GoodSmtp()).Succeeded);
        // Off: nothing is checked.
        Assert.True(validator.Validate(null, new SmtpOptions { Enabled = false, From = "" }).Succeeded);

        var bad = GoodSmtp();
        bad.From = "";
        bad.Security = MailKit.Security.SecureSocketOptions.None;
        bad.Port = 0;
        bad.AppUrl = "meldroute";
        var failures = validator.Validate(null, bad).Failures!.ToList();
        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Smtp:From ontbreekt", StringComparison.Ordinal) && f.EndsWith("(Smtp:From is missing or no e-mail address while mail is on)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Smtp:Security=None", StringComparison.Ordinal) && f.Contains("smtp.gemeente.test", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Smtp:Port", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Smtp:AppUrl", StringComparison.Ordinal));

        // Security=None to a server on this machine is allowed (a local relay).
        foreach (var loopback in new[] { "127.0.0.1", "localhost", "::1" })
        {
            var local = GoodSmtp();
            local.Host = loopback;
            local.Security = MailKit.Security.SecureSocketOptions.None;
            Assert.True(validator.Validate(null, local).Succeeded, loopback);
        }
    }

    [Fact]
    public void A_polled_mailbox_needs_its_server_and_account()
    {
        var validator = new MailboxOptionsValidation();
        Assert.True(validator.Validate(null, new MailboxOptions { Enabled = false }).Succeeded);
        Assert.True(validator.Validate(null, new MailboxOptions { Enabled = true, Host = "imap.gemeente.test", User = "meldpunt", Password = "x" }).Succeeded);

        var failures = validator.Validate(null, new MailboxOptions { Enabled = true, Host = "imap.gemeente.test", Security = MailKit.Security.SecureSocketOptions.None }).Failures!.ToList();
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Mailbox:Security=None", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Mailbox:User en Mailbox:Password", StringComparison.Ordinal));
    }

    [Fact]
    public void Meldroute_settings_are_checked()
    {
        var validator = new MeldrouteOptionsValidation();
        Assert.True(validator.Validate(null, new MeldrouteOptions { TrustedProxies = "10.0.1.5, 10.0.1.6", PublicUrl = "https://meldroute.gemeente.test" }).Succeeded);

        var failures = validator.Validate(null, new MeldrouteOptions { TrustedProxies = "10.0.1.5,nginx", PublicUrl = "meldroute.gemeente.test", IdleTimeoutMinutes = 0 }).Failures!.ToList();
        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.Contains("'nginx' is geen IP-adres", StringComparison.Ordinal));
    }
}

/// <summary>The app as a service starts it: settings that cannot work stop it with one line per problem and exit code 2.</summary>
[Trait("Category", "Process")]
public sealed class SettingsRefusalTests
{
    [Fact]
    public async Task Wrong_settings_refuse_the_start_with_one_dutch_and_english_line_each_and_exit_code_2()
    {
        var folder = Directory.CreateTempSubdirectory("meldroute-settings-").FullName;
        var database = Path.Combine(folder, "meldroute.db");
        var (exitCode, output) = await OperatorProcess.RunAsync(folder, new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Meldroute"] = $"Data Source={database}",
            ["Meldroute__KeysPath"] = Path.Combine(folder, "keys"),
            ["Smtp__Enabled"] = "true",
            ["Smtp__Host"] = "smtp.gemeente.test",
            ["Smtp__Security"] = "None",
            ["Mailbox__Enabled"] = "true",
            ["Mailbox__Host"] = "imap.gemeente.test",
            ["Mailbox__Security"] = "None",
            ["Meldroute__TrustedProxies"] = "nginx",
        }, "--urls=http://127.0.0.1:0");

        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{output}");
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, lines.Count);
        Assert.Contains(lines, l => l.StartsWith("- Smtp:From ontbreekt", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- Smtp:Security=None", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- Mailbox:Security=None", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- Mailbox:User en Mailbox:Password", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- Meldroute:TrustedProxies", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Matches(@"\(.+\)$", l));
        // Refused before the database was touched.
        Assert.False(File.Exists(database));

        // A value of the wrong kind ends the same way instead of as an unhandled exception (exit code 134).
        var provider = await OperatorProcess.RunAsync(folder, new Dictionary<string, string> { ["Database__Provider"] = "Oracle" }, "migrate");
        Assert.True(provider.ExitCode == 2, $"exit code {provider.ExitCode}:\n{provider.Output}");
        Assert.Contains("- Een instelling heeft een ongeldige waarde: Failed to convert configuration value 'Oracle' at 'Database:Provider'", provider.Output, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }
}
