using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Observability;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Account;

/// <summary>
/// Turns the identity provider's verified id token (in Identity's external cookie) into a Meldroute session: finds
/// the account by its external login or creates it, sets its role from the token on every sign-in, and refuses
/// unmapped roles, blocked accounts and a missing second factor. Every outcome is audited by account id, never by
/// e-mail address.
/// </summary>
public sealed class ExternalSignIn(
    SignInManager<MeldrouteUser> signInManager,
    UserManager<MeldrouteUser> users,
    IOptions<OidcOptions> options,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<ExternalSignIn> logger)
{
    public enum Refusal
    {
        Failed,
        NoRole,
        AmbiguousRole,
        MfaRequired,
        Blocked,
        EmailInUse,
    }

    public sealed record Result(MeldrouteUser? User, Refusal? Refused);

    public static string LoginPageFor(Refusal refusal) => "/Account/Login?oidc=" + refusal;

    public async Task<Result> SignInAsync(HttpContext http)
    {
        var oidc = options.Value;
        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        // The external cookie has served its purpose whatever happens next.
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Properties?.Items.TryGetValue("LoginProvider", out var provider) != true || provider != OidcOptions.Scheme)
        {
            return await RefuseAsync(Refusal.Failed, "no-external-sign-in", null);
        }

        var principal = external.Principal!;
        var subject = principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(subject))
        {
            return await RefuseAsync(Refusal.Failed, "no-subject", null);
        }

        var user = await users.FindByLoginAsync(OidcOptions.Scheme, subject);
        if (oidc.RequireMfa && !principal.FindAll("amr").Any(c => string.Equals(c.Value, "mfa", StringComparison.Ordinal)))
        {
            return await RefuseAsync(Refusal.MfaRequired, "mfa-required", user);
        }

        var roles = oidc.MapRoles(principal.FindAll(oidc.RoleClaim).Select(c => c.Value));
        if (roles.Count != 1)
        {
            return await RefuseAsync(roles.Count == 0 ? Refusal.NoRole : Refusal.AmbiguousRole, roles.Count == 0 ? "no-role" : "ambiguous-role", user);
        }

        var role = roles[0];
        if (user is null)
        {
            var email = principal.FindFirstValue("email") ?? principal.FindFirstValue(ClaimTypes.Email)
                ?? (principal.FindFirstValue("preferred_username") is { } name && name.Contains('@', StringComparison.Ordinal) ? name : null);
            if (string.IsNullOrWhiteSpace(email))
            {
                return await RefuseAsync(Refusal.Failed, "no-email", null);
            }

            if (await users.FindByEmailAsync(email) is { } existing)
            {
                // A local account is never taken over by an e-mail address the identity provider asserts.
                return await RefuseAsync(Refusal.EmailInUse, "email-in-use", existing);
            }

            user = new MeldrouteUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = principal.FindFirstValue("name") ?? email,
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user);
            var linked = created.Succeeded ? await users.AddLoginAsync(user, new UserLoginInfo(OidcOptions.Scheme, subject, oidc.DisplayName)) : created;
            if (!linked.Succeeded)
            {
                if (created.Succeeded)
                {
                    await users.DeleteAsync(user);
                }

                return await RefuseAsync(Refusal.Failed, "provisioning-failed:" + string.Join('+', linked.Errors.Select(e => e.Code)), null);
            }

            await audit.RecordAsync(new AuditEntry("user.created", AuditOutcome.Success, "user", user.Id, "oidc;role:" + role, user.Id));
        }

        if (await users.IsLockedOutAsync(user))
        {
            return await RefuseAsync(Refusal.Blocked, "blocked", user);
        }

        var current = await users.GetRolesAsync(user);
        if (current.Count != 1 || current[0] != role)
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, role);
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(new AuditEntry("user.role.changed", AuditOutcome.Success, "user", user.Id, $"oidc;{string.Join('+', current)}->{role}", user.Id));
        }

        user.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        await signInManager.SignInAsync(user, isPersistent: false, authenticationMethod: OidcOptions.Scheme);
        await audit.RecordAsync(new AuditEntry("signin.oidc.succeeded", AuditOutcome.Success, "user", user.Id, null, user.Id, role));
        return new Result(user, null);
    }

    private async Task<Result> RefuseAsync(Refusal refusal, string reason, MeldrouteUser? user)
    {
        logger.LogWarning("OpenID Connect sign-in refused: {Reason}", reason);
        await audit.RecordAsync(new AuditEntry("signin.oidc.refused", AuditOutcome.Failure, "user", user?.Id, reason, user?.Id));
        MeldrouteMetrics.SignInFailed("oidc", reason.Split(':')[0]);
        return new Result(null, refusal);
    }
}
