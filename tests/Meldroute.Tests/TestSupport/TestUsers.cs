using Meldroute.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Meldroute.Tests.TestSupport;

/// <summary>An account made for a test, with its authenticator key so the test can produce TOTP codes like a phone.</summary>
public sealed record TestUser(string Id, string Email, string Password, string? AuthenticatorKey)
{
    public string CurrentCode() =>
        new Totp(Base32Encoding.ToBytes(AuthenticatorKey ?? throw new InvalidOperationException("No authenticator enrolled."))).ComputeTotp();
}

public static class TestUsers
{
    public const string Password = "Test-password-2026!";

    /// <param name="municipalityId">The account's municipality; by default the installation's first (its only one outside demo mode).</param>
    public static async Task<TestUser> CreateAsync(this MeldrouteAppFactory app, string? role, bool enrolTwoFactor = true, int? municipalityId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        // By default the installation's first municipality: the only one, or in demo mode Haarlemmermeer, whose data the demo holds.
        var first = scope.ServiceProvider.GetRequiredService<Meldroute.Web.Features.Municipalities.MunicipalityDirectory>().All[0].Id;
        scope.ServiceProvider.GetRequiredService<Meldroute.Web.Features.Municipalities.MunicipalityScope>().Use(municipalityId ?? first);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<MeldrouteUser>>();
        var email = $"{(role ?? "norole").ToLowerInvariant()}-{Guid.NewGuid():N}@test.meldroute.nl";
        var user = new MeldrouteUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test " + role };
        Check(await users.CreateAsync(user, Password));
        if (role is not null)
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        string? key = null;
        if (enrolTwoFactor)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return new TestUser(user.Id, email, Password, key);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
