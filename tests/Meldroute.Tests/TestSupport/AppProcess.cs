using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Meldroute.Tests.TestSupport;

/// <summary>
/// The built app serving as its own process (`dotnet Meldroute.Web.dll --urls …`) on a free loopback port, in the
/// Production environment, as one instance of several. Settings come as environment variables, like a service unit's.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Everything the app wrote so far (JSON log lines).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the app as a process; by default returns once it is ready.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment, bool waitUntilReady = true)
    {
        var port = PostgresCluster.FreePort();
        var folder = Directory.CreateTempSubdirectory("meldroute-instance-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Meldroute.Web.dll"));
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // As behind nginx on the same machine (docs/operations.md): the tests speak for it with X-Forwarded-Proto.
        start.Environment["Meldroute__TrustedProxies"] = "127.0.0.1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var instance = new AppProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        instance.process.OutputDataReceived += (_, e) => instance.Append(e.Data);
        instance.process.ErrorDataReceived += (_, e) => instance.Append(e.Data);
        instance.process.BeginOutputReadLine();
        instance.process.BeginErrorReadLine();
        if (waitUntilReady)
        {
            await instance.WaitUntilReadyAsync();
        }

        return instance;
    }

    /// <summary>Waits (polling, up to a minute on a busy machine) until the output holds the text.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        for (var i = 0; i < 600 && !Output.Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        if (!Output.Contains(text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The instance never wrote \"{text}\". Output:\n{Output}");
        }
    }

    /// <summary>Kills the process at once (SIGKILL on Linux, as `kill -9`): no shutdown, nothing flushed or finished.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    public async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        for (var i = 0; i < 240; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The instance stopped with exit code {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
                request.Headers.Add("X-Forwarded-Proto", "https");
                if ((await client.SendAsync(request)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still starting on a busy machine (the first request waits for the start-up work).
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"The instance did not become ready:\n{Output}");
    }
}

/// <summary>
/// A browser that talks to several instances as if they were one site behind a TLS-terminating proxy: every request
/// says <c>X-Forwarded-Proto: https</c> (trusted from loopback), and one cookie jar serves all instances, as a load
/// balancer in front of them would make it.
/// </summary>
public sealed class InstanceBrowser : IDisposable
{
    private readonly HttpClient client = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    public string? BearerToken { get; set; }

    public async Task<HttpResponseMessage> SendAsync(AppProcess instance, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(instance.Address, path)) { Content = content };
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        if (BearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        }

        var response = await client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';', 2)[0].Split('=', 2);
            if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                cookies.Remove(pair[0]);
            }
            else
            {
                cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }

    public Task<HttpResponseMessage> GetAsync(AppProcess instance, string path) => SendAsync(instance, HttpMethod.Get, path);

    public Task<HttpResponseMessage> PostJsonAsync(AppProcess instance, string path, object body) =>
        SendAsync(instance, HttpMethod.Post, path, JsonContent.Create(body));

    /// <summary>The antiforgery token of the form page at <paramref name="path"/> on this instance.</summary>
    public async Task<string> FormTokenAsync(AppProcess instance, string path)
    {
        var html = await (await GetAsync(instance, path)).Content.ReadAsStringAsync();
        var token = Sessions.AntiforgeryField().Match(html);
        return token.Success ? WebUtility.HtmlDecode(token.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    public Task<HttpResponseMessage> PostFormAsync(AppProcess instance, string path, string token, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(instance, HttpMethod.Post, path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));

    /// <summary>Signs in through the login form and the authenticator-code form of one instance.</summary>
    public async Task SignInAsync(AppProcess instance, TestUser user)
    {
        var login = await PostFormAsync(instance, "/Account/Login", await FormTokenAsync(instance, "/Account/Login"), [new("Input.Email", user.Email), new("Input.Password", user.Password)]);
        if (login.Headers.Location?.OriginalString.StartsWith("/Account/LoginWith2fa", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"Sign-in did not ask for the second factor: {(int)login.StatusCode} {login.Headers.Location}");
        }

        var code = await PostFormAsync(instance, "/Account/LoginWith2fa", await FormTokenAsync(instance, "/Account/LoginWith2fa"), [new("Input.Code", user.CurrentCode())]);
        if (code.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in did not complete: {(int)code.StatusCode}");
        }
    }

    /// <summary>Signs in on the token endpoint of one instance; later requests carry the bearer token.</summary>
    public async Task SignInForApiAsync(AppProcess instance, TestUser user)
    {
        var response = await PostJsonAsync(instance, "/api/auth/login", new { email = user.Email, password = user.Password, twoFactorCode = user.CurrentCode() });
        BearerToken = (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("accessToken").GetString();
    }

    public void Dispose() => client.Dispose();
}
