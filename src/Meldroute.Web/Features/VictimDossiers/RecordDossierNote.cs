using System.Security.Claims;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.VictimDossiers;

public sealed class DossierNoteRequest : IVersionedRequest
{
    public Guid? Version { get; set; }

    public DossierNoteKind? Kind { get; set; }

    public DateOnly? OccurredOn { get; set; }

    public string? Text { get; set; }
}

/// <summary>RecordDossierNote: a contact moment, care note or later balancing of interests. Also for partners with a grant.</summary>
public static class RecordDossierNote
{
    public const int TextMax = 10_000;

    public static Task<Outcome<DossierChanged>> HandleAsync(DossierChanges c, ClaimsPrincipal user, Guid dossierId, DossierNoteRequest r, CancellationToken cancellationToken) =>
        c.RunAsync(user, dossierId, r.Version, new ReadDossierRequirement(), "dossier.note.recorded", "notes", dossier =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (r.Kind is null || !Enum.IsDefined(r.Kind.Value))
            {
                errors[nameof(r.Kind)] = [c.T["Dossier_NoteKindRequired"]];
            }

            if (r.OccurredOn is null || r.OccurredOn > c.Today)
            {
                errors[nameof(r.OccurredOn)] = [c.T["Dossier_DateNotFuture"]];
            }

            TextRules.Check(errors, nameof(r.Text), r.Text, TextMax, c.T, required: true);
            if (errors.Count > 0)
            {
                return Task.FromResult<Outcome<DossierChanged>?>(Outcome<DossierChanged>.Invalid(errors));
            }

            c.Db.DossierNotes.Add(new DossierNote
            {
                DossierId = dossier.Id,
                Kind = r.Kind!.Value,
                OccurredOn = r.OccurredOn!.Value,
                Text = TextRules.Clean(r.Text),
                RecordedById = user.FindFirstValue(ClaimTypes.NameIdentifier)!,
                RecordedAt = c.Now,
            });
            return Task.FromResult<Outcome<DossierChanged>?>(null);
        }, cancellationToken);
}
