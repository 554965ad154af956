using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.VictimDossiers;

public sealed class ReflectionPeriodRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    public DateOnly? Start { get; set; }

    /// <summary>Empty: the statutory three months from the start.</summary>
    public DateOnly? End { get; set; }
}

/// <summary>
/// SetReflectionPeriod: the B8 reflection period (bedenktijd) of a victim without legal residence, when relevant.
/// Three months by law unless the coordinator records another end.
/// </summary>
public static class SetReflectionPeriod
{
    public static Task<Outcome<DossierChanged>> HandleAsync(DossierChanges c, ClaimsPrincipal user, Guid dossierId, ReflectionPeriodRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, dossierId, r.Version, new ManageDossierRequirement(), "dossier.reflection-period.set", "b8", dossier =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (r.Start is null)
            {
                errors[nameof(r.Start)] = [c.T["Dossier_ReflectionStartRequired"]];
            }
            else if (r.End is { } end && end <= r.Start)
            {
                errors[nameof(r.End)] = [c.T["Dossier_ReflectionEndAfterStart"]];
            }

            if (errors.Count > 0)
            {
                return Task.FromResult<Outcome<DossierChanged>?>(Outcome<DossierChanged>.Invalid(errors));
            }

            if (c.RequireOpen(dossier) is { } closed)
            {
                return Task.FromResult<Outcome<DossierChanged>?>(closed);
            }

            dossier.ReflectionPeriodStart = r.Start;
            dossier.ReflectionPeriodEnd = r.End ?? r.Start!.Value.AddMonths(3);
            return Task.FromResult<Outcome<DossierChanged>?>(null);
        }, cancellationToken);
}
