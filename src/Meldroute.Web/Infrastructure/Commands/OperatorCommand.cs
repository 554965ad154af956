using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Demo;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Infrastructure.Commands;

/// <summary>
/// The operator commands of the app, given as the first arguments: none (serve), <c>migrate</c>,
/// <c>audit verify</c>, <c>keys rotate</c>, <c>retention run</c>, <c>users add --email E --role R [--name N]</c>. Everything else goes to the host as configuration.
/// </summary>
public sealed class OperatorCommand
{
    private OperatorCommand(string[] words, Dictionary<string, string> options, string[] hostArgs)
    {
        Words = words;
        Options = options;
        HostArgs = hostArgs;
    }

    public string[] Words { get; }

    public Dictionary<string, string> Options { get; }

    public string[] HostArgs { get; }

    /// <summary>The first argument was a word but no known command: the app neither serves nor builds.</summary>
    public bool IsUnknown => Words is ["unknown"];

    public const string Usage = "Unknown command. Commands: migrate | audit verify | keys rotate | retention run | users add --email E --role R [--name N] | seed-load --count N [--kind anonymous|open] [--seed S] [--confirm benchmark-database]";

    private static readonly string[][] Known = [["migrate"], ["audit", "verify"], ["users", "add"], ["keys", "rotate"], ["retention", "run"], ["seed-load"]];
    private static readonly string[] CommandOptions = ["--email", "--role", "--name", "--count", "--seed", "--confirm", "--kind"];

    public static OperatorCommand Parse(string[] args)
    {
        var words = Known.FirstOrDefault(k => args.Length >= k.Length && k.SequenceEqual(args[..k.Length]));
        if (words is null && args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal))
        {
            // A first word that is no option and no setting, but no known command either: refused, not served.
            return new OperatorCommand(["unknown"], [], []);
        }

        words ??= [];
        var rest = args[words.Length..];
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var hostArgs = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            if (words.Length > 0 && CommandOptions.Contains(rest[i]) && i + 1 < rest.Length)
            {
                options[rest[i]] = rest[++i];
            }
            else
            {
                hostArgs.Add(rest[i]);
            }
        }

        return new OperatorCommand(words, options, [.. hostArgs]);
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        switch (string.Join(' ', Words))
        {
            case "":
                await PrepareDatabaseAsync(app.Services);
                await app.RunAsync();
                return 0;
            case "migrate":
                await PrepareDatabaseAsync(app.Services);
                Console.WriteLine("Database migrated.");
                return 0;
            case "audit verify":
                return await VerifyAuditAsync(app.Services);
            case "keys rotate":
                await PrepareDatabaseAsync(app.Services);
                var (keyId, values) = await Privacy.KeyRotation.RotateAsync(app.Services, app.Services.GetRequiredService<TimeProvider>());
                Console.WriteLine($"New key {keyId} is the default; {values} encrypted values re-encrypted with it.");
                return 0;
            case "retention run":
                await PrepareDatabaseAsync(app.Services);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var result = await scope.ServiceProvider.GetRequiredService<Features.Retention.RunRetention>().RunAsync();
                    Console.WriteLine($"Retention run: {result.Purged} signals and {result.DossiersPurged} victim dossiers purged, {result.OnHold} kept by a legal hold, {result.Stuck} stuck in intake, {result.AuditEventsRemoved} audit events past their term removed.");
                }

                return 0;
            case "users add":
                await PrepareDatabaseAsync(app.Services);
                return await AddUserAsync(app.Services);
            case "seed-load":
                return await SeedLoadAsync(app.Services);
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>Applies migrations, makes sure the roles exist, and in demo mode seeds demo data and accounts.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        // Migrating takes EF Core's migration lock and compares the model with the snapshot (about 0.4 s of every
        // start); an up-to-date database skips it. A database that does not exist yet fails the check and is created.
        if (!await IsUpToDateAsync(db))
        {
            await db.Database.MigrateAsync();
        }

        await RoleSetup.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        await ReferenceData.EnsureIndicatorsAsync(db);
        await Features.Privacy.ProcessingRegister.EnsureAsync(db);
        await Features.Framework.FrameworkChecklist.EnsureAsync(db);
        await Privacy.SubjectIndexBackfill.RunAsync(db);
        await Features.Figures.FigureColumnsBackfill.RunAsync(db);
        if (scope.ServiceProvider.GetRequiredService<IOptions<MeldrouteOptions>>().Value.DemoMode)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }

    private static async Task<bool> IsUpToDateAsync(MeldrouteDbContext db)
    {
        try
        {
            return !(await db.Database.GetPendingMigrationsAsync()).Any();
        }
        catch (System.Data.Common.DbException)
        {
            return false;
        }
    }

    /// <summary>Fake anonymous signals for benchmarks: only in demo mode or when the operator confirms the database is a benchmark database.</summary>
    private async Task<int> SeedLoadAsync(IServiceProvider services)
    {
        if (!int.TryParse(Options.GetValueOrDefault("--count"), System.Globalization.CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            await Console.Error.WriteLineAsync("seed-load needs --count N (a positive number).");
            return 2;
        }

        var kind = Options.GetValueOrDefault("--kind", "anonymous");
        if (kind is not ("anonymous" or "open"))
        {
            await Console.Error.WriteLineAsync("seed-load --kind is anonymous (forwarded and closed records for the figures, the default) or open (open signals for the inbox).");
            return 2;
        }

        if (!services.GetRequiredService<IOptions<MeldrouteOptions>>().Value.DemoMode && Options.GetValueOrDefault("--confirm") != "benchmark-database")
        {
            await Console.Error.WriteLineAsync("seed-load adds fake signals. Outside demo mode, confirm with --confirm benchmark-database that this database is for benchmarks only.");
            return 2;
        }

        await PrepareDatabaseAsync(services);
        var seed = int.TryParse(Options.GetValueOrDefault("--seed"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 2026;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Features.Figures.SeedLoad.RunAsync(db, count, seed, services.GetRequiredService<TimeProvider>().GetUtcNow(), done => Console.Error.Write($"\r{done} signals"), open: kind == "open");
        Console.Error.WriteLine();
        Console.WriteLine($"seed-load: {count} {kind} signals added in {started.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync();
        if (result.IsIntact)
        {
            Console.WriteLine($"Audit log intact: {result.RowsChecked} rows checked.");
            return 0;
        }

        await Console.Error.WriteLineAsync($"Audit log BROKEN at row {result.FirstBrokenSequence}: {result.Break} ({result.RowsChecked} rows read).");
        return 1;
    }

    private async Task<int> AddUserAsync(IServiceProvider services)
    {
        if (!Options.TryGetValue("--email", out var email) || !Options.TryGetValue("--role", out var role) || !Roles.All.Contains(role))
        {
            await Console.Error.WriteLineAsync($"Usage: users add --email E --role R [--name N]; roles: {string.Join(", ", Roles.All)}");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MeldrouteUser>>();
        // A one-time password shown once; the user sets up the authenticator app at first sign-in.
        var password = InitialPassword.Generate();
        var user = new MeldrouteUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = Options.GetValueOrDefault("--name", email), MustChangePassword = true };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, role);
        }

        if (!created.Succeeded)
        {
            await Console.Error.WriteLineAsync("Could not add the user: " + string.Join("; ", created.Errors.Select(e => e.Code)));
            return 1;
        }

        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(
            new AuditEntry("user.created", AuditOutcome.Success, "user", user.Id, "operator-command:" + role));
        Console.WriteLine($"User added with role {role}. Initial password: {password}");
        return 0;
    }
}
