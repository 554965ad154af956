using System.Globalization;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure.Data;
using nietras.SeparatedValues;

namespace Meldroute.Web.Features.Admin.AccessReview;

/// <summary>ExportAccessReview: the review's list as CSV (semicolons, UTF-8 with a byte order mark, for Excel); audited.</summary>
public static class ExportAccessReview
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static async Task<byte[]> HandleAsync(MeldrouteDbContext db, AuditTrail audit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var view = await GetAccessReview.HandleAsync(db, now, cancellationToken);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = Sep.New(';').Writer(o => o with { Escape = true }).To(text))
        {
            foreach (var a in view.Accounts)
            {
                using var row = writer.NewRow();
                row["email"].Set(a.Email);
                row["name"].Set(a.DisplayName);
                row["roles"].Set(string.Join('+', a.Roles));
                row["two_factor"].Set(a.TwoFactor ? "yes" : "no");
                row["identity_provider"].Set(a.ExternalSignIn ? "yes" : "no");
                row["last_sign_in_utc"].Set(a.LastSignInAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "");
                row["blocked"].Set(a.Blocked ? "yes" : "no");
                row["inactive_90_days"].Set(a.Inactive ? "yes" : "no");
            }
        }

        await audit.RecordAsync(new AuditEntry("access-review.exported", AuditOutcome.Success, "access-review", null, $"accounts={view.Accounts.Count}"), cancellationToken);
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }
}
