namespace Meldroute.Tests.TestSupport;

/// <summary>Removes a test's own folder once its app has stopped.</summary>
public static class TestFolder
{
    /// <summary>
    /// Deletes the folder and what is in it. SQLite removes its -wal and -shm files when the last connection to a
    /// database closes, and a connection handed back to its pool after ClearAllPools closes a moment later; a file
    /// that goes or comes while the folder is emptied makes one pass fail with "Directory not empty". A few passes
    /// wait for that; a folder still not empty after them fails with the names of what is left in it.
    /// </summary>
    public static void Delete(string folder)
    {
        for (var pass = 1; ; pass++)
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                return;
            }
            catch (IOException) when (pass < 10)
            {
                Thread.Sleep(100 * pass);
            }
            catch (IOException e)
            {
                var left = Directory.Exists(folder) ? string.Join(", ", Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName)) : "(gone)";
                throw new IOException($"{folder} could not be removed; left in it: {left}", e);
            }
        }
    }
}
