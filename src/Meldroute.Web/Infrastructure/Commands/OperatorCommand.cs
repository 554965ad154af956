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
/// <c>migrate --list</c>, <c>version</c>, <c>audit verify</c>, <c>keys rotate</c>, <c>retention run</c>, <c>mailbox poll</c>, <c>users add --email E --role R [--name N] [--municipality C]</c>, <c>municipalities add --name N --code C [--region R]</c>, <c>municipalities list</c>,
/// <c>backup [--to FILE] [--keys-to FILE]</c>, <c>seed-load</c>, <c>reference-data export --to FILE.zip</c>, <c>reference-data import --from FILE.zip</c>. Everything else goes to the host as configuration.
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

    public const string Usage = "Unknown command. Commands: migrate [--list] | version | audit verify | keys rotate | retention run | mailbox poll | users add --email E --role R [--name N] [--municipality C] | municipalities add --name N --code C [--region R] | municipalities list | backup [--to FILE] [--keys-to FILE] | seed-load --count N [--kind anonymous|open] [--seed S] [--municipality C] [--confirm benchmark-database] | reference-data export --to FILE.zip | reference-data import --from FILE.zip";

    private static readonly string[][] Known = [["migrate"], ["version"], ["audit", "verify"], ["users", "add"], ["municipalities", "add"], ["municipalities", "list"], ["keys", "rotate"], ["retention", "run"], ["mailbox", "poll"], ["backup"], ["seed-load"], ["reference-data", "export"], ["reference-data", "import"]];
    private static readonly string[] CommandOptions = ["--email", "--role", "--name", "--municipality", "--code", "--region", "--count", "--seed", "--confirm", "--to", "--keys-to", "--kind", "--from"];

    /// <summary>Options without a value; present means on.</summary>
    private static readonly string[] CommandFlags = ["--list"];

    private Task? preparing;

    /// <summary><see cref="MeldrouteOptions.RestoredCopySetting"/> as an environment variable, as the restore instructions name it.</summary>
    private static readonly string RestoredCopyVariable = MeldrouteOptions.RestoredCopySetting.Replace(":", "__", StringComparison.Ordinal);

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
            else if (words.Length > 0 && CommandFlags.Contains(rest[i]))
            {
                options[rest[i]] = "true";
            }
            else
            {
                hostArgs.Add(rest[i]);
            }
        }

        return new OperatorCommand(words, options, [.. hostArgs]);
    }

    /// <summary>
    /// Call right after the app is built. Serving prepares the database while the request pipeline is built and the
    /// web server starts (see <see cref="DatabasePreparation"/>): the model build and the migrations overlap both. The
    /// other commands prepare it themselves before they act.
    /// </summary>
    public void BeginPreparing(WebApplication app)
    {
        if (Words.Length == 0)
        {
            Preparing(app);
        }
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        switch (string.Join(' ', Words))
        {
            case "":
                // The database is prepared while the web server starts (see BeginPreparing); a failure stops both.
                var prepared = Preparing(app);
                await app.StartAsync();
                app.Logger.LogInformation("Meldroute {Version} started.", BuildVersion.Informational);
                if (app.Services.GetRequiredService<IOptions<MeldrouteOptions>>().Value.RestoredCopy)
                {
                    app.Logger.LogWarning("Meldroute:RestoredCopy is on: this instance sends no mail and does not read the reporting mailbox.");
                }

                try
                {
                    await prepared;
                }
                catch
                {
                    await app.StopAsync();
                    throw;
                }

                await app.WaitForShutdownAsync();
                return 0;
            case "migrate" when Options.ContainsKey("--list"):
                return await ListPendingMigrationsAsync(app.Services);
            case "version":
                Console.WriteLine($"Meldroute {BuildVersion.Informational} (commit {BuildVersion.Commit ?? "unknown: built without git"})");
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
                    Console.WriteLine($"Retention run: {result.Purged} signals and {result.DossiersPurged} victim dossiers purged, {result.MeetingTitlesPurged} meeting titles cleared, {result.OnHold} kept by a legal hold, {result.StuckInIntake} stuck in intake, {result.DecisionsNotForwarded} decided but not forwarded within the norm, {result.AuditEventsRemoved} audit events past their term removed.");
                }

                return 0;
            case "mailbox poll":
                await PrepareDatabaseAsync(app.Services);
                return await PollMailboxAsync(app.Services);
            case "users add":
                await PrepareDatabaseAsync(app.Services);
                return await AddUserAsync(app.Services);
            case "municipalities add":
                await PrepareDatabaseAsync(app.Services);
                return await AddMunicipalityAsync(app.Services);
            case "municipalities list":
                await PrepareDatabaseAsync(app.Services);
                return ListMunicipalities(app.Services);
            case "backup":
                return await BackupAsync(app.Services);
            case "seed-load":
                return await SeedLoadAsync(app.Services);
            case "reference-data export":
                await PrepareDatabaseAsync(app.Services);
                return await ExportReferenceDataAsync(app.Services);
            case "reference-data import":
                await PrepareDatabaseAsync(app.Services);
                return await ImportReferenceDataAsync(app.Services);
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>
    /// The migrations of this build that the database has not had yet, one per line, without applying them (before an
    /// upgrade: what `migrate` would do). A database that does not exist yet has all of them pending.
    /// </summary>
    private static async Task<int> ListPendingMigrationsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        List<string> pending;
        try
        {
            pending = [.. await db.Database.GetPendingMigrationsAsync()];
        }
        catch (System.Data.Common.DbException)
        {
            pending = [.. db.Database.GetMigrations()];
        }

        foreach (var migration in pending)
        {
            Console.WriteLine(migration);
        }

        Console.WriteLine($"{pending.Count} pending migration(s) in Meldroute {BuildVersion.Informational}.");
        return 0;
    }

    private Task Preparing(WebApplication app) => preparing ??= Task.Run(() => PrepareDatabaseAsync(app.Services));

    /// <summary>Applies migrations, makes sure the roles exist, and in demo mode seeds demo data and accounts.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services)
    {
        var preparation = services.GetRequiredService<DatabasePreparation>();
        try
        {
            try
            {
                await PrepareAsync(services);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InsufficientPrivilege)
            {
                // The server's message names the object (schema, table), never data.
                throw new StartupRefusedException(StartupRefusal.Line(
                    $"De databaserol van ConnectionStrings:Meldroute heeft niet genoeg rechten ({e.SqlState}: {e.MessageText}). " +
                    "Migraties en de start hebben een rol nodig die eigenaar is van de database (docs/operations.md, \"The database and its roles\").",
                    "the database role lacks privileges; use the database's owner role, see docs/operations.md"));
            }

            preparation.Succeeded();
        }
        catch (Exception e)
        {
            preparation.Failed(e);
            throw;
        }
    }

    private static async Task PrepareAsync(IServiceProvider services)
    {
        // A new database gets its tables from the embedded script on the other core while this one builds the model.
        var newDatabase = Task.Run(() => NewDatabaseScript.ApplyIfNewAsync(services.GetRequiredService<DatabaseOptions>()));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        _ = db.Model;
        if (await newDatabase)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NewDatabaseScript).FullName!).LogInformation("New database: every migration applied from the embedded script");
        }

        // Migrating takes EF Core's migration lock (about 0.4 s of every start); an up-to-date database skips it. A
        // PostgreSQL database that does not exist yet fails the check and is created.
        if (!await IsUpToDateAsync(db))
        {
            await MigrateAsync(db);
        }

        await Privacy.PersonalDataProtection.EnsureKeyAsync(services, db);
        await Features.Municipalities.MunicipalitySetup.EnsureAsync(
            db, services.GetRequiredService<IOptions<MeldrouteOptions>>().Value, services.GetRequiredService<Features.Municipalities.MunicipalityDirectory>(), CancellationToken.None);
        if (scope.ServiceProvider.GetRequiredService<IOptions<MeldrouteOptions>>().Value.DemoMode)
        {
            // The demo serves two municipalities of one region: the second is there before anything is seeded for each.
            await DemoSeeder.EnsureMunicipalitiesAsync(services, CancellationToken.None);
        }

        await RoleSetup.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        // The demo data goes in beside the start-up data checks, on a context of its own (the second core is free by
        // now): they write different tables, and the demo accounts need only the roles above.
        var demo = scope.ServiceProvider.GetRequiredService<IOptions<MeldrouteOptions>>().Value.DemoMode
            ? Task.Run(() => SeedDemoAsync(services))
            : Task.CompletedTask;
        // Preparing ends (or fails, with the checks' error first) only once both have ended.
        await Task.WhenAll(Features.Municipalities.MunicipalitySetup.EnsureStartupDataAsync(services, null, CancellationToken.None), demo);
    }

    private static Task SeedDemoAsync(IServiceProvider services) => DemoSeeder.SeedMunicipalitiesAsync(services, CancellationToken.None);

    /// <summary>
    /// An online copy of the SQLite database and/or of its data-key file with SQLite's backup API: consistent while the
    /// app keeps serving (it copies a snapshot page by page under SQLite's own locks, WAL contents included). The two are
    /// separate files with separate rotations (docs/operations.md): a database copy without the data keys holds nothing
    /// readable of a signal whose key is destroyed later. With both options the database goes first, so the key copy
    /// is the newer one and holds the key of every signal in the database copy. PostgreSQL has pg_dump for this.
    /// </summary>
    private async Task<int> BackupAsync(IServiceProvider services)
    {
        Options.TryGetValue("--to", out var target);
        Options.TryGetValue("--keys-to", out var keysTarget);
        if (target is null && keysTarget is null)
        {
            await Console.Error.WriteLineAsync("Usage: backup [--to FILE] [--keys-to FILE] (new files; an existing one is never overwritten).");
            return 2;
        }

        if (services.GetRequiredService<DatabaseOptions>().Provider != DatabaseProvider.Sqlite)
        {
            await Console.Error.WriteLineAsync($"backup copies the embedded SQLite database. On PostgreSQL use pg_dump (see docs/operations.md); start an instance on a restored copy with {RestoredCopyVariable}=true, so that it sends no mail and reads no mailbox.");
            return 2;
        }

        foreach (var file in new[] { target, keysTarget }.OfType<string>().Select(Path.GetFullPath))
        {
            if (File.Exists(file))
            {
                await Console.Error.WriteLineAsync($"{file} exists already; choose a new file.");
                return 1;
            }
        }

        if (target is not null)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            CopySqliteFile(db.Database.GetConnectionString()!, Path.GetFullPath(target));
            Console.WriteLine($"Database copied to {Path.GetFullPath(target)}. It holds no data keys: keep the key copies (backup --keys-to) and the key folder (Meldroute:KeysPath) apart from it.");
            Console.WriteLine($"To restore: see docs/operations.md, \"Backup and restore\". Start a restored copy with {RestoredCopyVariable}=true (no mail sent, no mailbox read) until it replaces production.");
        }

        if (keysTarget is not null)
        {
            var keyFile = services.GetRequiredService<Privacy.DataKeyStore>().SqliteFile!;
            if (!File.Exists(keyFile))
            {
                await Console.Error.WriteLineAsync("There is no data-key file yet: start the app or run migrate first.");
                return 1;
            }

            CopySqliteFile(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = keyFile }.ToString(), Path.GetFullPath(keysTarget));
            Console.WriteLine($"Data keys copied to {Path.GetFullPath(keysTarget)}. Keep these copies no longer than the rotation in docs/operations.md: a copy holds the keys of signals purged after it was made.");
        }

        return 0;
    }

    /// <summary>The reference data as the ZIP ExportReferenceData gives, into a new file (docs/operations.md).</summary>
    private async Task<int> ExportReferenceDataAsync(IServiceProvider services)
    {
        if (!Options.TryGetValue("--to", out var target))
        {
            await Console.Error.WriteLineAsync("Usage: reference-data export --to FILE.zip (a new file).");
            return 2;
        }

        target = Path.GetFullPath(target);
        if (File.Exists(target))
        {
            await Console.Error.WriteLineAsync($"{target} exists already; choose a new file.");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        await File.WriteAllBytesAsync(target, await Features.Setup.ExportReferenceData.HandleAsync(
            db, scope.ServiceProvider.GetRequiredService<AuditTrail>(), "operator-command", CancellationToken.None));
        Console.WriteLine($"Reference data written to {target}.");
        return 0;
    }

    /// <summary>
    /// Imports the ZIP as ImportReferenceData does: everything is checked first; on a bad row nothing is written and
    /// each problem is printed in Dutch with its file and line (exit code 1).
    /// </summary>
    private async Task<int> ImportReferenceDataAsync(IServiceProvider services)
    {
        if (!Options.TryGetValue("--from", out var source) || !File.Exists(source))
        {
            await Console.Error.WriteLineAsync("Usage: reference-data import --from FILE.zip (an existing file).");
            return 2;
        }

        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("nl");
        Dictionary<string, string>? files;
        await using (var zip = File.OpenRead(source))
        {
            files = zip.Length <= Features.Setup.ReferenceDataSet.MaxFileBytes ? Features.Setup.ReferenceDataSet.FilesOfZip(zip) : null;
        }

        await using var scope = services.CreateAsyncScope();
        var outcome = await Features.Setup.ImportReferenceData.HandleAsync(
            scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>(), scope.ServiceProvider.GetRequiredService<AuditTrail>(),
            services.GetRequiredService<TimeProvider>(), scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>(),
            null, null, files, CancellationToken.None);
        if (outcome.Value is not { } imported)
        {
            foreach (var line in outcome.Errors?.Values.SelectMany(m => m) ?? [])
            {
                await Console.Error.WriteLineAsync(line);
            }

            await Console.Error.WriteLineAsync("Nothing was imported.");
            return 1;
        }

        Console.WriteLine($"Reference data imported: partners {imported.PartnersAdded} added, {imported.PartnersChanged} changed; departments {imported.DepartmentsAdded} added, {imported.DepartmentsChanged} changed; indicators {imported.IndicatorsAdded} added, {imported.IndicatorsChanged} changed.");
        return 0;
    }

    private static void CopySqliteFile(string sourceConnectionString, string target)
    {
        using var source = new Microsoft.Data.Sqlite.SqliteConnection(sourceConnectionString);
        using var copy = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        source.Open();
        copy.Open();
        source.BackupDatabase(copy);
    }

    /// <summary>
    /// Refuses to upgrade a database with migrations that do not match the model (a model change without its
    /// migration). EF Core's own check before every migration (PendingModelChangesWarning) builds the model a second
    /// time and compares it with the snapshot, half a second of a first start; it is off (DatabaseSetup), and this one
    /// runs only when a database that has data already is upgraded. For a new database, which holds nothing yet, the
    /// same comparison is a test (MigrationModelTests) that every build passes.
    /// </summary>
    private static async Task MigrateAsync(MeldrouteDbContext db)
    {
        if ((await AppliedMigrationsAsync(db)).Any() && db.Database.HasPendingModelChanges())
        {
            throw new InvalidOperationException(
                $"The model of {db.GetType().Name} has changes that no migration holds: this build cannot upgrade the database. Add a migration for both providers (see docs/architecture.md).");
        }

        await db.Database.MigrateAsync();
    }

    private static async Task<IEnumerable<string>> AppliedMigrationsAsync(MeldrouteDbContext db)
    {
        try
        {
            return await db.Database.GetAppliedMigrationsAsync();
        }
        catch (System.Data.Common.DbException)
        {
            return [];
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
        if (await MunicipalityOfCommandAsync(services) is not { } municipalityId)
        {
            return 2;
        }

        var seed = int.TryParse(Options.GetValueOrDefault("--seed"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 2026;
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Features.Municipalities.MunicipalityScope>().Use(municipalityId);
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Features.Figures.SeedLoad.RunAsync(db, count, seed, services.GetRequiredService<TimeProvider>().GetUtcNow(), done => Console.Error.Write($"\r{done} signals"), open: kind == "open");
        Console.Error.WriteLine();
        Console.WriteLine($"seed-load: {count} {kind} signals added in {started.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    /// <summary>Reads the reporting mailbox once (whether or not the background job is enabled).</summary>
    private static async Task<int> PollMailboxAsync(IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<MeldrouteOptions>>().Value.RestoredCopy)
        {
            await Console.Error.WriteLineAsync($"{MeldrouteOptions.RestoredCopySetting} staat aan: een herstelde kopie leest de meldmailbox niet. (A restored copy does not read the mailbox.)");
            return 2;
        }

        if (string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<Features.Mailbox.MailboxOptions>>().Value.Host))
        {
            await Console.Error.WriteLineAsync("mailbox poll needs Mailbox:Host (and Mailbox:Port, Mailbox:Security, Mailbox:User and Mailbox:Password).");
            return 2;
        }

        var result = await services.GetRequiredService<Features.Mailbox.MailboxReader>().PollAsync(CancellationToken.None);
        Console.WriteLine($"Mailbox poll: {result.Imported} messages became signals, {result.AlreadyImported} imported before were deleted, {result.TooLarge} too large were left in the mailbox.");
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await VerifyAuditLog.HandleAsync(scope.ServiceProvider.GetRequiredService<AuditTrail>(), scope.ServiceProvider.GetRequiredService<AuditAnchor>(), CancellationToken.None);
        var anchor = result.Anchor is { } a
            ? $"latest anchor: sequence {a.Sequence} of {a.AnchoredAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} in {result.AnchorPath}"
            : $"no anchor yet in {result.AnchorPath}";
        if (result.IsIntact)
        {
            Console.WriteLine($"Audit log intact: {result.RowsChecked} rows checked; {anchor}.");
            return 0;
        }

        var what = result.Break switch
        {
            AuditBreak.Truncated => $"the chain was TRUNCATED: it ends before row {result.FirstBrokenSequence}, but sequence {result.Anchor?.Sequence} was anchored",
            AuditBreak.Rewritten => $"the chain's tail was REWRITTEN: row {result.FirstBrokenSequence} differs from its anchored hash",
            AuditBreak.AnchorUnreadable => $"the last line of the anchor file {result.AnchorPath} is not an anchor",
            var kind => kind.ToString(),
        };
        await Console.Error.WriteLineAsync($"Audit log BROKEN at row {result.FirstBrokenSequence}: {what} ({result.RowsChecked} rows read; {anchor}).");
        return 1;
    }

    /// <summary>A municipality of its own for the installation (docs/operations.md, "Several municipalities").</summary>
    private async Task<int> AddMunicipalityAsync(IServiceProvider services)
    {
        if (!Options.TryGetValue("--name", out var name) || !Options.TryGetValue("--code", out var code))
        {
            await Console.Error.WriteLineAsync("Usage: municipalities add --name N --code C [--region R]; C is the CBS code, e.g. GM0392.");
            return 2;
        }

        var added = await Features.Municipalities.MunicipalitySetup.AddAsync(services, name, code, Options.GetValueOrDefault("--region"), CancellationToken.None);
        if (added.Municipality is not { } m)
        {
            await Console.Error.WriteLineAsync("Could not add the municipality: " + added.Problem);
            return 1;
        }

        Console.WriteLine($"Municipality {m.Name} ({m.Code}) added. Add its accounts with users add --municipality {m.Code}; restart running instances so that they know it.");
        return 0;
    }

    private static int ListMunicipalities(IServiceProvider services)
    {
        foreach (var m in services.GetRequiredService<Features.Municipalities.MunicipalityDirectory>().All)
        {
            Console.WriteLine($"{m.Code ?? "-"}\t{m.Name}\t{m.Region ?? "-"}");
        }

        return 0;
    }

    /// <summary>The municipality a command works for: named by its CBS code in --municipality, or the only one there is.</summary>
    private async Task<int?> MunicipalityOfCommandAsync(IServiceProvider services)
    {
        var directory = services.GetRequiredService<Features.Municipalities.MunicipalityDirectory>();
        var code = Options.GetValueOrDefault("--municipality");
        var municipality = code is null ? directory.SoleId : directory.All.FirstOrDefault(m => m.Code == code)?.Id;
        if (municipality is null)
        {
            await Console.Error.WriteLineAsync(code is null
                ? $"This installation serves several municipalities: say which with --municipality C ({string.Join(", ", directory.All.Select(m => m.Code))})."
                : $"No municipality has the code {code}; see municipalities list.");
        }

        return municipality;
    }

    private async Task<int> AddUserAsync(IServiceProvider services)
    {
        if (!Options.TryGetValue("--email", out var email) || !Options.TryGetValue("--role", out var role) || !Roles.All.Contains(role))
        {
            await Console.Error.WriteLineAsync($"Usage: users add --email E --role R [--name N] [--municipality C]; roles: {string.Join(", ", Roles.All)}");
            return 2;
        }

        if (await MunicipalityOfCommandAsync(services) is not { } municipalityId)
        {
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Features.Municipalities.MunicipalityScope>().Use(municipalityId);
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
