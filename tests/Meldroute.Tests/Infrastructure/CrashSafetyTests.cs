using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Meldroute.Tests.Infrastructure;

/// <summary>
/// Crash safety (issue 22: "kill -9 during bursts … 0 missing, audit chain intact after every restart. Keep it that
/// way"), on both databases: the real app as its own process takes submissions from 16 clients at once, each with its
/// own Idempotency-Key, and is killed with SIGKILL in the middle of the burst, a few times. After every kill `audit
/// verify` (the operator's command) says the chain is intact, and the app starts again. Then every request that never
/// got an answer is sent again with its key, as a client would: each is answered 201 or 200 (its signal was stored
/// before the kill). At the end the database holds exactly one signal per key that was ever answered: none lost that
/// was acknowledged, none twice.
/// </summary>
[Trait("Category", "Process")]
public abstract class CrashSafetyTests(Database database, ITestOutputHelper output)
{
    private const int Clients = 16;
    private const int Rounds = 3;

    /// <summary>Acknowledged submissions in a round before the kill (the burst goes on meanwhile; the kill lands in it).</summary>
    private const int AcknowledgedBeforeKill = 40;

    private sealed record Submission(string Key, object Body);

    [Fact]
    public async Task Acknowledged_submissions_survive_kill_9_during_bursts_and_the_audit_chain_stays_intact()
    {
        // The in-process app makes the database and the reporter (with an authenticator key); it takes no requests.
        using var setup = new MeldrouteAppFactory(database);
        var reporterUser = await setup.CreateAsync(Roles.Reporter);
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = database.ToString(),
            ["ConnectionStrings__Meldroute"] = setup.ConnectionString,
            ["Audit__AnchorPath"] = setup.AuditAnchorPath,
            ["Retention__DailyJob"] = "false",
            ["RateLimits__SignInPerMinute"] = "100000",
            ["RateLimits__IntakePerMinute"] = "100000",
        };
        foreach (var (key, value) in setup.KeySettings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        // Reference by Idempotency-Key of every submission answered 201 or 200; the ones never answered (cut off by a kill).
        var acknowledged = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var unanswered = new ConcurrentQueue<Submission>();
        var number = 0;
        for (var round = 1; round <= Rounds; round++)
        {
            var app = await AppProcess.StartAsync(environment);
            try
            {
                using var client = await ApiClientAsync(app, reporterUser);
                // The ones cut off by the previous kill first, with their own keys.
                await RetryAsync(client, unanswered, acknowledged);

                var killed = false;
                var inRound = 0;
                var failures = new ConcurrentQueue<string>();
                var burst = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
                {
                    while (!Volatile.Read(ref killed))
                    {
                        var n = Interlocked.Increment(ref number);
                        var submission = new Submission(Guid.NewGuid().ToString(), ProcedureApi.NewSignal($"Crashtest {n}: gezien bij een uitzendbureau aan de Kruisweg."));
                        try
                        {
                            using var response = await SubmitAsync(client, submission);
                            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                            {
                                acknowledged[submission.Key] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
                                Interlocked.Increment(ref inRound);
                            }
                            else if (!Volatile.Read(ref killed))
                            {
                                failures.Enqueue($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                                return;
                            }
                            else
                            {
                                unanswered.Enqueue(submission);
                            }
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
                        {
                            // Cut off by the kill: sent again after the restart.
                            unanswered.Enqueue(submission);
                        }
                    }
                })).ToList();

                for (var waited = 0; Volatile.Read(ref inRound) < AcknowledgedBeforeKill && failures.IsEmpty && waited < 600; waited++)
                {
                    await Task.Delay(100);
                }

                // A little further into the burst, a different moment each round.
                await Task.Delay(Random.Shared.Next(0, 150));
                Volatile.Write(ref killed, true);
                await app.KillAsync();
                await Task.WhenAll(burst);
                Assert.True(failures.IsEmpty, "a submission failed before the kill: " + string.Join("\n", failures));
                Assert.True(inRound >= AcknowledgedBeforeKill, $"round {round}: only {inRound} submissions acknowledged in a minute\n{app.Output}");
                output.WriteLine($"round {round}: {inRound} acknowledged in the burst, {unanswered.Count} cut off by the kill");
            }
            finally
            {
                await app.DisposeAsync();
            }

            var verify = await OperatorProcess.RunAsync(setup, "audit", "verify");
            Assert.True(verify.ExitCode == 0 && verify.Output.Contains("intact", StringComparison.Ordinal), $"after kill {round}: exit code {verify.ExitCode}\n{verify.Output}");
        }

        // Restarted once more: the last kill's unanswered submissions sent again, then everything counted.
        await using (var app = await AppProcess.StartAsync(environment))
        {
            using var client = await ApiClientAsync(app, reporterUser);
            await RetryAsync(client, unanswered, acknowledged);
        }

        Assert.True(acknowledged.Count >= Rounds * AcknowledgedBeforeKill, $"only {acknowledged.Count} acknowledged");
        await using var scope = setup.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().Signals.AsNoTracking()
            .Where(s => s.SubmittedById == reporterUser.Id).Select(s => s.Reference).ToListAsync();
        var missing = acknowledged.Values.Except(stored).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged submissions are missing: {string.Join(", ", missing.Take(10))}");
        // One signal per key: a request that was stored before the kill and sent again was answered with the same signal.
        Assert.Equal(acknowledged.Count, acknowledged.Values.Distinct().Count());
        Assert.Equal(acknowledged.Count, stored.Count);
        output.WriteLine($"{acknowledged.Count} acknowledged in all, {stored.Count} stored");
        var final = await OperatorProcess.RunAsync(setup, "audit", "verify");
        Assert.True(final.ExitCode == 0 && final.Output.Contains("intact", StringComparison.Ordinal), final.Output);
    }

    private static async Task<HttpClient> ApiClientAsync(AppProcess app, TestUser user)
    {
        using var signIn = new InstanceBrowser();
        await signIn.SignInForApiAsync(app, user);
        var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signIn.BearerToken);
        return client;
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, Submission submission)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/signals") { Content = JsonContent.Create(submission.Body) };
        request.Headers.Add("Idempotency-Key", submission.Key);
        return client.SendAsync(request);
    }

    /// <summary>Sends the unanswered submissions again, as their clients would after the outage: each must now be answered.</summary>
    private static async Task RetryAsync(HttpClient client, ConcurrentQueue<Submission> unanswered, ConcurrentDictionary<string, string> acknowledged)
    {
        while (unanswered.TryDequeue(out var submission))
        {
            using var response = await SubmitAsync(client, submission);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"sent again: {(int)response.StatusCode} {body}");
            acknowledged[submission.Key] = JsonDocument.Parse(body).RootElement.GetProperty("reference").GetString()!;
        }
    }
}

public sealed class CrashSafetyTestsOnSqlite(ITestOutputHelper output) : CrashSafetyTests(Database.Sqlite, output);

public sealed class CrashSafetyTestsOnPostgres(ITestOutputHelper output) : CrashSafetyTests(Database.Postgres, output);
