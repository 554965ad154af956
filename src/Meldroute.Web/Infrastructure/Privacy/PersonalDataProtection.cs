using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Meldroute.Web.Infrastructure.Data;

namespace Meldroute.Web.Infrastructure.Privacy;

/// <summary>Marks a text property that holds personal data or free text: stored encrypted, never in plain text.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EncryptedAttribute : Attribute;

/// <summary>Settings under "Meldroute" for the keys of Data Protection.</summary>
public sealed class KeyOptions
{
    /// <summary>Where the key ring lives on SQLite: outside the data folder, so that a copied database file alone reveals nothing.</summary>
    public string KeysPath { get; set; } = "keys";

    /// <summary>
    /// A PKCS#12 file (.pfx) with a certificate and its private key that encrypts every key of the ring at rest.
    /// Required on PostgreSQL, where the ring is in the database; optional on SQLite.
    /// </summary>
    public string? KeyCertificatePath { get; set; }

    /// <summary>The password of <see cref="KeyCertificatePath"/>; from the environment or a secrets file, never from the repository.</summary>
    public string? KeyCertificatePassword { get; set; }

    /// <summary>
    /// After the certificate is replaced: the ones before it. Keys they encrypted still decrypt (new keys are encrypted
    /// with the current one) until <c>keys rotate</c> has put everything under a key of the current certificate; then
    /// they can go. See docs/operations.md.
    /// </summary>
    public List<KeyCertificateFile> PreviousKeyCertificates { get; set; } = [];
}

/// <summary>A PKCS#12 file (.pfx) with its password.</summary>
public sealed class KeyCertificateFile
{
    public string? Path { get; set; }

    public string? Password { get; set; }
}

/// <summary>The key ring in the database (PostgreSQL): a context of its own, so that reading keys never needs the main model, which needs the keys.</summary>
internal sealed class DataProtectionKeysContext(DbContextOptions<DataProtectionKeysContext> options) : DbContext(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>The table is made by the main model's migrations (<see cref="Data.MeldrouteDbContext.DataProtectionKeys"/>).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
}

/// <summary>
/// Encryption at rest of personal data. A signal's or a victim dossier's values are encrypted with that owner's own
/// data key (<see cref="DataKeyRing"/>, AES-256-GCM), which the installation's key ring (ASP.NET Core Data Protection)
/// wraps; values that belong to no owner (meeting titles, legal holds, mails, receipts) with the key ring directly.
/// EF Core stores every <see cref="EncryptedAttribute"/> property through a value converter, so feature code reads and
/// writes plain strings and the database only ever sees ciphertext. A converter sees no entity: the save hook of
/// <see cref="Data.MeldrouteDbContext"/> tells it, per value written, whose key to use (<see cref="BeginWrite"/>), and a
/// stored value names its key.
/// </summary>
public sealed class PersonalDataProtection(IDataProtectionProvider provider, SubjectIndex subjectIndex, DataKeyRing keys)
{
    /// <summary>The keyed hash of names for subject access requests.</summary>
    public SubjectIndex SubjectIndex => subjectIndex;

    /// <summary>The data keys of signals and dossiers.</summary>
    public DataKeyRing Keys => keys;

    public const string Purpose = "Meldroute.PersonalData.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    /// <summary>The values the save in progress writes, each with its owner's key (compared by reference, not content).</summary>
    private static readonly AsyncLocal<IReadOnlyDictionary<object, DataKeyMaterial?>?> Writing = new();

    /// <summary>Encrypts with the installation's key ring: data that belongs to no signal or dossier.</summary>
    public string Protect(string plain) => protector.Protect(plain);

    /// <summary>Reads either format; null when the value's data key was destroyed (its owner was purged) or is missing.</summary>
    public string? Unprotect(string cipher)
    {
        if (!EnvelopeCipher.IsEnvelope(cipher))
        {
            return protector.Unprotect(cipher);
        }

        return keys.Find(EnvelopeCipher.KeyIdOf(cipher)) is { } key ? EnvelopeCipher.Decrypt(key, cipher) : null;
    }

    private byte[]? Unprotect(byte[] cipher)
    {
        if (!EnvelopeCipher.IsEnvelope(cipher))
        {
            return protector.Unprotect(cipher);
        }

        return keys.Find(EnvelopeCipher.KeyIdOf(cipher)) is { } key ? EnvelopeCipher.Decrypt(key, cipher) : null;
    }

    private string ProtectForWrite(string plain) =>
        Writing.Value is { } writing && writing.TryGetValue(plain, out var key) && key is not null ? EnvelopeCipher.Encrypt(key, plain) : protector.Protect(plain);

    private byte[] ProtectForWrite(byte[] plain) =>
        Writing.Value is { } writing && writing.TryGetValue(plain, out var key) && key is not null ? EnvelopeCipher.Encrypt(key, plain) : protector.Protect(plain);

    /// <summary>
    /// For the duration of a save: the values (by reference) to encrypt with an owner's data key. Any other value is
    /// encrypted with the key ring.
    /// </summary>
    internal static IDisposable BeginWrite(IReadOnlyDictionary<object, DataKeyMaterial?> values)
    {
        var before = Writing.Value;
        Writing.Value = values;
        return new Restore(before);
    }

    private sealed class Restore(IReadOnlyDictionary<object, DataKeyMaterial?>? before) : IDisposable
    {
        public void Dispose() => Writing.Value = before;
    }

    /// <summary>Puts the converter on every encrypted property (text, and bytes such as attachments). Ciphertext is longer than the plain value, so the columns have no length limit.</summary>
    public void ApplyTo(ModelBuilder builder)
    {
        var text = new ValueConverter<string, string>(plain => ProtectForWrite(plain), cipher => Unprotect(cipher)!);
        var bytes = new ValueConverter<byte[], byte[]>(plain => ProtectForWrite(plain), cipher => Unprotect(cipher)!);
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(IsEncrypted))
            {
                property.SetValueConverter(property.ClrType == typeof(string) ? text : bytes);
                if (property.ClrType == typeof(byte[]))
                {
                    // With a converter EF no longer knows a byte array is compared by content (as it does without one).
                    property.SetValueComparer(ValueComparer.CreateDefault(typeof(byte[]), favorStructuralComparisons: true));
                }

                property.SetMaxLength(null);
            }
        }
    }

    public static bool IsEncrypted(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyProperty property) =>
        (property.ClrType == typeof(string) || property.ClrType == typeof(byte[])) && property.PropertyInfo?.GetCustomAttribute<EncryptedAttribute>() is not null;

    /// <summary>
    /// On SQLite the key ring is a folder (zero set-up, one machine). On PostgreSQL it is a table in the database, so
    /// that every app instance uses the same keys (cookies, antiforgery tokens, bearer tokens and personal data are
    /// readable on each), and every key in it is encrypted with a certificate that is not in the database: a copy of
    /// the database alone reveals nothing. The application name is fixed, so instances in other folders share keys.
    /// </summary>
    public static IServiceCollection AddPersonalDataProtection(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Personal data stored before per-owner keys is put under them at start (idempotent), first: any write to an owner
        // without a key would give it one for that write's values only.
        services.AddStartupData(DataKeyMigration.StartupDataName, DataKeyMigration.RunAsync);
        // Names stored before the subject index existed get their hash at start (idempotent).
        services.AddStartupData("subject-index", SubjectIndexBackfill.RunAsync);
        // Meeting titles stored in plain text before they were encrypted are encrypted at start (idempotent).
        services.AddStartupData(MeetingTitleEncryption.StartupDataName, MeetingTitleEncryption.RunAsync);
        var keys = configuration.GetSection("Meldroute").Get<KeyOptions>() ?? new KeyOptions();
        var database = configuration.GetSection(Data.DatabaseOptions.Section).Get<Data.DatabaseOptions>() ?? new Data.DatabaseOptions();
        var certificate = LoadCertificate(keys.KeyCertificatePath, keys.KeyCertificatePassword, environment);
        var previous = keys.PreviousKeyCertificates
            .Where(c => !string.IsNullOrWhiteSpace(c.Path))
            .Select(c => LoadCertificate(c.Path, c.Password, environment)!)
            .ToArray();
        if (previous.Length > 0 && certificate is null)
        {
            throw new StartupRefusedException(StartupRefusal.Line(
                "Meldroute:PreviousKeyCertificates is gezet zonder Meldroute:KeyCertificatePath: het certificaat dat ze verving ontbreekt.",
                "Meldroute:PreviousKeyCertificates is set without Meldroute:KeyCertificatePath"));
        }

        var dataProtection = services.AddDataProtection()
            .SetApplicationName("Meldroute")
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
        if (database.Provider == Data.DatabaseProvider.Postgres)
        {
            if (certificate is null)
            {
                throw new StartupRefusedException(
                    "Op PostgreSQL staat de sleutelbos in de database en moet die versleuteld worden met een certificaat: " +
                    "zet Meldroute:KeyCertificatePath (een .pfx-bestand met private sleutel) en Meldroute:KeyCertificatePassword. " +
                    "Zie docs/operations.md. (On PostgreSQL the key ring is kept in the database and must be encrypted with a certificate; Meldroute refuses to start.)");
            }

            var connectionString = configuration.GetConnectionString(Data.DatabaseOptions.ConnectionStringName)
                ?? throw new StartupRefusedException(StartupRefusal.Line("ConnectionStrings:Meldroute ontbreekt.", "ConnectionStrings:Meldroute is not set"));
            services.AddDbContext<DataProtectionKeysContext>(o => o.UseNpgsql(connectionString));
            dataProtection.PersistKeysToDbContext<DataProtectionKeysContext>();
            services.AddSingleton<ISubjectIndexKeyStore>(new DatabaseSubjectIndexKeyStore(connectionString));
        }
        else
        {
            var path = KeysFolder(keys, environment);
            Directory.CreateDirectory(path);
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(path));
            services.AddSingleton<ISubjectIndexKeyStore>(new FileSubjectIndexKeyStore(path));
        }

        if (certificate is not null)
        {
            // Encrypt new keys with it; decrypt with it, or with a certificate it replaced, without looking in a machine
            // certificate store (Linux has none).
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. previous]);
        }

        services.AddSingleton(sp => new SubjectIndex(sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<ISubjectIndexKeyStore>()));
        services.AddSingleton<DataKeyStore>(database.Provider == Data.DatabaseProvider.Postgres
            ? new DataKeyStore.Postgres(configuration.GetConnectionString(Data.DatabaseOptions.ConnectionStringName)!)
            : new DataKeyStore.Sqlite(Path.Combine(KeysFolder(keys, environment), DataKeyStore.SqliteFileName)));
        services.AddSingleton(sp => new DataKeyRing(sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<DataKeyStore>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<PersonalDataProtection>();
        return services;
    }

    /// <summary>
    /// Call after every service is registered (features add Data Protection again: antiforgery, authentication). Data
    /// Protection reads the ring when the host starts (its hosted service), while the database is still prepared, and on
    /// a ring it cannot read it makes a new key at once. The ring is read first by <see cref="EnsureKeyAsync"/>, which
    /// refuses the start instead; afterwards Data Protection reads it on first use and rolls keys over as usual.
    /// </summary>
    public static void ReadRingFirst(IServiceCollection services)
    {
        foreach (var preload in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
        {
            services.Remove(preload);
        }
    }

    /// <summary>The key folder on SQLite: the key ring, the subject-index key and the data keys.</summary>
    public static string KeysFolder(KeyOptions keys, IHostEnvironment environment) =>
        Path.IsPathRooted(keys.KeysPath) ? keys.KeysPath : Path.Combine(environment.ContentRootPath, keys.KeysPath);

    /// <summary>A key ring in memory (migrations at design time, benchmarks); data keys in <paramref name="sqliteKeyFile"/> on SQLite.</summary>
    public static PersonalDataProtection Ephemeral(string? sqliteKeyFile = null)
    {
        var provider = new EphemeralDataProtectionProvider();
        // Without a file (domain tests, design time) nothing is written: keys are made with their owners, never ahead.
        var store = new DataKeyStore.Sqlite(sqliteKeyFile ?? Path.Combine(Path.GetTempPath(), $"meldroute-ephemeral-{Guid.NewGuid():N}.db"), storesAhead: sqliteKeyFile is not null);
        return new PersonalDataProtection(provider, SubjectIndex.Ephemeral(), new DataKeyRing(provider, store, TimeProvider.System));
    }

    private static X509Certificate2? LoadCertificate(string? file, string? password, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return null;
        }

        var path = Path.IsPathRooted(file) ? file : Path.Combine(environment.ContentRootPath, file);
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new StartupRefusedException(StartupRefusal.Line(
                $"Het sleutelbos-certificaat {path} kan niet worden gelezen ({e.GetType().Name}): bestaat het, mag de dienst het lezen en klopt het wachtwoord?",
                "the key ring certificate cannot be read: missing file, no permission or wrong password"));
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new StartupRefusedException(StartupRefusal.Line(
                $"Het sleutelbos-certificaat {Path.GetFileName(path)} heeft geen private sleutel: de sleutelbos zou niet terug te lezen zijn.",
                "the key ring certificate has no private key"));
    }

    /// <summary>
    /// Makes sure the ring has a key before the first request, one instance at a time (a PostgreSQL advisory lock), so
    /// that instances starting together on an empty database agree on one key instead of each making its own. First it
    /// proves that this instance can read the ring: the current key (the one Data Protection would encrypt with) must
    /// decrypt with the configured certificate(s), and a ring of keys none of which decrypts is not added to. Otherwise
    /// the start is refused (<see cref="StartupRefusedException"/>): an instance with a wrong or missing certificate
    /// would report ready, fail every read of personal data, and add a key to the shared ring at every start.
    /// </summary>
    public static async Task EnsureKeyAsync(IServiceProvider services, Data.MeldrouteDbContext db, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Data.WriteLock.AcquireAsync(db, Data.WriteLock.KeyRing, cancellationToken);
        var manager = services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>();
        var now = DateTimeOffset.UtcNow;
        var keys = manager.GetAllKeys().Where(k => !k.IsRevoked).ToList();
        var current = keys.Where(k => k.ActivationDate <= now && k.ExpirationDate > now).MaxBy(k => k.ActivationDate);
        if (current is not null ? !CanRead(current) : keys.Count > 0 && !keys.Any(CanRead))
        {
            throw new StartupRefusedException(StartupRefusal.Line(
                $"De sleutelbos is niet te lezen: sleutel {(current ?? keys[0]).KeyId} ontsleutelt niet met het certificaat van Meldroute:KeyCertificatePath " +
                "(of Meldroute:PreviousKeyCertificates). Is dit het certificaat van deze installatie? Meldroute voegt geen sleutel toe aan een sleutelbos die het niet kan lezen; zie docs/operations.md.",
                "the key ring's current key cannot be decrypted: wrong or missing key certificate"));
        }

        if (current is null)
        {
            manager.CreateNewKey(activationDate: now, expirationDate: now.AddDays(90));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Whether this instance can use the key: its XML decrypts with a configured certificate.</summary>
    private static bool CanRead(Microsoft.AspNetCore.DataProtection.KeyManagement.IKey key)
    {
        try
        {
            return key.CreateEncryptor() is not null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or InvalidOperationException or System.Xml.XmlException)
        {
            return false;
        }
    }
}

/// <summary>
/// Carries the key protection in a context's options instead of its constructor, so that contexts can be pooled
/// (a pooled context is made from its options alone, once, and reused across requests).
/// </summary>
internal sealed class PersonalDataOptionsExtension(PersonalDataProtection protection) : IDbContextOptionsExtension
{
    private ExtensionInfo? info;

    public PersonalDataProtection Protection => protection;

    public DbContextOptionsExtensionInfo Info => info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    /// <summary>EF Core's own services do not use the protection: every key ring shares them (the model is kept apart by <see cref="PersonalDataModelCacheKeyFactory"/>).</summary>
    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}

public static class PersonalDataOptions
{
    /// <summary>The key protection that encrypts the personal data of contexts made with these options.</summary>
    public static DbContextOptionsBuilder<TContext> UsePersonalDataProtection<TContext>(this DbContextOptionsBuilder<TContext> builder, PersonalDataProtection protection)
        where TContext : DbContext
    {
        ((DbContextOptionsBuilder)builder).UsePersonalDataProtection(protection);
        return builder;
    }

    /// <inheritdoc cref="UsePersonalDataProtection{TContext}"/>
    public static DbContextOptionsBuilder UsePersonalDataProtection(this DbContextOptionsBuilder builder, PersonalDataProtection protection)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new PersonalDataOptionsExtension(protection));
        // On SQLite the data keys are a file of their own, attached to each connection; on PostgreSQL it does nothing.
        builder.AddInterceptors(new DataKeyAttach());
        return builder;
    }
}

/// <summary>
/// The model carries the converters of one key ring; a process that hosts several apps (the tests) builds one model
/// per key ring instead of sharing the first.
/// </summary>
internal sealed class PersonalDataModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is Data.MeldrouteDbContext meldroute ? (context.GetType(), meldroute.Protection, designTime) : (context.GetType(), designTime);
}
