using System.Globalization;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Reference;
using SkiaSharp;

namespace Omvarld.Web.Features.Compilations;

/// <summary>A chart or the map as a picture: PNG for the DOCX or 8-bit RGB rows for the PDF (the other left empty), and its text alternative.</summary>
public sealed record ChartImage(int Width, int Height, byte[] Png, byte[] Rgb, string Alt);

/// <summary>What a chart is drawn into: each file takes one encoding only, so only that one is made.</summary>
public enum ChartFormat { Png = 1, Rgb = 2 }

/// <summary>
/// The compilation's charts, one layout for every output: the page's SVG (numbers written culture-invariant, as SVG
/// demands: "200.5", never the Swedish "200,5"), and the same bars and map drawn with SkiaSharp for the DOCX and the PDF.
/// Each bar's length is proportional to its figure, the largest figure of the section (either year) filling
/// <see cref="BarWidth"/>; the label beside it is the figure as the table writes it ("1 860 000 kr").
/// </summary>
public static class CompilationCharts
{
    public const int RowHeight = 22, LabelWidth = 220, BarWidth = 300, Width = LabelWidth + BarWidth + 110, MapWidth = 360, MapHeight = 150;
    public const string ThisYearColour = "#1f5f8b", PreviousColour = "#9aa7b4", TextColour = "#1a1a1a", LandColour = "#dfe4ea";

    public static int Height(CompilationSection s) => s.Rows.Count * RowHeight + 24;

    /// <summary>The largest figure of the section, at least 1 (so that an all-zero section draws no bar).</summary>
    public static decimal Max(CompilationSection s) => Math.Max(1m, s.Rows.Max(r => Math.Max(r.Value, r.Previous)));

    public static double Length(decimal value, decimal max) => (double)(Math.Max(0m, value) / max) * BarWidth;

    /// <summary>A number for SVG or CSS: invariant, at most three decimals.</summary>
    public static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A row label as the chart writes it: cut at 36 characters (the table beside has it whole).</summary>
    public static string Label(string label) => label.Length > 36 ? label[..35] + "…" : label;

    public static string Alt(CompilationSection s, Compilation c, IStringLocalizer l) =>
        $"{l["Compilation_ChartTitle", s.Title]}. {l["Compilation_ChartDesc", s.Title, c.Year, c.PreviousYear]}";

    /// <summary>The world map's countries (path, marked, Swedish name): marked where a partner was in the year.</summary>
    public static List<(string Path, bool Marked, string Name)> Map(Compilation c, ReferenceData reference)
    {
        var marked = c.Section(CompilationSections.Country)?.Rows.Where(r => r.Value > 0)
            .Select(r => reference.Country(r.Key)?.Numeric).OfType<string>().ToHashSet() ?? [];
        var names = reference.Countries.Where(x => x.Numeric != "").GroupBy(x => x.Numeric).ToDictionary(g => g.Key, g => g.First().NameSv);
        return reference.WorldMap.Select(kv => (kv.Value, marked.Contains(kv.Key), names.GetValueOrDefault(kv.Key) ?? "")).ToList();
    }

    public static string MapAlt(Compilation c, IStringLocalizer l)
    {
        var marked = c.Section(CompilationSections.Country)?.Rows.Where(r => r.Value > 0).Select(r => r.Label).ToList() ?? [];
        return $"{l["Compilation_MapTitle", c.Year]}. " + (marked.Count == 0 ? l["Compilation_MapNone", c.Year].Value : l["Compilation_MapDesc", c.Year, string.Join(", ", marked)].Value);
    }

    private static readonly Lazy<SKTypeface> Face = new(() =>
        SKTypeface.FromFile(Path.Combine(AppContext.BaseDirectory, "SeedData", "Fonts", "DejaVuSans.ttf")) ?? SKTypeface.Default);

    /// <summary>The section's bars (this year above the previous year, per row), drawn at <paramref name="scale"/> × the SVG's size.</summary>
    public static ChartImage Bars(CompilationSection s, Compilation c, IStringLocalizer l, ChartFormat format, float scale = 2.5f)
    {
        var max = Max(s);
        return Draw(Width, Height(s), scale, format, Alt(s, c, l), canvas =>
        {
            using var font = new SKFont(Face.Value, 10);
            using var small = new SKFont(Face.Value, 9);
            using var text = new SKPaint { Color = SKColor.Parse(TextColour), IsAntialias = true };
            using var now = new SKPaint { Color = SKColor.Parse(ThisYearColour) };
            using var before = new SKPaint { Color = SKColor.Parse(PreviousColour) };
            canvas.DrawRect(LabelWidth, 2, 10, 10, now);
            canvas.DrawText(c.Year.ToString(CultureInfo.InvariantCulture), LabelWidth + 14, 11, SKTextAlign.Left, font, text);
            canvas.DrawRect(LabelWidth + 60, 2, 10, 10, before);
            canvas.DrawText(c.PreviousYear.ToString(CultureInfo.InvariantCulture), LabelWidth + 74, 11, SKTextAlign.Left, font, text);
            for (var i = 0; i < s.Rows.Count; i++)
            {
                var r = s.Rows[i];
                var y = 20 + i * RowHeight;
                canvas.DrawText(Label(r.Label), LabelWidth - 6, y + 12, SKTextAlign.Right, font, text);
                var w = (float)Length(r.Value, max);
                canvas.DrawRect(LabelWidth, y, w, 9, now);
                canvas.DrawRect(LabelWidth, y + 10, (float)Length(r.Previous, max), 7, before);
                canvas.DrawText(CompilationExport.Figure(r.Value, s.Measure), LabelWidth + w + 4, y + 9, SKTextAlign.Left, small, text);
            }
        });
    }

    /// <summary>The world map, partner countries of the year marked, drawn from the page's SVG paths.</summary>
    public static ChartImage WorldMap(Compilation c, ReferenceData reference, IStringLocalizer l, ChartFormat format, float scale = 4f) =>
        Draw(MapWidth, MapHeight, scale, format, MapAlt(c, l), canvas =>
        {
            using var land = new SKPaint { Color = SKColor.Parse(LandColour), IsAntialias = true };
            using var marked = new SKPaint { Color = SKColor.Parse(ThisYearColour), IsAntialias = true };
            using var border = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.2f };
            foreach (var (data, isMarked, _) in Map(c, reference))
            {
                using var path = SKPath.ParseSvgPathData(data);
                if (path is null) continue;
                canvas.DrawPath(path, isMarked ? marked : land);
                canvas.DrawPath(path, border);
            }
        });

    private static ChartImage Draw(int width, int height, float scale, ChartFormat format, string alt, Action<SKCanvas> draw)
    {
        var (w, h) = ((int)Math.Ceiling(width * scale), (int)Math.Ceiling(height * scale));
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            draw(canvas);
        }
        if (format == ChartFormat.Png)
        {
            // zlib level 1: charts are flat colour, so the file is hardly larger and the encoding several times faster.
            using var pixels = bitmap.PeekPixels();
            using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 1))
                ?? throw new InvalidOperationException("SkiaSharp could not encode the chart as PNG.");
            return new ChartImage(w, h, png.ToArray(), [], alt);
        }
        var rgba = bitmap.GetPixelSpan();
        var rgb = new byte[w * h * 3];
        for (int i = 0, j = 0; i < rgba.Length; i += 4, j += 3)
        {
            rgb[j] = rgba[i];
            rgb[j + 1] = rgba[i + 1];
            rgb[j + 2] = rgba[i + 2];
        }
        return new ChartImage(w, h, [], rgb, alt);
    }
}
