using System.Reflection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Meldroute.Web.Infrastructure.Privacy;

/// <summary>Marks a text property that holds personal data or free text: stored encrypted, never in plain text.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EncryptedAttribute : Attribute;

/// <summary>Settings under "Meldroute" for the keys of Data Protection.</summary>
public sealed class KeyOptions
{
    /// <summary>Where the key ring lives: outside the data folder, so that a copied database file alone reveals nothing.</summary>
    public string KeysPath { get; set; } = "keys";
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

    public static IServiceCollection AddPersonalDataProtection(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var keys = configuration.GetSection("Meldroute").Get<KeyOptions>() ?? new KeyOptions();
        var path = Path.IsPathRooted(keys.KeysPath) ? keys.KeysPath : Path.Combine(environment.ContentRootPath, keys.KeysPath);
        Directory.CreateDirectory(path);
        services.AddDataProtection()
            .SetApplicationName("Meldroute")
            .PersistKeysToFileSystem(new DirectoryInfo(path))
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
        services.AddSingleton(sp => new SubjectIndex(sp.GetRequiredService<IDataProtectionProvider>(), path));
        services.AddSingleton<PersonalDataProtection>();
        return services;
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
