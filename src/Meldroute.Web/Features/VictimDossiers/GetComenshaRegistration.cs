using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>
/// A possible victim's CoMensha registration as the coordinator sees it: <see cref="Saved"/> false is a first draft from
/// the dossier and its signal (<see cref="ComenshaRules.Draft"/>); <see cref="Version"/> is the dossier's, for the save.
/// </summary>
public sealed record ComenshaRegistrationView(
    Guid DossierId,
    string Reference,
    Guid VictimId,
    string? VictimName,
    Guid Version,
    bool DossierOpen,
    bool Saved,
    bool CanDownload,
    DateTimeOffset? RecordedAt,
    ComenshaRegistrationRequest Registration);

/// <summary>GetComenshaRegistration: the coordinator's only; any other account gets 404, and every read and refusal is audited.</summary>
public static class GetComenshaRegistration
{
    public static async Task<ComenshaRegistrationView?> HandleAsync(
        MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, ClaimsPrincipal user, Guid dossierId, Guid victimId, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(db, authorization, audit, user, dossierId, victimId, "dossier.comensha.read", cancellationToken);
        if (found is not var (dossier, victim, registration))
        {
            return null;
        }

        await audit.RecordAsync(new AuditEntry("dossier.comensha.read", AuditOutcome.Success, VictimDossier.AuditObject, dossier.Reference, "victim-care: comensha"), cancellationToken);
        ComenshaRegistrationRequest input;
        if (registration is not null)
        {
            input = ComenshaRules.ToRequest(registration);
        }
        else
        {
            var signal = await db.Signals.AsNoTracking().Where(s => s.Id == dossier.SignalId)
                .Select(s => new { s.Forms, s.ClassifiedForms, s.Source }).SingleAsync(cancellationToken);
            input = ComenshaRules.Draft(signal.ClassifiedForms != ExploitationForms.None ? signal.ClassifiedForms : signal.Forms, signal.Source, victim.Age);
        }

        return new ComenshaRegistrationView(
            dossier.Id, dossier.Reference, victim.Id, victim.NameOrDescription, dossier.Version, dossier.IsOpen, registration is not null,
            registration?.Consent == ComenshaConsent.Given, registration?.RecordedAt, input);
    }

    /// <summary>
    /// The dossier, the victim and their registration, when the user may manage the dossier and the victim is in it;
    /// otherwise null, with an audit event of the refusal under <paramref name="action"/>.
    /// </summary>
    internal static async Task<(VictimDossier Dossier, DossierVictim Victim, ComenshaRegistration? Registration)?> LoadAsync(
        MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, ClaimsPrincipal user, Guid dossierId, Guid victimId, string action, CancellationToken cancellationToken)
    {
        var dossier = await db.VictimDossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == dossierId, cancellationToken);
        var victim = dossier is null ? null : await db.Set<DossierVictim>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == victimId && v.DossierId == dossierId, cancellationToken);
        if (dossier is null || victim is null || !(await authorization.AuthorizeAsync(user, dossier, new ManageDossierRequirement())).Succeeded)
        {
            await audit.RecordAsync(new AuditEntry(action, AuditOutcome.Denied, VictimDossier.AuditObject, dossier?.Reference ?? dossierId.ToString(), dossier is null || victim is null ? "not-found" : "not-coordinator"), cancellationToken);
            return null;
        }

        var registration = await db.ComenshaRegistrations.AsNoTracking().SingleOrDefaultAsync(r => r.VictimId == victimId, cancellationToken);
        return (dossier, victim, registration);
    }
}
