using System.Net;
using System.Net.Http.Json;
using nietras.SeparatedValues;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Meldroute.Tests.Features.Admin;

/// <summary>Administrators change roles and block accounts; the user's sessions end; nobody changes their own access.</summary>
[Trait("Category", "Integration")]
public abstract class UserAdministrationTests(Database database)
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    private MeldrouteAppFactory NewApp() => new(database, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));

    [Fact]
    public async Task A_role_change_takes_effect_at_the_next_sign_in_and_the_old_session_ends()
    {
        using var app = NewApp();
        var admin = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Administrator));
        var user = await app.CreateAsync(Roles.Reporter);
        var session = await app.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Intake/Mine")).StatusCode);

        await admin.PostAsync($"/api/users/{user.Id}/role", new { role = Roles.PolicyAdvisor });
        clock.Advance(TimeSpan.FromMinutes(2));

        var old = await session.GetAsync("/Intake/Mine");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Contains("/Account/Login", old.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var again = await app.SignInAsync(user);
        Assert.Contains("Beleidsadviseur", await (await again.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/Intake/Mine")).StatusCode);
    }

    [Fact]
    public async Task A_blocked_user_cannot_sign_in_until_unblocked()
    {
        using var app = NewApp();
        var admin = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Administrator));
        var user = await app.CreateAsync(Roles.Reporter);

        await admin.PostAsync($"/api/users/{user.Id}/block", new { });
        using var client = app.CreateClient();
        var refused = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password, twoFactorCode = user.CurrentCode() });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await admin.PostAsync($"/api/users/{user.Id}/unblock", new { });
        Assert.NotEmpty(await app.GetAccessTokenAsync(user));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "user.blocked" && e.ObjectId == user.Id));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "user.unblocked" && e.ObjectId == user.Id));
    }

    [Fact]
    public async Task A_password_reset_ends_the_sessions_and_the_one_time_password_must_be_changed_before_anything_else()
    {
        using var app = NewApp();
        var admin = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Administrator));
        var user = await app.CreateAsync(Roles.SpecialistOfficer);
        var session = await app.SignInAsync(user);
        var token = await app.CreateApiClientAsync(user);

        var reset = await admin.PostAsync($"/api/users/{user.Id}/password-reset", new { });
        var oneTime = reset.GetProperty("oneTimePassword").GetString()!;
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/Handling")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/signals")).StatusCode);
        using (var anonymous = app.CreateClient())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password, twoFactorCode = user.CurrentCode() })).StatusCode);
        }

        // With the one-time password every page leads to changing it, and the API answers 403 until then.
        var withOneTime = user with { Password = oneTime };
        var browser = await app.SignInAsync(withOneTime);
        var inbox = await browser.GetAsync("/Handling");
        Assert.Equal(HttpStatusCode.Redirect, inbox.StatusCode);
        Assert.StartsWith("/Account/ChangePassword?ReturnUrl=%2FHandling", inbox.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("eenmalig wachtwoord", await (await browser.GetAsync("/Account/ChangePassword")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.CreateApiClientAsync(withOneTime)).GetAsync("/api/signals")).StatusCode);

        var changed = await browser.PostFormAsync("/Account/ChangePassword?ReturnUrl=%2FHandling", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = oneTime, ["Input.NewPassword"] = "Eigen-wachtwoord-2027", ["Input.ConfirmPassword"] = "Eigen-wachtwoord-2027", ["ReturnUrl"] = "/Handling",
        });
        Assert.Equal("/Handling", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Handling")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.CreateApiClientAsync(user with { Password = "Eigen-wachtwoord-2027" })).GetAsync("/api/signals")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "user.password.reset" && e.ObjectId == user.Id));
        Assert.DoesNotContain(oneTime, string.Join("|", await db.AuditEvents.Select(e => e.Purpose).ToListAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_yearly_access_review_lists_every_account_marks_inactive_ones_and_is_recorded()
    {
        using var app = NewApp();
        var admin = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Administrator));
        var idle = await app.CreateAsync(Roles.CaseTableMember);
        var active = await app.CreateAsync(Roles.PolicyAdvisor);
        await app.SignInAsync(active);

        var review = await (await admin.GetAsync("/api/users/access-review")).JsonAsync(HttpStatusCode.OK);
        var accounts = review.GetProperty("accounts").EnumerateArray().ToDictionary(a => a.GetProperty("email").GetString()!);
        Assert.Equal([Roles.CaseTableMember], accounts[idle.Email].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(accounts[idle.Email].GetProperty("inactive").GetBoolean());
        Assert.False(accounts[active.Email].GetProperty("inactive").GetBoolean());
        Assert.True(review.GetProperty("overdue").GetBoolean());

        Assert.True((await admin.PostAsync("/api/users/access-review", new { note = "" }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Note", out _));
        await admin.PostAsync("/api/users/access-review", new { note = "Eén casustafellid geblokkeerd; overige toegang bevestigd." });
        var after = await (await admin.GetAsync("/api/users/access-review")).JsonAsync(HttpStatusCode.OK);
        Assert.False(after.GetProperty("overdue").GetBoolean());
        Assert.Equal(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), after.GetProperty("dueOn").GetString());

        var csv = await (await admin.GetAsync("/api/users/access-review/csv")).Content.ReadAsStringAsync();
        using var reader = Sep.Reader(o => o with { Sep = new Sep(';'), Unescape = true }).From(new StringReader(csv.TrimStart('\uFEFF')));
        var rows = reader.Enumerate(row => (Email: row["email"].ToString(), Roles: row["roles"].ToString(), Inactive: row["inactive_90_days"].ToString())).ToList();
        Assert.Contains((idle.Email, Roles.CaseTableMember, "yes"), rows);
        Assert.Equal(accounts.Count, rows.Count);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "access-review.completed"));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "access-review.exported"));
    }

    [Fact]
    public async Task An_administrator_cannot_change_their_own_role_or_block_themselves()
    {
        using var app = NewApp();
        var adminUser = await app.CreateAsync(Roles.Administrator);
        var admin = await app.CreateApiClientAsync(adminUser);

        var role = await admin.PostAsJsonAsync($"/api/users/{adminUser.Id}/role", new { role = Roles.PrivacyOfficer });
        var block = await admin.PostAsJsonAsync($"/api/users/{adminUser.Id}/block", new { });

        Assert.Contains("eigen rol", (await role.JsonAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, block.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/users/{adminUser.Id}/password-reset", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/users/no-such-user/block", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/users/{(await app.CreateAsync(Roles.Reporter)).Id}/role", new { role = "Superuser" })).StatusCode);
    }
}

public sealed class UserAdministrationTestsOnSqlite() : UserAdministrationTests(Database.Sqlite);

public sealed class UserAdministrationTestsOnPostgres() : UserAdministrationTests(Database.Postgres);
