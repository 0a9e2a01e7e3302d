using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Omvarld.Web.Features.Shared;

/// <summary>
/// Issue 16.2 (WCAG 1.4.10 reflow): every <c>table</c> sits in its own horizontally scrolling wrapper, so that a
/// wide table scrolls by itself at 320 px and the page does not. site.js makes the wrapper focusable when it does
/// overflow (keyboard users can then scroll it); without the script it still scrolls by touch and mouse. The wrapper
/// is not a named region: that would repeat the table's caption as a second landmark. Pages never wrap a table
/// themselves.
/// </summary>
[HtmlTargetElement("table")]
public sealed class TableScrollTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.PreElement.AppendHtml("<div class=\"table-scroll\">");
        output.PostElement.AppendHtml("</div>");
    }
}
