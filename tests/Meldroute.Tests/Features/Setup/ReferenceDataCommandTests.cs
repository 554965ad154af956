using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Setup;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Tests.Features.Setup;

/// <summary>
/// The operator commands of docs/operations.md, "Reference data": an export of one installation imported into a fresh
/// one with <c>reference-data import</c> exports identically with <c>reference-data export</c>; a bad file is refused
/// with a Dutch line per problem and exit code 1, and writes nothing.
/// </summary>
[Trait("Category", "Process")]
public abstract class ReferenceDataCommandTests(Database database)
{
    [Fact]
    public async Task An_export_imported_into_a_fresh_installation_exports_identically()
    {
        using var source = new MeldrouteAppFactory(database);
        var admin = await source.CreateApiClientAsync(await source.CreateAsync(Roles.Administrator));
        using (var shipped = new ByteArrayContent(ReferenceDataSet.ToZip(ExportReferenceData.ShippedFiles())))
        {
            shipped.Headers.ContentType = new("application/zip");
            await (await admin.PostAsync("/api/reference-data", shipped)).JsonAsync(HttpStatusCode.OK);
        }

        var folder = Directory.CreateTempSubdirectory("meldroute-reference-data-").FullName;
        var (first, second) = (Path.Combine(folder, "bron.zip"), Path.Combine(folder, "nieuw.zip"));
        var exported = await OperatorProcess.RunAsync(source, "reference-data", "export", "--to", first);
        Assert.True(exported.ExitCode == 0, exported.Output);
        Assert.Equal(await (await admin.GetAsync("/api/reference-data")).Content.ReadAsByteArrayAsync(), await File.ReadAllBytesAsync(first));

        using var fresh = new MeldrouteAppFactory(database);
        _ = fresh.Services;
        var imported = await OperatorProcess.RunAsync(fresh, "reference-data", "import", "--from", first);
        Assert.True(imported.ExitCode == 0, imported.Output);
        Assert.Contains("Reference data imported", imported.Output, StringComparison.Ordinal);
        var again = await OperatorProcess.RunAsync(fresh, "reference-data", "export", "--to", second);
        Assert.True(again.ExitCode == 0, again.Output);

        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        var twice = await OperatorProcess.RunAsync(fresh, "reference-data", "export", "--to", second);
        Assert.Equal(1, twice.ExitCode);
    }

    [Fact]
    public async Task A_bad_file_is_refused_by_the_command_with_each_problem_in_dutch_and_nothing_is_written()
    {
        using var app = new MeldrouteAppFactory(database);
        _ = app.Services;
        var folder = Directory.CreateTempSubdirectory("meldroute-reference-data-").FullName;
        var bad = Path.Combine(folder, "fout.zip");
        await File.WriteAllBytesAsync(bad, ReferenceDataSet.ToZip(new Dictionary<string, string>
        {
            ["departments.csv"] = "name,public_contact\nBurgerzaken,yes\nBurgerzaken,no\n",
            ["indicators.csv"] = "code,form,indicator_nl,indicator_en\nl99,labour,Tekst,Text\n",
        }));
        var before = Path.Combine(folder, "voor.zip");
        Assert.Equal(0, (await OperatorProcess.RunAsync(app, "reference-data", "export", "--to", before)).ExitCode);

        var refused = await OperatorProcess.RunAsync(app, "reference-data", "import", "--from", bad);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("departments.csv, regel 3: staat al op regel 2.", refused.Output, StringComparison.Ordinal);
        Assert.Contains("indicators.csv, regel 2, kolom code:", refused.Output, StringComparison.Ordinal);
        var after = Path.Combine(folder, "na.zip");
        Assert.Equal(0, (await OperatorProcess.RunAsync(app, "reference-data", "export", "--to", after)).ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(before), await File.ReadAllBytesAsync(after));
    }
}

public sealed class ReferenceDataCommandTestsOnSqlite() : ReferenceDataCommandTests(Database.Sqlite);

public sealed class ReferenceDataCommandTestsOnPostgres() : ReferenceDataCommandTests(Database.Postgres);
