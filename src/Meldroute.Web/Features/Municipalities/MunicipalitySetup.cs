using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Municipalities;

/// <summary>Adding a municipality, and the single municipality named by the settings.</summary>
public static class MunicipalitySetup
{
    /// <summary>
    /// At every start, before the app serves: while the installation has one municipality, it carries the name (and code)
    /// of the settings, as the app did before it served several; then the directory is read.
    /// </summary>
    public static async Task EnsureAsync(MeldrouteDbContext db, MeldrouteOptions options, MunicipalityDirectory directory, CancellationToken cancellationToken)
    {
        var all = await db.Municipalities.ToListAsync(cancellationToken);
        if (all.Count == 0)
        {
            // The migration that introduced municipalities made the first one; this covers a database emptied by hand.
            db.Municipalities.Add(new Municipality { Name = options.MunicipalityName, Code = NullIfBlank(options.MunicipalityCode) });
        }
        else if (all is [var only])
        {
            only.Name = options.MunicipalityName;
            only.Code = NullIfBlank(options.MunicipalityCode) ?? only.Code;
        }

        await db.SaveChangesAsync(cancellationToken);
        await directory.LoadAsync(db, cancellationToken);
    }

    /// <summary>The outcome of <see cref="AddAsync"/>: the new municipality, or why not (in English, for the operator).</summary>
    public sealed record Added(Municipality? Municipality, string? Problem);

    /// <summary>
    /// Adds a municipality and gives it what every municipality starts with (its framework checklist, its processing
    /// register: the start-up data, run for it).
    /// </summary>
    public static async Task<Added> AddAsync(IServiceProvider services, string name, string code, string? region, CancellationToken cancellationToken)
    {
        name = name.Trim();
        region = NullIfBlank(region)?.Trim();
        if (name.Length is 0 or > 200 || region is { Length: > 200 })
        {
            return new Added(null, "The name is required (at most 200 characters), the region at most 200 characters.");
        }

        if (!Municipality.IsCode(code))
        {
            return new Added(null, $"'{code}' is no CBS code: GM and four digits, e.g. GM0392.");
        }

        Municipality municipality;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            if (await db.Municipalities.AnyAsync(m => m.Code == code || m.Name == name, cancellationToken))
            {
                return new Added(null, $"A municipality with code {code} or name '{name}' exists already.");
            }

            municipality = new Municipality { Name = name, Code = code, Region = region };
            db.Municipalities.Add(municipality);
            await db.SaveChangesAsync(cancellationToken);
            scope.ServiceProvider.GetRequiredService<MunicipalityScope>().Use(municipality.Id);
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(
                new AuditEntry("municipality.created", AuditOutcome.Success, "municipality", code, "operator-command"), cancellationToken);
        }

        await EnsureStartupDataAsync(services, municipality.Id, cancellationToken);
        await using (var scope = services.CreateAsyncScope())
        {
            await services.GetRequiredService<MunicipalityDirectory>().LoadAsync(scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>(), cancellationToken);
        }

        return new Added(municipality, null);
    }

    /// <summary>
    /// What the features registered as data every municipality needs (<see cref="StartupData"/>), in their order, for
    /// each municipality with the unit of work scoped to it: a seed fills in that municipality's rows, a backfill
    /// sees only its rows.
    /// </summary>
    public static async Task EnsureStartupDataAsync(IServiceProvider services, int? onlyFor, CancellationToken cancellationToken)
    {
        var ids = onlyFor is { } one ? [one] : services.GetRequiredService<MunicipalityDirectory>().All.Select(m => m.Id).ToList();
        foreach (var id in ids)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<MunicipalityScope>().Use(id);
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            foreach (var data in services.GetServices<StartupData>())
            {
                await data.EnsureAsync(db, cancellationToken);
            }
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
