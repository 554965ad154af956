using System.Security.Claims;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Admin.Users;

public sealed record RoleRequest(string? Role);

/// <summary>The administrator's user operations as JSON.</summary>
internal static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Administrator);

        api.MapPost("/{id}/role", async (string id, RoleRequest request, ClaimsPrincipal user, UserManager<MeldrouteUser> users, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await ManageUsers.SetRoleAsync(users, audit, t, user, id, request.Role, ct)).ToHttp(changed => Results.Ok(new { id = changed }), t))
            .WithName("SetUserRole");

        api.MapPost("/{id}/block", async (string id, ClaimsPrincipal user, UserManager<MeldrouteUser> users, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await ManageUsers.SetBlockedAsync(users, audit, t, user, id, blocked: true, ct)).ToHttp(changed => Results.Ok(new { id = changed }), t))
            .WithName("DisableUser");

        api.MapPost("/{id}/unblock", async (string id, ClaimsPrincipal user, UserManager<MeldrouteUser> users, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await ManageUsers.SetBlockedAsync(users, audit, t, user, id, blocked: false, ct)).ToHttp(changed => Results.Ok(new { id = changed }), t))
            .WithName("EnableUser");

        api.MapPost("/{id}/password-reset", async (string id, ClaimsPrincipal user, UserManager<MeldrouteUser> users, AuditTrail audit, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await ManageUsers.ResetPasswordAsync(users, audit, t, user, id, ct)).ToHttp(password => Results.Ok(new { id, oneTimePassword = password }), t))
            .WithName("ResetUserPassword");

        api.MapGet("/access-review", async (MeldrouteDbContext db, TimeProvider clock, CancellationToken ct) =>
                Results.Ok(await AccessReview.AccessReviews.GetAsync(db, clock.GetUtcNow(), ct)))
            .WithName("GetAccessReview");

        api.MapGet("/access-review/csv", async (MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
                Results.File(await AccessReview.AccessReviews.ExportCsvAsync(db, audit, clock.GetUtcNow(), ct), "text/csv; charset=utf-8", "toegangsreview.csv"))
            .WithName("ExportAccessReview");

        api.MapPost("/access-review", async (AccessReview.RecordAccessReviewRequest request, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await AccessReview.AccessReviews.RecordAsync(db, audit, clock, t, user, request, ct)).ToHttp(r => Results.Ok(new { r.Id, r.CompletedAt, r.Accounts }), t))
            .WithName("RecordAccessReview");
    }
}
