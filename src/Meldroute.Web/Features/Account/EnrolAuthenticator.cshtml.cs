using System.Globalization;
using System.Text;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Meldroute.Web.Features.Account;

/// <summary>
/// Enrolment of an authenticator app (TOTP), required at first sign-in outside demo mode: scan the QR code (or type
/// the key), confirm with a code, and receive one-time recovery codes.
/// </summary>
[Authorize(Policy = Policies.Enrolment)]
public sealed class EnrolAuthenticatorModel(
    UserManager<MeldrouteUser> users,
    SignInManager<MeldrouteUser> signInManager,
    AuditTrail audit,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string QrCodeDataUri { get; private set; } = "";

    public string FormattedKey { get; private set; } = "";

    public bool AlreadyEnrolled { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string ContinueUrl => LocalUrl.OrHome(ReturnUrl);

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("./Login");
        }

        AlreadyEnrolled = user.TwoFactorEnabled;
        if (!AlreadyEnrolled)
        {
            await LoadKeyAsync(user);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("./Login");
        }

        if (user.TwoFactorEnabled)
        {
            AlreadyEnrolled = true;
            return Page();
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Code)}", t["Enrol_WrongCode"]);
        }

        if (!ModelState.IsValid)
        {
            await audit.RecordAsync(new AuditEntry("mfa.enrol", AuditOutcome.Failure, "user", user.Id));
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await audit.RecordAsync(new AuditEntry("mfa.enrol", AuditOutcome.Success, "user", user.Id));
        // A new session with the "2FA enrolled" claim: from here on every page of the user's roles opens.
        await signInManager.RefreshSignInAsync(user);
        return Page();
    }

    private async Task LoadKeyAsync(MeldrouteUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";

            // A new key renews the security stamp; without a fresh cookie the session would end at the next
            // stamp check (a minute), while the user is still scanning the code.
            await signInManager.RefreshSignInAsync(user);
        }

        FormattedKey = FormatKey(key);
        var uri = string.Format(
            CultureInfo.InvariantCulture,
            "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            Uri.EscapeDataString("Meldroute"),
            Uri.EscapeDataString(user.Email ?? user.Id),
            key);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        // A PNG data URI: the CSP allows data: images, not inline SVG styles.
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}
