using System.Security.Cryptography;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Privacy;

namespace Meldroute.Tests.Infrastructure.Privacy;

/// <summary>
/// Keys stored ahead on SQLite go into the key file that the app's write transactions hold locked (the file is
/// attached to the app's connections): a batch takes its turn at the app's write gate instead of meeting that lock.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DataKeyStoreAheadTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("meldroute-keys-ahead-").FullName;

    [Fact]
    public async Task A_batch_waits_for_the_write_turn_of_the_database_its_key_file_is_attached_to()
    {
        var store = new DataKeyStore.Sqlite(Path.Combine(folder, DataKeyStore.SqliteFileName))
        {
            AttachedTo = $"Data Source={Path.Combine(folder, "meldroute.db")}",
        };
        var row = new DataKey { Id = Guid.CreateVersion7(), WrappedKey = RandomNumberGenerator.GetBytes(48), CreatedAt = DateTimeOffset.UtcNow };
        var gate = SqliteWriteGate.GateFor(store.AttachedTo);

        await gate.WaitAsync(); // an app transaction holds the turn
        var batch = store.StoreAheadAsync([row]);
        await Task.Delay(300);
        Assert.False(batch.IsCompleted);
        Assert.Null(store.ReadWrapped(row.Id));

        gate.Release(); // the transaction ends
        await batch.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(row.WrappedKey, store.ReadWrapped(row.Id));
        Assert.Equal(1, gate.CurrentCount); // the batch gave its turn back
    }

    [Fact]
    public async Task Without_an_attached_database_a_batch_is_stored_at_once()
    {
        var store = new DataKeyStore.Sqlite(Path.Combine(folder, DataKeyStore.SqliteFileName));
        var row = new DataKey { Id = Guid.CreateVersion7(), WrappedKey = RandomNumberGenerator.GetBytes(48), CreatedAt = DateTimeOffset.UtcNow };

        await store.StoreAheadAsync([row]);

        Assert.Equal(row.WrappedKey, store.ReadWrapped(row.Id));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
