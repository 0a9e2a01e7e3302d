using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Omvarld.Web.Features.Shared;

/// <summary>
/// Issue 16.2 (WCAG 1.4.10 reflow): every <c>table</c> sits in its own horizontally scrolling wrapper, so that a
/// wide table scrolls by itself at 320 px and the page does not. site.js makes the wrapper a focusable, named region
/// when it does overflow (keyboard users can then scroll it); without the script it still scrolls by touch and mouse.
/// (data-region-label is no longer read by site.js: a named region repeated the table's caption as a second landmark.)
/// </summary>
[HtmlTargetElement("table")]
public sealed class TableScrollTagHelper(IStringLocalizer<SharedResource> l) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.PreElement.AppendHtml($"<div class=\"table-scroll\" data-region-label=\"{System.Net.WebUtility.HtmlEncode(l["Shell_TableRegion"].Value)}\">");
        output.PostElement.AppendHtml("</div>");
    }
}
