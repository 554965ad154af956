using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Departments;
using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Features.Setup;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Demo;

/// <summary>
/// Fills an empty database with Haarlemmermeer's demo data and one demo account per role.
/// Runs only in demo mode, which the app refuses to combine with PostgreSQL. Safe to run twice.
/// </summary>
public sealed class DemoSeeder(MeldrouteDbContext db, UserManager<MeldrouteUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    public const string DemoPassword = "Meldroute-demo-2026!";

    public static readonly IReadOnlyList<(string Email, string Role, string DisplayName)> Accounts =
    [
        ("melder@meldroute.test", Roles.Reporter, "Demo Melder"),
        ("aandachtsfunctionaris@meldroute.test", Roles.SpecialistOfficer, "Demo Aandachtsfunctionaris"),
        ("casustafel@meldroute.test", Roles.CaseTableMember, "Demo Lid casustafel"),
        ("zorgcoordinator@meldroute.test", Roles.VictimCareCoordinator, "Demo Zorgcoördinator"),
        ("beleidsadviseur@meldroute.test", Roles.PolicyAdvisor, "Demo Beleidsadviseur"),
        ("privacy@meldroute.test", Roles.PrivacyOfficer, "Demo Functionaris gegevensbescherming"),
        ("beheerder@meldroute.test", Roles.Administrator, "Demo Functioneel beheerder"),
        ("regio@meldroute.test", Roles.RegionalAnalyst, "Demo Regionaal analist"),
    ];

    /// <summary>The demo's region and its two municipalities (CBS codes): Haarlemmermeer holds the demo data, Haarlem has accounts and departments of its own.</summary>
    public const string Region = "Kennemerland";

    public const string HaarlemmermeerCode = "GM0394";

    public const string HaarlemCode = "GM0392";

    /// <summary>Haarlem's demo accounts: one per role, beside Haarlemmermeer's (<see cref="Accounts"/>), with the same password.</summary>
    public static readonly IReadOnlyList<(string Email, string Role, string DisplayName)> HaarlemAccounts =
        [.. Accounts.Select(a => (a.Email.Replace("@meldroute.test", "@haarlem.meldroute.test", StringComparison.Ordinal), a.Role, a.DisplayName + " Haarlem"))];

    /// <summary>Fictional departments of the second demo municipality (names only; no figures of the plan are Haarlem's).</summary>
    private static readonly string[] HaarlemDepartments = ["Publiekszaken", "Leerplicht", "Sociaal domein", "Handhaving en toezicht"];

    /// <summary>
    /// Haarlemmermeer (the installation's first municipality, named by the settings) gets its CBS code and region, and
    /// Haarlem is added beside it, once.
    /// </summary>
    public static async Task EnsureMunicipalitiesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            // The municipalities themselves are the installation's rows, not filtered.
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            var first = await db.Municipalities.OrderBy(m => m.Id).FirstAsync(cancellationToken);
            first.Code ??= HaarlemmermeerCode;
            first.Region ??= Region;
            await db.SaveChangesAsync(cancellationToken);
            if (await db.Municipalities.AnyAsync(m => m.Code == HaarlemCode, cancellationToken))
            {
                await services.GetRequiredService<MunicipalityDirectory>().LoadAsync(db, cancellationToken);
                return;
            }
        }

        var added = await MunicipalitySetup.AddAsync(services, "Gemeente Haarlem", HaarlemCode, Region, cancellationToken);
        if (added.Municipality is null)
        {
            throw new InvalidOperationException("Adding the demo's second municipality failed: " + added.Problem);
        }
    }

    /// <summary>The demo data of each municipality, each in a unit of work scoped to it.</summary>
    public static async Task SeedMunicipalitiesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var directory = services.GetRequiredService<MunicipalityDirectory>();
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<MunicipalityScope>().Use(directory.All[0].Id);
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }

        if (directory.All.FirstOrDefault(m => m.Code == HaarlemCode) is { } haarlem)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<MunicipalityScope>().Use(haarlem.Id);
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedSecondAsync(cancellationToken);
        }
    }

    /// <summary>Haarlem: its departments and its demo accounts, for the unit of work's municipality.</summary>
    public async Task SeedSecondAsync(CancellationToken cancellationToken = default)
    {
        await RoleSetup.EnsureRolesAsync(roles);
        if (!await db.Departments.AnyAsync(cancellationToken))
        {
            db.Departments.AddRange(HaarlemDepartments.Select(name => new Department { Name = name, HasPublicContact = true, PublicContactEmployees = 25 }));
            await db.SaveChangesAsync(cancellationToken);
        }

        await SeedAccountsAsync(HaarlemAccounts);
    }

    /// <summary>Haarlemmermeer's demo data and accounts, for the unit of work's municipality.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await RoleSetup.EnsureRolesAsync(roles);
        await SeedRegistryAsync(db, cancellationToken);
        await SeedContextFiguresAsync(cancellationToken);
        await SeedAgendaAsync(cancellationToken);
        await SeedTrainingAsync(cancellationToken);
        await SeedAccountsAsync(Accounts);
        await SeedBaselineAsync(cancellationToken);
        var member = await users.FindByEmailAsync(Accounts.Single(a => a.Role == Roles.CaseTableMember).Email);
        var officer = await users.FindByEmailAsync(Accounts.Single(a => a.Role == Roles.SpecialistOfficer).Email);
        await DemoHistory.SeedAsync(db, clock.GetUtcNow(), member?.Id, officer?.Id, cancellationToken);
    }

    /// <summary>Fictitious counts of 2023, from before the demo municipality used Meldroute, as a policy advisor enters them (the figures show them as entered).</summary>
    private async Task SeedBaselineAsync(CancellationToken cancellationToken)
    {
        if (await db.BaselineCounts.AnyAsync(cancellationToken))
        {
            return;
        }

        (Figures.FormCategory Form, Signals.SignalSource Source, int Count)[] counts =
        [
            (Figures.FormCategory.Sexual, Signals.SignalSource.InternalReport, 14), (Figures.FormCategory.Labour, Signals.SignalSource.InternalReport, 11),
            (Figures.FormCategory.Criminal, Signals.SignalSource.InternalReport, 5), (Figures.FormCategory.Sexual, Signals.SignalSource.PoliceBasisteam, 7),
            (Figures.FormCategory.Labour, Signals.SignalSource.Mailbox, 6),
        ];
        var at = new DateTimeOffset(2024, 2, 1, 10, 0, 0, TimeSpan.Zero);
        db.BaselineCounts.AddRange(counts.Select(c => new Figures.BaselineCount
        {
            Year = 2023, Form = c.Form, Source = c.Source, Count = c.Count, Note = "Fictieve telling uit de registratie van vóór Meldroute (demo)", EnteredAt = at, EnteredByName = "Demo Beleidsadviseur",
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Haarlemmermeer's departments, indicators and the partner registry of Tables 1 and 2, through the same import an
    /// administrator uses (<see cref="ImportReferenceData"/>): also what the figures benchmark runs against.
    /// </summary>
    public static async Task SeedRegistryAsync(MeldrouteDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.Partners.AnyAsync(cancellationToken) || await db.Departments.AnyAsync(cancellationToken))
        {
            return;
        }

        await ImportReferenceData.ImportShippedAsync(db, DateTimeOffset.UtcNow, cancellationToken);
    }

    /// <summary>The context figures of the plan (figures.csv), as the policy advisor would import them.</summary>
    private async Task SeedContextFiguresAsync(CancellationToken cancellationToken)
    {
        if (await db.ContextFigures.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var row in SeedData.Read("figures.csv"))
        {
            db.ContextFigures.Add(new Figures.ContextFigure
            {
                Source = row["source"], Area = row["area"], Form = row["form"], Measure = row["measure"],
                Year = int.TryParse(row["year"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null,
                Value = long.Parse(row["value"], System.Globalization.CultureInfo.InvariantCulture),
                Note = string.IsNullOrWhiteSpace(row["note"]) ? null : row["note"],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The activities the plan's text names (sections 7, 10, 12, 13), as a start of the implementation agenda.</summary>
    private async Task SeedAgendaAsync(CancellationToken cancellationToken)
    {
        if (await db.AgendaActivities.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();

        foreach (var row in SeedData.Read("agenda.csv"))
        {
            db.AgendaActivities.Add(new Agenda.AgendaActivity
            {
                Title = row["title"], Description = row["description"],
                Goals = row["goals"].Split(';').Select(Enum.Parse<Agenda.PlanGoals>).Aggregate(Agenda.PlanGoals.None, (a, b) => a | b),
                Forms = row["forms"].Split(';').Select(Enum.Parse<Signals.ExploitationForms>).Aggregate(Signals.ExploitationForms.None, (a, b) => a | b),
                OwnerDepartment = row["owner"], Partners = row["partners"], Level = int.Parse(row["level"], System.Globalization.CultureInfo.InvariantCulture),
                BuildingBlocks = row["building_blocks"],
                PlannedStart = DateOnly.Parse(row["start"], System.Globalization.CultureInfo.InvariantCulture),
                PlannedEnd = DateOnly.Parse(row["end"], System.Globalization.CultureInfo.InvariantCulture),
                Status = Enum.Parse<Agenda.AgendaStatus>(row["status"]),
                Notes = [.. Progress(row["status"], DateOnly.Parse(row["start"], System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(row["end"], System.Globalization.CultureInfo.InvariantCulture), now)],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Fictitious progress of a running or finished activity: a note when it started, one each half year after, and
    /// one when it was finished; only dates that have passed.
    /// </summary>
    private static IEnumerable<Agenda.AgendaProgressNote> Progress(string status, DateOnly start, DateOnly end, DateTimeOffset now)
    {
        if (status is not ("Running" or "Done"))
        {
            yield break;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var last = status == "Done" && end < today ? end : today;
        string[] texts =
        [
            "Gestart: de projectgroep is samengesteld en de planning is vastgesteld (fictieve voortgang, demo).",
            "Halfjaarlijkse stand: de eerste activiteiten zijn uitgevoerd en geëvalueerd (fictieve voortgang, demo).",
            "Halfjaarlijkse stand: de aanpak is bijgesteld na de evaluatie met de partners (fictieve voortgang, demo).",
        ];
        var i = 0;
        for (var date = start.AddDays(14); date < last; date = date.AddMonths(6))
        {
            yield return new Agenda.AgendaProgressNote { RecordedAt = At(date), RecordedByName = "Demo Beleidsadviseur", Text = texts[Math.Min(i++, texts.Length - 1)] };
        }

        if (status == "Done")
        {
            yield return new Agenda.AgendaProgressNote { RecordedAt = At(last), RecordedByName = "Demo Beleidsadviseur", Text = "Afgerond: het resultaat is opgeleverd en gedeeld met de partners (fictieve voortgang, demo)." };
        }

        static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
    }

    /// <summary>Fictional training figures: employees with public contact per department and sessions since 2024 (numbers only).</summary>
    private async Task SeedTrainingAsync(CancellationToken cancellationToken)
    {
        if (await db.TrainingSessions.AnyAsync(cancellationToken))
        {
            return;
        }

        var departments = await db.Departments.Where(d => d.HasPublicContact).OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var size = 20;
        foreach (var department in departments)
        {
            department.PublicContactEmployees ??= size;
            size += 15;
        }

        (DateOnly Date, string Title, string Provider, int[] Participants)[] sessions =
        [
            (new DateOnly(2024, 3, 14), "Interne meldroute mensenhandel", "Aandachtsfunctionaris mensenhandel", [8, 6, 5]),
            (new DateOnly(2024, 6, 20), "Seksuele uitbuiting in hotels en vakantieparken herkennen", "Scharlaken Koord", [5, 7]),
            (new DateOnly(2024, 10, 8), "Signalen van mensenhandel herkennen", "HVO-Querido", [6, 4, 3]),
            (new DateOnly(2025, 3, 12), "Interne meldroute mensenhandel", "Aandachtsfunctionaris mensenhandel", [10, 8, 5, 7]),
            (new DateOnly(2025, 6, 3), "Criminele uitbuiting van jongeren", "Noord-Holland Veilig", [6, 9, 4]),
            (new DateOnly(2025, 11, 4), "Arbeidsuitbuiting herkennen", "Nederlandse Arbeidsinspectie", [4, 6]),
            (new DateOnly(2026, 2, 17), "Interne meldroute mensenhandel", "Aandachtsfunctionaris mensenhandel", [9, 7, 6, 5]),
            (new DateOnly(2026, 9, 29), "Signalen van mensenhandel herkennen", "HVO-Querido", [7, 5, 8]),
        ];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var (date, title, provider, participants) in sessions.Where(s => s.Date <= today))
        {
            db.TrainingSessions.Add(new Training.TrainingSession
            {
                Date = date, Title = title, Provider = provider, Audience = "Medewerkers met publiekscontact",
                Attendance = [.. participants.Take(departments.Count).Select((n, i) => new Training.TrainingAttendance { DepartmentId = departments[i].Id, Participants = n })],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The demo accounts share one published password, so it is checked against the password rules and hashed once and
    /// that hash is stored for each (Identity's hash is slow on purpose: seven of them were most of a first demo start).
    /// Demo accounts only: every real account's password is hashed on its own, with its own salt.
    /// </summary>
    private async Task SeedAccountsAsync(IReadOnlyList<(string Email, string Role, string DisplayName)> accounts)
    {
        string? passwordHash = null;
        foreach (var (email, role, displayName) in accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new MeldrouteUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            passwordHash ??= await HashDemoPasswordAsync(user);
            user.PasswordHash = passwordHash;
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private async Task<string> HashDemoPasswordAsync(MeldrouteUser user)
    {
        foreach (var validator in users.PasswordValidators)
        {
            Check(await validator.ValidateAsync(users, user, DemoPassword));
        }

        return users.PasswordHasher.HashPassword(user, DemoPassword);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding a demo account failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
