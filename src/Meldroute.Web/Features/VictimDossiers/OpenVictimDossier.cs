using System.Text;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>
/// Forwarding along the victim track opens the shielded dossier: the possible victims (never a suspect or anyone
/// else named in the signal) and the balancing of interests that justified sharing. It runs inside the forwarding's
/// transaction, before the signal's own personal data is deleted. No I/O: the caller adds the result to the context.
/// </summary>
public static class OpenVictimDossier
{
    /// <summary>
    /// Opens the dossier of a signal forwarded on the victim track, once, in the caller's context and transaction, with
    /// the balancing of interests recorded for the signal; answers its audit event, or null when it was already open.
    /// </summary>
    public static async Task<AuditEntry?> OpenOnceAsync(MeldrouteDbContext db, Signal signal, Guid victimRouteId, string openedById, DateTimeOffset at, IStringLocalizer t, CancellationToken cancellationToken)
    {
        if (await db.VictimDossiers.AnyAsync(d => d.SignalId == signal.Id, cancellationToken))
        {
            return null;
        }

        // The victim track's own balancing (and any from before balancing per route): not what was weighed for other recipients.
        var balancing = await db.BalancingOfInterests.AsNoTracking().Where(b => b.SignalId == signal.Id && (b.RouteId == victimRouteId || b.RouteId == null)).ToListAsync(cancellationToken);
        var dossier = Create(signal, balancing, openedById, at, t);
        db.VictimDossiers.Add(dossier);
        return new AuditEntry("dossier.created", AuditOutcome.Success, VictimDossier.AuditObject, dossier.Reference, $"victims={dossier.Victims.Count}");
    }

    public static VictimDossier Create(Signal signal, IEnumerable<BalancingOfInterests> balancing, string openedById, DateTimeOffset at, IStringLocalizer t)
    {
        var victims = signal.People.Where(p => p.Role == PersonRole.PossibleVictim).OrderBy(p => p.SortOrder).ToList();
        var dossier = new VictimDossier
        {
            Reference = VictimDossier.ReferenceFor(signal.Reference),
            SignalId = signal.Id,
            OpenedAt = at,
            InvolvesMinor = victims.Any(v => v.Minor == Minor.Yes),
            Victims = [.. victims.Select((p, i) => new DossierVictim
            {
                NameOrDescription = p.NameOrDescription,
                Age = p.Age,
                Minor = p.Minor,
                Nationality = p.Nationality,
                Language = p.Language,
                ContactDetails = p.ContactDetails,
                SortOrder = i,
            })],
        };

        foreach (var b in balancing.Where(b => b.SharingJustified).OrderBy(b => b.RecordedAt.UtcTicks))
        {
            dossier.Notes.Add(new DossierNote
            {
                Kind = DossierNoteKind.BalancingOfInterests,
                OccurredOn = DateOnly.FromDateTime(b.RecordedAt.UtcDateTime),
                RecordedAt = at,
                RecordedById = openedById,
                Text = Describe(b, t),
            });
        }

        return dossier;
    }

    private static string Describe(BalancingOfInterests b, IStringLocalizer t)
    {
        var text = new StringBuilder();
        void Line(string label, string? value) => text.Append(t[label]).Append(": ").AppendLine(value);
        Line("Balancing_WeighedBy", b.WeighedBy);
        Line("Balancing_Purpose", b.Purpose);
        Line("Balancing_Necessity", b.Necessity);
        Line("Balancing_Proportionality", b.Proportionality);
        Line("Balancing_Subsidiarity", b.Subsidiarity);
        Line("Balancing_Outcome", b.Outcome);
        return text.ToString().TrimEnd();
    }
}
