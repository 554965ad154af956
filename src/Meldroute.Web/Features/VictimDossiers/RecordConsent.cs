using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.VictimDossiers;

public sealed class ConsentRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    /// <summary>What the consent is for, e.g. "delen met het Centrum Seksueel Geweld".</summary>
    public string? Purpose { get; set; }

    public bool? Given { get; set; }

    public DateOnly? RecordedOn { get; set; }
}

/// <summary>RecordConsent: the person's consent (given or refused) for a stated purpose.</summary>
public static class RecordConsent
{
    public static Task<Outcome<DossierChanged>> HandleAsync(DossierChanges c, ClaimsPrincipal user, Guid dossierId, ConsentRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, dossierId, r.Version, new ManageDossierRequirement(), "dossier.consent.recorded", "consent", dossier =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            TextRules.Check(errors, nameof(r.Purpose), r.Purpose, 1_000, c.T, required: true);
            if (r.Given is null)
            {
                errors[nameof(r.Given)] = [c.T["Dossier_ConsentGivenRequired"]];
            }

            if (r.RecordedOn is null || r.RecordedOn > c.Today)
            {
                errors[nameof(r.RecordedOn)] = [c.T["Dossier_DateNotFuture"]];
            }

            if (errors.Count > 0)
            {
                return Task.FromResult<Outcome<DossierChanged>?>(Outcome<DossierChanged>.Invalid(errors));
            }

            if (c.RequireOpen(dossier) is { } closed)
            {
                return Task.FromResult<Outcome<DossierChanged>?>(closed);
            }

            c.Db.DossierConsents.Add(new DossierConsent
            {
                DossierId = dossier.Id,
                Purpose = TextRules.Clean(r.Purpose),
                Given = r.Given!.Value,
                RecordedOn = r.RecordedOn!.Value,
                RecordedById = user.FindFirstValue(ClaimTypes.NameIdentifier)!,
            });
            return Task.FromResult<Outcome<DossierChanged>?>(null);
        }, cancellationToken);
}
