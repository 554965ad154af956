using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>A possible victim; <see cref="Comensha"/> says whether and when they were registered with CoMensha (to the coordinator only).</summary>
public sealed record DossierVictimView(Guid Id, string? Name, string? Age, Minor Minor, string? Nationality, string? Language, string? Contact, ComenshaStatus? Comensha);

/// <summary>A CoMensha registration at a glance: prepared (consent as recorded) and, once submitted, the day it was.</summary>
public sealed record ComenshaStatus(DateOnly? RegisteredOn, ComenshaConsent Consent);

public sealed record DossierNoteView(Guid Id, DossierNoteKind Kind, DateOnly OccurredOn, string? Text, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record DossierConsentView(Guid Id, string? Purpose, bool Given, DateOnly RecordedOn);

public sealed record DossierPartnerView(Guid Id, int PartnerId, string PartnerName, string? Involvement, DateOnly Since);

public sealed record DossierGrantView(Guid Id, string Account, string? PartnerName, string? Purpose, DateOnly EndsOn, DateTimeOffset GrantedAt, DateTimeOffset? RevokedAt, bool Active);

/// <summary>A dossier as its reader may see it. Grants are listed only for the coordinator.</summary>
public sealed record DossierDetail(
    Guid Id,
    string Reference,
    Guid Version,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    DossierClosureReason? ClosureReason,
    string? ClosureNote,
    DateTimeOffset? PurgeDueAt,
    bool InvolvesMinor,
    DateOnly? ReflectionPeriodStart,
    DateOnly? ReflectionPeriodEnd,
    bool CanManage,
    IReadOnlyList<DossierVictimView> Victims,
    IReadOnlyList<DossierNoteView> Notes,
    IReadOnlyList<DossierConsentView> Consents,
    IReadOnlyList<DossierPartnerView> Partners,
    IReadOnlyList<DossierGrantView> Grants,
    DossierDeletionReceipt? DeletionReceipt);

/// <summary>GetVictimDossier: the shielded dossier for those who may open it; every opening (and every refusal) is audited.</summary>
public static class GetVictimDossier
{
    public static async Task<DossierDetail?> HandleAsync(
        MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, TimeProvider clock, RetentionOptions retention, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var dossier = await VictimDossier.WithContent(db.VictimDossiers.AsNoTracking()).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (dossier is null || !(await authorization.AuthorizeAsync(user, dossier, new ReadDossierRequirement())).Succeeded)
        {
            await audit.RecordAsync(new AuditEntry("dossier.read", AuditOutcome.Denied, VictimDossier.AuditObject, dossier?.Reference ?? id.ToString(), dossier is null ? "not-found" : "no-grant"), cancellationToken);
            return null;
        }

        var canManage = (await authorization.AuthorizeAsync(user, dossier, new ManageDossierRequirement())).Succeeded;
        var partnerIds = dossier.Partners.Select(p => p.PartnerId).Concat(dossier.Grants.Where(g => g.PartnerId is not null).Select(g => g.PartnerId!.Value)).Distinct().ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var userIds = dossier.Notes.Select(n => n.RecordedById).Concat(dossier.Grants.Select(g => g.UserId)).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (u.DisplayName, u.Email), cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        await audit.RecordAsync(new AuditEntry("dossier.read", AuditOutcome.Success, VictimDossier.AuditObject, dossier.Reference,
            canManage ? "victim-care: victims, notes, consent, partners, b8, access, comensha" : "granted-access: victims, notes, consent, partners, b8"), cancellationToken);

        return new DossierDetail(
            dossier.Id, dossier.Reference, dossier.Version, dossier.OpenedAt, dossier.ClosedAt, dossier.ClosureReason, dossier.ClosureNote,
            RetentionRules.DossierPurgeDueAt(dossier.ClosedAt, dossier.DeletionReceipt is not null, retention),
            dossier.InvolvesMinor, dossier.ReflectionPeriodStart, dossier.ReflectionPeriodEnd, canManage,
            [.. dossier.Victims.OrderBy(v => v.SortOrder).Select(v => new DossierVictimView(v.Id, v.NameOrDescription, v.Age, v.Minor, v.Nationality, v.Language, v.ContactDetails,
                canManage && dossier.Registrations.SingleOrDefault(r => r.VictimId == v.Id) is { } r ? new ComenshaStatus(r.RegisteredOn, r.Consent) : null))],
            [.. dossier.Notes.OrderByDescending(n => n.OccurredOn).ThenByDescending(n => n.RecordedAt.UtcTicks)
                .Select(n => new DossierNoteView(n.Id, n.Kind, n.OccurredOn, n.Text, accounts.TryGetValue(n.RecordedById, out var a) ? a.DisplayName : "—", n.RecordedAt))],
            [.. dossier.Consents.OrderBy(x => x.RecordedOn).Select(x => new DossierConsentView(x.Id, x.Purpose, x.Given, x.RecordedOn))],
            [.. dossier.Partners.OrderBy(x => x.Since).Select(x => new DossierPartnerView(x.Id, x.PartnerId, partners.GetValueOrDefault(x.PartnerId, "—"), x.Involvement, x.Since))],
            canManage
                ? [.. dossier.Grants.OrderByDescending(g => g.GrantedAt.UtcTicks).Select(g => new DossierGrantView(g.Id, accounts.TryGetValue(g.UserId, out var a) ? a.Email ?? "—" : "—",
                    g.PartnerId is { } p ? partners.GetValueOrDefault(p) : null, g.Purpose, g.EndsOn, g.GrantedAt, g.RevokedAt, g.IsActiveOn(today)))]
                : [],
            dossier.DeletionReceipt);
    }
}
