using System.Globalization;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;

namespace Meldroute.Web.Features.Audit;

/// <summary>ExportAuditLog: the events that match the search, for a spreadsheet; the export itself is audited.</summary>
public static class ExportAuditLog
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The matching events, oldest first, as CSV (UTF-8) for a spreadsheet.</summary>
    public static async Task<byte[]> HandleAsync(MeldrouteDbContext db, AuditTrail audit, AuditQuery query, CancellationToken cancellationToken)
    {
        var rows = await SearchAuditLog.ToRowsAsync(db, SearchAuditLog.Filter(db, query).OrderBy(e => e.Sequence), cancellationToken);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(text))
        {
            foreach (var r in rows)
            {
                using var row = writer.NewRow();
                row["sequence"].Set(r.Sequence.ToString(CultureInfo.InvariantCulture));
                row["occurred_at_utc"].Set(r.OccurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
                row["actor"].Set(r.Actor ?? "");
                row["actor_role"].Set(r.ActorRole ?? "");
                row["action"].Set(r.Action);
                row["object_type"].Set(r.ObjectType ?? "");
                row["object_id"].Set(r.ObjectId ?? "");
                row["outcome"].Set(r.Outcome);
                row["purpose"].Set(r.Purpose ?? "");
                row["client_address"].Set(r.ClientAddress ?? "");
                row["correlation_id"].Set(r.CorrelationId ?? "");
            }
        }

        await audit.RecordAsync(new AuditEntry("audit.exported", AuditOutcome.Success, "audit-log", null, $"rows={rows.Count}"), cancellationToken);
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }
}
