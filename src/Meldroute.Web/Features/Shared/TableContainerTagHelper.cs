using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Shared;

/// <summary>
/// Every table's container (<c>&lt;div class="utrecht-table-container"&gt;</c>) scrolls sideways on a narrow screen
/// instead of the page (WCAG 1.4.10 reflow). A region that scrolls must be reachable by keyboard (axe
/// <c>scrollable-region-focusable</c>), so it becomes a focusable, named region: named after its table's caption.
/// </summary>
[HtmlTargetElement("div", Attributes = "[class^=utrecht-table-container]")]
public sealed partial class TableContainerTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.ContainsName("tabindex"))
        {
            return;
        }

        var content = (await output.GetChildContentAsync()).GetContent();
        var caption = Caption().Match(content) is { Success: true } m ? WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, " ")).Trim() : "";
        output.Attributes.SetAttribute("tabindex", "0");
        output.Attributes.SetAttribute("role", "region");
        output.Attributes.SetAttribute("aria-label", caption.Length > 0 ? Whitespace().Replace(caption, " ") : t["Layout_TableRegion"].Value);
        output.Content.SetHtmlContent(content);
    }

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
