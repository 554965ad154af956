using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Demo;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Demo;

/// <summary>The embedded default as the README's run command starts it.</summary>
[Trait("Category", "Integration")]
public sealed class DemoModeTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Theory]
    [InlineData("melder@meldroute.test", Roles.Reporter)]
    [InlineData("aandachtsfunctionaris@meldroute.test", Roles.SpecialistOfficer)]
    [InlineData("casustafel@meldroute.test", Roles.CaseTableMember)]
    [InlineData("zorgcoordinator@meldroute.test", Roles.VictimCareCoordinator)]
    [InlineData("beleidsadviseur@meldroute.test", Roles.PolicyAdvisor)]
    [InlineData("privacy@meldroute.test", Roles.PrivacyOfficer)]
    [InlineData("beheerder@meldroute.test", Roles.Administrator)]
    public async Task Each_demo_account_signs_in_with_the_demo_password_alone_and_sees_the_demo_banner(string email, string role)
    {
        var client = await app.SignInAsync(new TestUser("", email, DemoSeeder.DemoPassword, null));

        var start = await client.GetAsync("/");
        var html = await start.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Contains("Demonstratieomgeving", html, StringComparison.Ordinal);
        Assert.Contains(role switch
        {
            Roles.Reporter => "Melder",
            Roles.SpecialistOfficer => "Aandachtsfunctionaris mensenhandel",
            Roles.CaseTableMember => "Lid casustafel",
            Roles.VictimCareCoordinator => "Zorgco",
            Roles.PolicyAdvisor => "Beleidsadviseur",
            Roles.PrivacyOfficer => "Functionaris gegevensbescherming",
            _ => "Functioneel beheerder",
        }, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_demo_account_stores_a_hash_of_the_demo_password_that_verifies_without_a_rehash()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MeldrouteUser>>();

        foreach (var (email, role, _) in DemoSeeder.Accounts)
        {
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.Equal(
                PasswordVerificationResult.Success,
                users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash!, DemoSeeder.DemoPassword));
            Assert.Equal(PasswordVerificationResult.Failed, users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash!, DemoSeeder.DemoPassword + "x"));
            Assert.True(await users.IsInRoleAsync(user, role));
            Assert.False(string.IsNullOrEmpty(user.SecurityStamp));
        }
    }

    [Fact]
    public async Task Demo_data_holds_the_partners_and_work_processes_of_the_plan_and_Haarlemmermeer_s_departments()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();

        // The 24 rows of Table 1 and the 4 partners only the text names (Reclassering, MMA, CoMensha, the NLA's reporting point).
        Assert.Equal(28, await db.Partners.CountAsync());
        Assert.Equal(55, await db.PartnerWorkProcesses.CountAsync());
        Assert.True(await db.Departments.CountAsync() >= 8);
        var hvo = await db.Partners.Include(p => p.WorkProcesses).SingleAsync(p => p.Name == "HVO-Querido (zorgcoördinatie)");
        Assert.Equal(3, hvo.WorkProcesses.Count);
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var before = (await db.Partners.CountAsync(), await db.Users.CountAsync(), await db.Departments.CountAsync());

        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();

        Assert.Equal(before, (await db.Partners.CountAsync(), await db.Users.CountAsync(), await db.Departments.CountAsync()));
    }
}

/// <summary>Demo mode on PostgreSQL, as the service would start it: refused with the reason, exit code 2.</summary>
[Trait("Category", "Process")]
public sealed class DemoModeRefusalTests
{
    [Fact]
    public async Task Demo_mode_on_PostgreSQL_is_refused_at_start_with_the_reason()
    {
        var database = PostgresCluster.Instance.CreateDatabase();
        try
        {
            var (exitCode, output) = await OperatorProcess.RunAsync(Path.GetTempPath(), new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Meldroute"] = database,
                ["Meldroute__DemoMode"] = "true",
                ["Meldroute__KeyCertificatePath"] = TestKeyCertificate.Path,
                ["Meldroute__KeyCertificatePassword"] = TestKeyCertificate.Password,
            });

            Assert.True(exitCode == 2, $"exit code {exitCode}:\n{output}");
            Assert.Contains("- Demomodus staat aan terwijl de database PostgreSQL is", output, StringComparison.Ordinal);
        }
        finally
        {
            PostgresCluster.Instance.DropDatabase(database);
        }
    }
}

[Trait("Category", "Integration")]
public sealed class ProductionSeedingTests
{
    [Fact]
    public async Task Outside_demo_mode_no_demo_accounts_or_demo_data_are_seeded()
    {
        using var app = new MeldrouteAppFactory(Database.Postgres);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();

        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Partners.CountAsync());
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
    }
}
