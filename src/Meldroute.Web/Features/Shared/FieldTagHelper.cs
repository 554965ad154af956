using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Meldroute.Web.Features.Shared;

/// <summary>
/// A labelled NL Design System form field: label, optional description, the Dutch error message next to the
/// field (linked with aria-describedby), and the input holding what the user typed — except passwords.
/// <code>&lt;mr-field for="Input.Email" label="@T["..."]" type="email" autocomplete="username" /&gt;</code>
/// </summary>
[HtmlTargetElement("mr-field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public required ModelExpression For { get; set; }

    public string Label { get; set; } = "";

    public string? Description { get; set; }

    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public string? Inputmode { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList() ?? [];
        var invalid = errors.Count > 0;
        var value = Type == "password" ? "" : state?.AttemptedValue ?? For.Model switch
        {
            // Date inputs take ISO dates whatever the page's language.
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            var other => Convert.ToString(other, CultureInfo.CurrentCulture) ?? "",
        };
        var required = For.Metadata.IsRequired;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "utrecht-form-field utrecht-form-field--text" + (invalid ? " utrecht-form-field--invalid" : ""));

        var describedBy = new List<string>();
        var html = output.Content;
        html.AppendHtml("<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"").Append(id).AppendHtml("\">")
            .Append(Label).AppendHtml("</label></div>");
        if (!string.IsNullOrEmpty(Description))
        {
            describedBy.Add(id + "-description");
            html.AppendHtml("<div class=\"utrecht-form-field__description utrecht-form-field-description\" id=\"").Append(id + "-description").AppendHtml("\">")
                .Append(Description).AppendHtml("</div>");
        }

        if (invalid)
        {
            describedBy.Add(id + "-error");
            html.AppendHtml("<div class=\"utrecht-form-field__error-message utrecht-form-field-error-message\" id=\"").Append(id + "-error").AppendHtml("\">");
            foreach (var error in errors)
            {
                html.AppendHtml("<p class=\"utrecht-paragraph\">").Append(error).AppendHtml("</p>");
            }

            html.AppendHtml("</div>");
        }

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("utrecht-textbox utrecht-textbox--html-input" + (invalid ? " utrecht-textbox--invalid" : ""));
        input.Attributes["type"] = Type;
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["value"] = value;
        if (required)
        {
            input.Attributes["required"] = "required";
            input.Attributes["aria-required"] = "true";
        }

        if (invalid)
        {
            input.Attributes["aria-invalid"] = "true";
        }

        if (describedBy.Count > 0)
        {
            input.Attributes["aria-describedby"] = string.Join(' ', describedBy);
        }

        if (Autocomplete is not null)
        {
            input.Attributes["autocomplete"] = Autocomplete;
        }

        if (Inputmode is not null)
        {
            input.Attributes["inputmode"] = Inputmode;
        }

        html.AppendHtml("<div class=\"utrecht-form-field__input\">").AppendHtml(input).AppendHtml("</div>");
    }
}
