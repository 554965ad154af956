using System.ComponentModel.DataAnnotations;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Admin.Users;

/// <summary>
/// The administrator's list of accounts, and creating one with a role and a one-time password. There is no
/// self-registration: this is how accounts come to exist. The new user sets up the authenticator app at first sign-in.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(
    MeldrouteDbContext db,
    UserManager<MeldrouteUser> users,
    AuditTrail audit,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public string? CreatedEmail { get; private set; }

    public string? CreatedPassword { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRoleAsync(string userId, string? role, CancellationToken cancellationToken) =>
        await AfterAsync(await SetUserRole.HandleAsync(users, audit, t, User, userId, role, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostBlockAsync(string userId, bool blocked, CancellationToken cancellationToken) =>
        await AfterAsync(blocked ? await DisableUser.HandleAsync(users, audit, t, User, userId, cancellationToken) : await EnableUser.HandleAsync(users, audit, t, User, userId, cancellationToken), cancellationToken);

    /// <summary>Shows the new one-time password once, on the page itself (never in an address).</summary>
    public async Task<IActionResult> OnPostResetAsync(string userId, CancellationToken cancellationToken)
    {
        var outcome = await ResetUserPassword.HandleAsync(users, audit, t, User, userId, cancellationToken);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return await AfterAsync(Outcome<string>.Conflict(outcome.Message ?? t["Users_ResetFailed"]) with { Kind = outcome.Kind }, cancellationToken);
        }

        ResetEmail = (await users.FindByIdAsync(userId))?.Email;
        ResetPassword = outcome.Value;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public string? ResetEmail { get; private set; }

    public string? ResetPassword { get; private set; }

    private async Task<IActionResult> AfterAsync(Outcome<string> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Kind == OutcomeKind.Ok)
        {
            return RedirectToPage();
        }

        ModelState.Clear();
        Message = outcome.Message ?? string.Join(" ", outcome.Errors!.SelectMany(e => e.Value));
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await users.FindByEmailAsync(Input.Email) is not null)
        {
            ModelState.AddModelError("Input.Email", t["Users_EmailTaken"]);
        }

        if (ModelState.IsValid)
        {
            var password = InitialPassword.Generate();
            var user = new MeldrouteUser { UserName = Input.Email, Email = Input.Email, EmailConfirmed = true, DisplayName = Input.DisplayName, MustChangePassword = true };
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, Input.Role);
            }

            if (result.Succeeded)
            {
                await audit.RecordAsync(new AuditEntry("user.created", AuditOutcome.Success, "user", user.Id, "role:" + Input.Role), cancellationToken);
                CreatedEmail = Input.Email;
                CreatedPassword = password;
                ModelState.Clear();
                Input = new NewUserInput();
            }
            else
            {
                ModelState.AddModelError("Input.Email", t["Users_CreateFailed"]);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var roleNames = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var rolesByUser = roleNames.ToLookup(x => x.UserId, x => x.Name!);
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        // Blocking sets the lock-out to the end of time; a lock-out after failed sign-ins is not a block.
        Users = [.. accounts.Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName, [.. rolesByUser[u.Id]], u.TwoFactorEnabled, u.LastSignInAt, MeldrouteUser.IsBlocked(u.LockoutEnd)))];
    }

    public string? CurrentUserId => users.GetUserId(User);

    /// <summary>A row of the list, which doubles as the yearly access review: every user, roles, last sign-in, blocked or not.</summary>
    public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool TwoFactorEnabled, DateTimeOffset? LastSignInAt, bool Blocked);
}

public sealed class NewUserInput : IValidatableObject
{
    [Required(ErrorMessage = "Validation_Required")]
    [EmailAddress(ErrorMessage = "Validation_Email")]
    [StringLength(256, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Login_Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Users_Name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Users_Role")]
    public string Role { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(Role) && !Infrastructure.Security.Roles.All.Contains(Role))
        {
            var t = validationContext.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer<SharedResource>;
            yield return new ValidationResult(t?["Validation_UnknownRole"] ?? "Validation_UnknownRole", [nameof(Role)]);
        }
    }
}
