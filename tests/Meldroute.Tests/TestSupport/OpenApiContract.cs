using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Meldroute.Tests.TestSupport;

/// <summary>
/// The app's OpenAPI document as a checker of responses: finds the operation a request went to (method and path
/// template), the response the document lists for its status (an error status not listed: the "default" response), and
/// checks the response's content type and, for JSON, its body against that response's schema (JSON Schema 2020-12, as
/// OpenAPI 3.1 defines it, with the document's components). No I/O.
/// </summary>
public sealed class OpenApiContract
{
    private const string DefinitionsId = "https://meldroute.test/openapi/v1.json";
    private const string ComponentPrefix = "#/components/schemas/";

    private readonly List<Operation> operations = [];
    private readonly BuildOptions buildOptions = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly Dictionary<string, JsonSchema> schemas = new(StringComparer.Ordinal);
    private readonly Lock schemasLock = new();

    private OpenApiContract(JsonObject document)
    {
        var definitions = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = DefinitionsId,
            ["$defs"] = WithReferences(document["components"]?["schemas"]?.DeepClone() ?? new JsonObject(), "#/$defs/"),
        };
        JsonSchema.FromText(definitions.ToJsonString(), buildOptions, new Uri(DefinitionsId));

        foreach (var (template, pathItem) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in pathItem!.AsObject())
            {
                if (operation is JsonObject op && op["responses"] is JsonObject responses)
                {
                    operations.Add(new Operation(method.ToUpperInvariant(), template, Pattern(template), template.Count(c => c == '{'), op["operationId"]?.GetValue<string>(), responses));
                }
            }
        }
    }

    /// <summary>How many operations the document has.</summary>
    public int OperationCount => operations.Count;

    public static OpenApiContract Parse(string documentJson) =>
        new(JsonNode.Parse(documentJson)?.AsObject() ?? throw new ArgumentException("Not an OpenAPI document.", nameof(documentJson)));

    /// <summary>
    /// Null when the response keeps to the document, else what is wrong, naming the operation. A request to a path the
    /// document has no operation for (an unknown API path, a page) is not the document's business: null.
    /// </summary>
    public string? Check(string method, string path, int status, string? contentType, ReadOnlySpan<byte> body)
    {
        var operation = Find(method, path);
        if (operation is null)
        {
            return null;
        }

        var name = $"{operation.Method} {operation.Template} ({operation.Id ?? "no operationId"}) answered {status}";
        var statusKey = status.ToString(CultureInfo.InvariantCulture);
        var response = operation.Responses[statusKey]
            ?? operation.Responses[statusKey[0] + "XX"]
            ?? (status >= 400 ? operation.Responses["default"] : null);
        if (response is null)
        {
            return $"{name}: the document lists no response {status} for it (it lists {string.Join(", ", operation.Responses.Select(r => r.Key))}).";
        }

        var content = response["content"] as JsonObject;
        if (body.IsEmpty)
        {
            return content is null || content.Count == 0 || status is 204 or 304
                ? null
                : $"{name} with an empty body; the document describes content ({string.Join(", ", content.Select(c => c.Key))}).";
        }

        var mediaType = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (content is null || content.Count == 0)
        {
            return $"{name} with a body ({(mediaType.Length == 0 ? "no content type" : mediaType)}); the document describes none.";
        }

        var described = content.FirstOrDefault(c => Matches(c.Key, mediaType));
        if (described.Key is null)
        {
            return $"{name} as {(mediaType.Length == 0 ? "no content type" : mediaType)}; the document lists {string.Join(", ", content.Select(c => c.Key))}.";
        }

        if (!IsJson(mediaType) || described.Value?["schema"] is not JsonNode schemaNode)
        {
            return null;
        }

        JsonElement instance;
        try
        {
            instance = JsonDocument.Parse(body.ToArray()).RootElement;
        }
        catch (JsonException e)
        {
            return $"{name}: the body is not JSON ({e.Message}).";
        }

        var schema = SchemaFor($"{operation.Method} {operation.Template} {statusKey} {described.Key}", schemaNode);
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid)
        {
            return null;
        }

        var problems = (result.Details ?? [result])
            .Where(d => !d.IsValid && d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Value} [{e.Key}]"))
            .Distinct()
            .Take(12)
            .ToList();
        var shown = Encoding.UTF8.GetString(body.Length > 2000 ? body[..2000] : body);
        return $"{name}: the body does not match the document's schema for {statusKey} {described.Key}:\n  {string.Join("\n  ", problems)}\nbody: {shown}";
    }

    private Operation? Find(string method, string path) =>
        operations
            .Where(o => o.Method == method.ToUpperInvariant() && o.Pattern.IsMatch(path))
            // A literal segment wins over a parameter: /api/partners/care-map before /api/partners/{id}.
            .OrderBy(o => o.Parameters)
            .FirstOrDefault();

    private JsonSchema SchemaFor(string key, JsonNode schemaNode)
    {
        lock (schemasLock)
        {
            if (!schemas.TryGetValue(key, out var schema))
            {
                var node = WithReferences(schemaNode.DeepClone(), DefinitionsId + "#/$defs/");
                if (node is JsonObject obj)
                {
                    obj["$schema"] = "https://json-schema.org/draft/2020-12/schema";
                }

                schemas[key] = schema = JsonSchema.FromText(node.ToJsonString(), buildOptions, new Uri($"https://meldroute.test/responses/{schemas.Count}"));
            }

            return schema;
        }
    }

    /// <summary>Every "$ref" to a component made to point at the same schema under <paramref name="prefix"/>.</summary>
    private static JsonNode WithReferences(JsonNode node, string prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value?.GetValue<string>() is { } reference && reference.StartsWith(ComponentPrefix, StringComparison.Ordinal))
                    {
                        obj[key] = prefix + reference[ComponentPrefix.Length..];
                    }
                    else if (value is not null)
                    {
                        WithReferences(value, prefix);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.Where(i => i is not null))
                {
                    WithReferences(item!, prefix);
                }

                break;
        }

        return node;
    }

    private static Regex Pattern(string template) =>
        new("^" + string.Concat(template.Split('/').Skip(1).Select(segment => "/" + (segment.StartsWith('{') ? "[^/]+" : Regex.Escape(segment)))) + "/?$", RegexOptions.CultureInvariant);

    private static bool Matches(string described, string actual) =>
        described == actual || described == "*/*" || (described.EndsWith("/*", StringComparison.Ordinal) && actual.StartsWith(described[..^1], StringComparison.Ordinal));

    private static bool IsJson(string mediaType) => mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);

    private sealed record Operation(string Method, string Template, Regex Pattern, int Parameters, string? Id, JsonObject Responses);
}

/// <summary>A response that does not keep to the OpenAPI document: the test that got it fails with what is wrong.</summary>
public sealed class OpenApiContractViolation(string message) : Exception(message);
