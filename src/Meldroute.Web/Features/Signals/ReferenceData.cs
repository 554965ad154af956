using System.Collections.Frozen;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Meldroute.Web.Features.Signals;

/// <summary>Reference data every installation has, demo or not: the indicator checklist from indicators.csv.</summary>
public static class ReferenceData
{
    /// <summary>
    /// The codes of the active indicators, which every submission is checked against. Read at most once a minute: the
    /// checklist changes with a release or an operator's edit, not with use, and this saves the intake a query.
    /// </summary>
    public static async Task<IReadOnlySet<string>> ActiveIndicatorCodesAsync(MeldrouteDbContext db, IMemoryCache cache, CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(("active-indicator-codes", db.Database.GetConnectionString()), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return (await db.Indicators.Where(i => i.Active).Select(i => i.Code).ToListAsync(cancellationToken)).ToFrozenSet(StringComparer.Ordinal);
        }))!;

    /// <summary>After the checklist changed: the next submission reads it afresh.</summary>
    public static void Forget(IMemoryCache cache, MeldrouteDbContext db) => cache.Remove(("active-indicator-codes", db.Database.GetConnectionString()));

    public static async Task EnsureIndicatorsAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Indicators.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var row in SeedData.Read("indicators.csv"))
        {
            db.Indicators.Add(new Indicator
            {
                Code = row["code"],
                Form = row["form"] switch
                {
                    "sexual" => ExploitationForms.Sexual,
                    "labour" => ExploitationForms.Labour,
                    "criminal" => ExploitationForms.Criminal,
                    _ => ExploitationForms.None,
                },
                TextNl = row["indicator_nl"],
                TextEn = row["indicator_en"],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
