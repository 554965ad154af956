using System.Security.Cryptography;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Infrastructure.Privacy;

/// <summary>
/// Encrypts the meeting titles stored in plain text before <see cref="Features.CaseTable.CaseTableMeeting.Title"/> was
/// encrypted (migration HandoverPerRoute): the value converter cannot read them. Reads and writes the column past EF
/// Core's converter. Idempotent: a value that decrypts is left alone, and an update matches only the plain value it
/// read, so an instance starting at the same time finds it changed and writes nothing.
/// </summary>
public static class MeetingTitleEncryption
{
    public const string StartupDataName = "meeting-titles-encrypted";

    public static async Task<int> RunAsync(MeldrouteDbContext db, CancellationToken cancellationToken = default)
    {
        var titles = await db.Database.SqlQuery<string>($"SELECT DISTINCT \"Title\" AS \"Value\" FROM \"CaseTableMeetings\"").ToListAsync(cancellationToken);
        var encrypted = 0;
        foreach (var plain in titles.Where(t => !IsCiphertext(db.Protection, t)))
        {
            var cipher = db.Protection.Protect(plain);
            encrypted += await db.Database.ExecuteSqlAsync($"UPDATE \"CaseTableMeetings\" SET \"Title\" = {cipher} WHERE \"Title\" = {plain}", cancellationToken);
        }

        return encrypted;
    }

    /// <summary>
    /// Whether the value is a Data Protection payload. One that does not decrypt but carries the payload's header
    /// (base64url of its magic number) counts as one too: its key is missing, and encrypting it again would hide that
    /// behind a title of ciphertext instead of the error that makes the operator restore the key.
    /// </summary>
    private static bool IsCiphertext(PersonalDataProtection protection, string value)
    {
        try
        {
            protection.Unprotect(value);
            return true;
        }
        catch (CryptographicException)
        {
            return value.StartsWith("CfDJ8", StringComparison.Ordinal);
        }
    }
}
