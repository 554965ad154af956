using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.EntityFrameworkCore;
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
/// Encryption at rest of personal data with ASP.NET Core Data Protection (AES-256-GCM, keys in a key ring outside the
/// database). EF Core stores every <see cref="EncryptedAttribute"/> property through a value converter, so feature
/// code reads and writes plain strings and the database only ever sees ciphertext.
/// </summary>
public sealed class PersonalDataProtection(IDataProtectionProvider provider, SubjectIndex subjectIndex)
{
    /// <summary>The keyed hash of names for subject access requests.</summary>
    public SubjectIndex SubjectIndex => subjectIndex;

    public const string Purpose = "Meldroute.PersonalData.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Protect(string plain) => protector.Protect(plain);

    public string Unprotect(string cipher) => protector.Unprotect(cipher);

    /// <summary>Puts the converter on every encrypted property (text, and bytes such as attachments). Ciphertext is longer than the plain value, so the columns have no length limit.</summary>
    public void ApplyTo(ModelBuilder builder)
    {
        var text = new ValueConverter<string, string>(plain => Protect(plain), cipher => Unprotect(cipher));
        var bytes = new ValueConverter<byte[], byte[]>(plain => protector.Protect(plain), cipher => protector.Unprotect(cipher));
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(IsEncrypted))
            {
                property.SetValueConverter(property.ClrType == typeof(string) ? text : bytes);
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
            throw new InvalidOperationException("Meldroute:PreviousKeyCertificates is set without Meldroute:KeyCertificatePath: the certificate that replaced them is missing.");
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
                throw new InvalidOperationException(
                    "Op PostgreSQL staat de sleutelbos in de database en moet die versleuteld worden met een certificaat: " +
                    "zet Meldroute:KeyCertificatePath (een .pfx-bestand met private sleutel) en Meldroute:KeyCertificatePassword. " +
                    "Zie docs/operations.md. (On PostgreSQL the key ring is kept in the database and must be encrypted with a certificate; Meldroute refuses to start.)");
            }

            var connectionString = configuration.GetConnectionString(Data.DatabaseOptions.ConnectionStringName)
                ?? throw new InvalidOperationException("ConnectionStrings:Meldroute is not set.");
            services.AddDbContext<DataProtectionKeysContext>(o => o.UseNpgsql(connectionString));
            dataProtection.PersistKeysToDbContext<DataProtectionKeysContext>();
            services.AddSingleton<ISubjectIndexKeyStore>(new DatabaseSubjectIndexKeyStore(connectionString));
        }
        else
        {
            var path = Path.IsPathRooted(keys.KeysPath) ? keys.KeysPath : Path.Combine(environment.ContentRootPath, keys.KeysPath);
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
        services.AddSingleton<PersonalDataProtection>();
        return services;
    }

    private static X509Certificate2? LoadCertificate(string? file, string? password, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return null;
        }

        var path = Path.IsPathRooted(file) ? file : Path.Combine(environment.ContentRootPath, file);
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The key ring certificate {Path.GetFileName(path)} has no private key: the key ring could not be read back.");
    }

    /// <summary>
    /// Makes sure the ring has a key before the first request, one instance at a time (a PostgreSQL advisory lock), so
    /// that instances starting together on an empty database agree on one key instead of each making its own.
    /// </summary>
    public static async Task EnsureKeyAsync(IServiceProvider services, Data.MeldrouteDbContext db, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Data.WriteLock.AcquireAsync(db, Data.WriteLock.KeyRing, cancellationToken);
        var manager = services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>();
        var now = DateTimeOffset.UtcNow;
        if (!manager.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
        {
            manager.CreateNewKey(activationDate: now, expirationDate: now.AddDays(90));
        }

        await transaction.CommitAsync(cancellationToken);
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
