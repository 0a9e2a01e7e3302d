using Omvarld.Web.Features.Shared;

namespace Omvarld.Web.Tests.Features.Usability;

/// <summary>Issue 16.6: the helpers that write counts and decision references in Swedish.</summary>
public sealed class SwedishTextTests
{
    [Theory]
    [InlineData("87", "§ 87")]
    [InlineData("§ 87", "§ 87")]
    [InlineData("§87", "§ 87")]
    [InlineData(" §§ 87 ", "§ 87")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Paragraph_WritesTheSignOnce(string? typed, string shown) => Assert.Equal(shown, Format.Paragraph(typed));
}
