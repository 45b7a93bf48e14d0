using SkiaSharp;
using Svg.Skia;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// A PNG copy of an <see cref="SvgMap"/> map, for documents that cannot hold SVG alone (a DOCX needs a raster picture;
/// Word's SVG support still wants a PNG fallback). Svg.Skia draws the very SVG the page shows, so there is one
/// drawing of the map: fills, hatch patterns and boundaries come out as the browser renders them.
/// </summary>
public static class MapPng
{
    /// <param name="scale">Pixels per map unit: 2 keeps the hatching crisp in print.</param>
    public static (byte[] Png, int Width, int Height) Render(SvgMap.MapSpec spec, int scale = 2)
    {
        using var svg = new SKSvg();
        var picture = svg.FromSvg(SvgMap.Render(spec, standalone: false))
            ?? throw new InvalidOperationException($"The map \"{spec.Title}\" could not be drawn.");
        var bounds = picture.CullRect;
        int w = (int)Math.Ceiling(bounds.Width * scale), h = (int)Math.Ceiling(bounds.Height * scale);
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            canvas.DrawPicture(picture);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return (data.ToArray(), w, h);
    }
}
