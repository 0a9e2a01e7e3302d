using Microsoft.Extensions.Localization;

namespace Omvarld.Web.Features.Compilations;

/// <summary>The compilation as PDF (PDFsharp).</summary>
public static class CompilationPdf
{
    public static byte[] Render(Compilation c, IStringLocalizer l) => throw new NotImplementedException();
}
