using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Framework;

/// <summary>The checklist's building blocks as Meldroute ships them.</summary>
public static class BuildingBlockSeed
{
    /// <summary>The building blocks from vng-kader.csv: reference data every installation needs, editable afterwards.</summary>
    public static async Task EnsureAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        if (await db.BuildingBlocks.AnyAsync(cancellationToken))
        {
            return;
        }

        var order = 0;
        foreach (var row in SeedData.Read("vng-kader.csv"))
        {
            db.BuildingBlocks.Add(new BuildingBlock
            {
                Theme = row["theme"].Trim(), Plateau = int.Parse(row["plateau"], System.Globalization.CultureInfo.InvariantCulture), Name = row["building_block"].Trim(),
                Source = row["source"].Trim(), SortOrder = ++order,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
