using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Tests.Features.CaseTable;

/// <summary>The case table through the JSON API, on both databases: who sees a signal scheduled for a meeting.</summary>
[Trait("Category", "Integration")]
public abstract class CaseTableApiTests(MeldrouteAppFactory app)
{
    [Fact]
    public async Task A_case_table_member_sees_only_signals_on_agendas_of_meetings_they_attend()
    {
        var (reporter, officer, member, memberClient) = await app.ActorsAsync();
        var outsider = await app.CreateApiClientAsync(await app.CreateAsync(Roles.CaseTableMember));
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal("Signaal voor de casustafel over een vakantiepark met veel arbeidsmigranten."))).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await memberClient.GetAsync($"/api/signals/{id}")).StatusCode);

        await app.DecideAsync(officer, id, member.Id);

        Assert.Equal(HttpStatusCode.OK, (await memberClient.GetAsync($"/api/signals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/signals/{id}")).StatusCode);
    }
}

[Collection(ProcedureApiOnSqlite.Name)]
public sealed class CaseTableApiTestsOnSqlite(SqliteApp app) : CaseTableApiTests(app);

[Collection(ProcedureApiOnPostgres.Name)]
public sealed class CaseTableApiTestsOnPostgres(PostgresApp app) : CaseTableApiTests(app);
