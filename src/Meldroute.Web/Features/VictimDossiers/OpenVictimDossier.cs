using System.Text;
using Meldroute.Web.Features.Signals;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>
/// Forwarding along the victim track opens the shielded dossier: the possible victims (never a suspect or anyone
/// else named in the signal) and the balancing of interests that justified sharing. It runs inside the forwarding's
/// transaction, before the signal's own personal data is deleted. No I/O: the caller adds the result to the context.
/// </summary>
public static class OpenVictimDossier
{
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
