using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Omvarld.Web.Features.Policies.Reading;

/// <summary>
/// The normalised text as HTML with every item's passage marked: an anchor (<c>id="src-{item}"</c>) where a passage
/// begins, for the item's "show in the text" link, and <c>&lt;mark&gt;</c> around each stretch with the items it belongs to
/// (<c>data-items</c>), which the review script highlights for the item in focus. Passages may overlap.
/// </summary>
public static class SourceMarks
{
    public static IHtmlContent Render(string text, IReadOnlyList<MarkedSpan> marks)
    {
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var m in marks) { cuts.Add(m.Start); cuts.Add(m.Start + m.Length); }
        var anchored = new HashSet<string>();
        var sb = new StringBuilder();
        var points = cuts.ToList();
        for (var i = 0; i < points.Count - 1; i++)
        {
            var (from, to) = (points[i], points[i + 1]);
            foreach (var m in marks.Where(m => m.Start == from && anchored.Add(m.Item)))
                sb.Append("<span class=\"source-anchor\" id=\"src-").Append(m.Item).Append("\"></span>");
            var items = marks.Where(m => m.Start <= from && m.Start + m.Length >= to).Select(m => m.Item).Distinct().ToList();
            var segment = HtmlEncoder.Default.Encode(text[from..to]);
            if (items.Count == 0) sb.Append(segment);
            else sb.Append("<mark class=\"passage\" data-items=\"").Append(string.Join(' ', items)).Append("\">").Append(segment).Append("</mark>");
        }
        return new HtmlString(sb.ToString());
    }
}
