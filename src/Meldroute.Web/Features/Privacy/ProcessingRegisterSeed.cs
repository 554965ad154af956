using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Privacy;

/// <summary>
/// The register as Meldroute ships it (Seed/processing-register.csv): what the system itself does. The privacy officer
/// adapts it to the municipality.
/// </summary>
public static class ProcessingRegisterSeed
{
    public static async Task EnsureAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        if (await db.ProcessingActivities.AnyAsync(cancellationToken))
        {
            return;
        }

        db.ProcessingActivities.AddRange(Initial());
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<ProcessingActivity> Initial() =>
        SeedData.Read("processing-register.csv").Select(row => new ProcessingActivity
        {
            Code = row["code"], Name = row["name"], Purpose = row["purpose"], LegalGround = row["legal_ground"], DataCategories = row["data_categories"],
            DataSubjects = row["data_subjects"], Recipients = row["recipients"], Retention = row["retention"], Safeguards = row["safeguards"],
            EnforcedBy = string.IsNullOrEmpty(row["enforced_by"]) ? null : row["enforced_by"],
        });
}
