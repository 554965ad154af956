using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Meldroute.Web.Infrastructure.Privacy;

/// <summary>A stored record that names a person: its name gets a keyed hash so that a subject access request can find it.</summary>
public interface INamedSubject
{
    string? NameOrDescription { get; }

    /// <summary>HMAC-SHA256 of the normalised name under the installation's subject-index key; null without a name.</summary>
    string? SubjectHash { get; set; }
}

/// <summary>
/// The keyed hash index for subject access requests (AVG art. 15): names are stored encrypted with a random nonce, so
/// equal names never look equal in the database; their HMAC under a secret key does, which lets the privacy officer
/// find every record about one named person by exact match without decrypting everything. The key is encrypted by the
/// Data Protection key ring and kept beside it (the key folder on SQLite, the database on PostgreSQL, where the ring is
/// encrypted by a certificate outside the database); without it the hashes reveal nothing and cannot be tried against
/// a list of names.
/// </summary>
public sealed class SubjectIndex
{
    public const string KeyFileName = "subject-index.key";

    private readonly Lazy<byte[]> key;
    private readonly IDataProtector? protector;
    private readonly ISubjectIndexKeyStore? store;

    public SubjectIndex(IDataProtectionProvider provider, ISubjectIndexKeyStore store)
    {
        var protector = provider.CreateProtector("Meldroute.SubjectIndex.v1");
        this.protector = protector;
        this.store = store;
        // Loaded on first use, not at construction: on PostgreSQL the key lives in a table that the migrations make.
        key = new Lazy<byte[]>(() => protector.Unprotect(Convert.FromBase64String(LoadOrCreate(protector, store))));
    }

    private SubjectIndex(byte[] key) => this.key = new Lazy<byte[]>(key);

    /// <summary>
    /// Stores the same key again, protected with the ring's current default key (<c>keys rotate</c>), so that it no
    /// longer needs the old key, nor the certificate that encrypted that key.
    /// </summary>
    public void Reprotect()
    {
        if (protector is not null && store is not null)
        {
            store.Replace(Convert.ToBase64String(protector.Protect(key.Value)));
        }
    }

    /// <summary>A throw-away key: design time and tests that need no stored index.</summary>
    public static SubjectIndex Ephemeral() => new(RandomNumberGenerator.GetBytes(32));

    public string? Hash(string? name)
    {
        var normal = Normalize(name);
        return normal.Length == 0 ? null : Convert.ToHexStringLower(HMACSHA256.HashData(key.Value, Encoding.UTF8.GetBytes(normal)));
    }

    /// <summary>Case, accents and spacing do not make another person: "  José  de Vries" equals "jose de vries".</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var letters = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            letters.Append(char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c));
        }

        return string.Join(' ', letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string LoadOrCreate(IDataProtector protector, ISubjectIndexKeyStore store)
    {
        var stored = store.Read();
        if (stored is null)
        {
            store.CreateIfAbsent(Convert.ToBase64String(protector.Protect(RandomNumberGenerator.GetBytes(32))));
            stored = store.Read() ?? throw new InvalidOperationException("The subject-index key could not be stored.");
        }

        return stored;
    }
}
