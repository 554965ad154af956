using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Municipalities;

/// <summary>The municipality as the pages and documents name it.</summary>
public sealed record MunicipalityName(int Id, string Name, string? Code, string? Region);

/// <summary>
/// The installation's municipalities, read when the database is prepared and again when one is added by this
/// process. A municipality added with the operator command while the app runs is known after a restart
/// (docs/operations.md); until then its accounts cannot sign in.
/// </summary>
public sealed class MunicipalityDirectory
{
    private volatile IReadOnlyList<MunicipalityName> all = [];

    public IReadOnlyList<MunicipalityName> All => all;

    /// <summary>The one municipality of a single-municipality installation; null when there are several (or none yet).</summary>
    public int? SoleId => all is [var only] ? only.Id : null;

    public MunicipalityName? Find(int? id) => all.FirstOrDefault(m => m.Id == id);

    /// <summary>Reads the list again; the Municipalities table is the installation's, not filtered.</summary>
    public async Task LoadAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        all = await db.Municipalities.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => new MunicipalityName(m.Id, m.Name, m.Code, m.Region)).ToListAsync(cancellationToken);
    }
}

/// <summary>The current municipality's name, as documents (year report, hand-over sheet, care map, CoMensha form) carry it.</summary>
public static class CurrentMunicipality
{
    /// <summary>The name of the municipality this unit of work is for; empty when it is for none.</summary>
    public static async Task<string> NameAsync(MeldrouteDbContext db, CancellationToken cancellationToken) =>
        await db.Municipalities.AsNoTracking().Where(m => m.Id == db.CurrentMunicipalityId).Select(m => m.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
}
