using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Meldroute.Tests.TestSupport;

/// <summary>Ways in for a test: a browser-like cookie session through the real forms, or an API bearer token.</summary>
public static partial class Sessions
{
    public static HttpClient CreateBrowser(this MeldrouteAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true });

    /// <summary>Fetches the form page, takes its antiforgery token and posts the fields like a browser does.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(formUrl);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {formUrl} ({(int)page.StatusCode}).");
        }

        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(postUrl ?? formUrl, new FormUrlEncodedContent(body));
    }

    /// <summary>Signs in through the login form and, if asked for, the authenticator code form.</summary>
    public static async Task<HttpClient> SignInAsync(this MeldrouteAppFactory app, TestUser user)
    {
        var client = app.CreateBrowser();
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        if (response.Headers.Location?.OriginalString.StartsWith("/Account/LoginWith2fa", StringComparison.Ordinal) == true)
        {
            response = await client.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = user.CurrentCode() });
        }

        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in did not complete: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return client;
    }

    public static async Task<string> GetAccessTokenAsync(this MeldrouteAppFactory app, TestUser user)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password, twoFactorCode = user.AuthenticatorKey is null ? null : user.CurrentCode() });
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("accessToken").GetString()!;
    }

    public static async Task<HttpClient> CreateApiClientAsync(this MeldrouteAppFactory app, TestUser user)
    {
        var token = await app.GetAccessTokenAsync(user);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex AntiforgeryField();
}
