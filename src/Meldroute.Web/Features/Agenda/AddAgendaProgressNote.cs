using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Agenda;

/// <summary>AddAgendaProgressNote's body: what was done, and optionally a link to the evidence.</summary>
public sealed class AgendaNoteRequest
{
    public string? Text { get; set; }

    public string? EvidenceUrl { get; set; }
}

/// <summary>AddAgendaProgressNote: records progress on an activity, with a link to the evidence.</summary>
public static class AddAgendaProgressNote
{
    public static async Task<Outcome<AgendaActivityView>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, int id, AgendaNoteRequest r, CancellationToken cancellationToken)
    {
        if (!await db.AgendaActivities.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return Outcome<AgendaActivityView>.NotFound();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Text), r.Text, AgendaActivityRules.TextMax, t, required: true);
        TextRules.Check(errors, nameof(r.EvidenceUrl), r.EvidenceUrl, 1000, t);
        var url = TextRules.Clean(r.EvidenceUrl);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors[nameof(r.EvidenceUrl)] = [t["Agenda_EvidenceUrlInvalid"]];
        }

        if (errors.Count > 0)
        {
            return Outcome<AgendaActivityView>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AgendaProgressNotes.Add(new AgendaProgressNote
        {
            ActivityId = id, RecordedAt = clock.GetUtcNow(), RecordedByName = user.Identity?.Name, Text = TextRules.Clean(r.Text)!, EvidenceUrl = url,
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("agenda.note.added", AuditOutcome.Success, "agenda-activity", AgendaActivityRules.Key(id)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<AgendaActivityView>.Ok((await AgendaActivityView.LoadAsync(db, clock, id, cancellationToken))!);
    }
}
