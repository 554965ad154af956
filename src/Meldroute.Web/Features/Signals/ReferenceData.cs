using Meldroute.Web.Features.Demo;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Signals;

/// <summary>Reference data every installation has, demo or not: the indicator checklist from indicators.csv.</summary>
public static class ReferenceData
{
    public static async Task EnsureIndicatorsAsync(MeldrouteDbContext db, CancellationToken cancellationToken = default)
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
