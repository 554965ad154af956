using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace Meldroute.Web.Infrastructure.Privacy;

/// <summary>
/// A secret of the installation shared by every app instance (the subject-index key), stored encrypted by the Data
/// Protection key ring. Used on PostgreSQL, where the key ring itself lives in the database too.
/// </summary>
public sealed class InstallationSecret
{
    public required string Name { get; set; }

    /// <summary>Base64 of the Data Protection payload; never the secret itself.</summary>
    public required string Value { get; set; }
}

internal sealed class InstallationSecretConfiguration : IEntityTypeConfiguration<InstallationSecret>
{
    public void Configure(EntityTypeBuilder<InstallationSecret> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(100);
    }
}

/// <summary>Where the protected subject-index key is kept: a file in the key folder, or a row in the database.</summary>
public interface ISubjectIndexKeyStore
{
    /// <summary>The stored (protected) key, or null when there is none yet.</summary>
    string? Read();

    /// <summary>Stores the key unless one exists already; the caller then reads whichever won.</summary>
    void CreateIfAbsent(string protectedKey);

    /// <summary>Stores the same key protected anew, in place of the stored one.</summary>
    void Replace(string protectedKey);
}

/// <summary>The file <c>{KeysPath}/subject-index.key</c>, beside the key ring (SQLite, one machine).</summary>
public sealed class FileSubjectIndexKeyStore(string keysPath) : ISubjectIndexKeyStore
{
    private readonly string file = Path.Combine(keysPath, SubjectIndex.KeyFileName);

    public string? Read()
    {
        // A file that another process has just created may still be empty for a moment.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (!File.Exists(file))
            {
                return null;
            }

            var text = File.ReadAllText(file).Trim();
            if (text.Length > 0)
            {
                return text;
            }

            Thread.Sleep(50);
        }

        throw new InvalidOperationException($"The subject-index key file {SubjectIndex.KeyFileName} is empty.");
    }

    public void CreateIfAbsent(string protectedKey)
    {
        try
        {
            // CreateNew: when two processes start at once, the second one reads the first one's key.
            using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(stream);
            writer.Write(protectedKey);
        }
        catch (IOException) when (File.Exists(file))
        {
        }
    }

    public void Replace(string protectedKey)
    {
        // Written beside it and moved over it: a reader sees the old file or the new one, never half of one.
        var next = file + ".new";
        File.WriteAllText(next, protectedKey);
        File.Move(next, file, overwrite: true);
    }
}

/// <summary>A row in <c>InstallationSecrets</c> (PostgreSQL): every instance reads the same key; the first insert wins.</summary>
public sealed class DatabaseSubjectIndexKeyStore(string connectionString) : ISubjectIndexKeyStore
{
    private const string Name = "subject-index";

    public string? Read()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT \"Value\" FROM \"InstallationSecrets\" WHERE \"Name\" = $1", connection) { Parameters = { new() { Value = Name } } };
        return command.ExecuteScalar() as string;
    }

    public void CreateIfAbsent(string protectedKey)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "INSERT INTO \"InstallationSecrets\" (\"Name\", \"Value\") VALUES ($1, $2) ON CONFLICT (\"Name\") DO NOTHING", connection)
        {
            Parameters = { new() { Value = Name }, new() { Value = protectedKey } },
        };
        command.ExecuteNonQuery();
    }

    public void Replace(string protectedKey)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("UPDATE \"InstallationSecrets\" SET \"Value\" = $2 WHERE \"Name\" = $1", connection)
        {
            Parameters = { new() { Value = Name }, new() { Value = protectedKey } },
        };
        command.ExecuteNonQuery();
    }
}
