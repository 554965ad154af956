using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Meldroute.Web.Infrastructure;

/// <summary>
/// What the OpenAPI document (/openapi/v1.json) says beyond what the generator infers, so that a client can rely on
/// it: every enum is a string with its values listed (also a [Flags] enum, whose sets travel as arrays of single
/// values; the generator would describe one as a bare string), and every error an operation can answer is an RFC 9457
/// problem (the "default" response).
/// </summary>
public static class OpenApiDocumentRules
{
    /// <summary>The component that describes an error response.</summary>
    public const string ProblemSchema = "Problem";

    public static void Configure(OpenApiOptions options)
    {
        options.AddSchemaTransformer(DescribeEnumAsync);
        options.AddSchemaTransformer(DescribeNullableValuesAsync);
        options.AddOperationTransformer(DescribeFileResponsesAsync);
        options.AddDocumentTransformer(AddProblemResponsesAsync);
    }

    /// <summary>
    /// An enum's own schema: a string, one of its values as JSON writes them (the app's options: names, or a
    /// JsonStringEnumMemberName). Never null among them: where an enum is optional, the property's schema says so
    /// (oneOf null or the enum), not the enum's shared component. The wrapper schemas around it are left alone.
    /// </summary>
    private static Task DescribeEnumAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (!type.IsEnum || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } || schema.AllOf is { Count: > 0 })
        {
            return Task.CompletedTask;
        }

        schema.Type = JsonSchemaType.String;
        schema.Enum = [.. Enum.GetValues(type).Cast<object>().Select(value => (JsonNode)JsonSerializer.SerializeToNode(value, type, context.JsonTypeInfo.Options)!)];
        return Task.CompletedTask;
    }

    /// <summary>
    /// A dictionary (or a list of them) marked <see cref="NullableValuesAttribute"/>: its values may be null. The
    /// generator cannot see a generic argument's nullability (string? is string at run time), so the mark says it.
    /// </summary>
    private static Task DescribeNullableValuesAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider?.IsDefined(typeof(NullableValuesAttribute), inherit: false) != true)
        {
            return Task.CompletedTask;
        }

        var target = schema;
        while (target.AdditionalProperties is null && target.Items is OpenApiSchema items)
        {
            target = items;
        }

        if (target.AdditionalProperties is OpenApiSchema values)
        {
            values.Type = (values.Type ?? JsonSchemaType.String) | JsonSchemaType.Null;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A response declared with content types but no type (a file: .Produces(200, contentType: "text/csv")) lists
    /// those content types, without a schema; the generator would leave the response without any content.
    /// </summary>
    private static Task DescribeFileResponsesAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var files = context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>()
            .Where(p => (p.Type is null || p.Type == typeof(void)) && p.ContentTypes.Any());
        foreach (var file in files)
        {
            var key = file.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            operation.Responses ??= [];
            if (operation.Responses.GetValueOrDefault(key) is not OpenApiResponse response)
            {
                operation.Responses[key] = response = new OpenApiResponse { Description = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(file.StatusCode) };
            }

            response.Content ??= new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
            foreach (var contentType in file.ContentTypes)
            {
                response.Content.TryAdd(contentType.Split(';')[0].Trim(), new OpenApiMediaType());
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Every operation's "default" response: any status the operation does not list is an error, answered as a
    /// problem (application/problem+json) with at least its status and a title.
    /// </summary>
    private static Task AddProblemResponsesAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An error as RFC 9457 problem details; the title (and detail) in the caller's language.",
            Required = new HashSet<string>(StringComparer.Ordinal) { "status", "title" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "Where to find the error in the log." },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Per field, its messages (a request that was not valid).",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
        foreach (var operation in (document.Paths ?? []).Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []))
        {
            operation.Responses ??= [];
            operation.Responses["default"] = new OpenApiResponse
            {
                Description = "An error: any status not listed, as problem details.",
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                },
            };
        }

        return Task.CompletedTask;
    }
}

/// <summary>The values of this dictionary (or of each dictionary in this list) may be null; see <see cref="OpenApiDocumentRules"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NullableValuesAttribute : Attribute;
