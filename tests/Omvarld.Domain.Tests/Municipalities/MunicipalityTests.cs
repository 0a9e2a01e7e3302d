using Omvarld.Domain.Municipalities;

namespace Omvarld.Domain.Tests.Municipalities;

public class MunicipalityTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("upplands-bro", true)]
    [InlineData("boras", true)]
    [InlineData("Borås", false)]
    [InlineData("-boras", false)]
    [InlineData("boras stad", false)]
    [InlineData("", false)]
    public void Create_Slug_OnlyLowercaseAsciiWithHyphens(string slug, bool ok)
    {
        var (m, result) = Municipality.Create("Kommun", slug, null, false, Now);
        Assert.Equal(ok, result.IsOk);
        Assert.Equal(ok, m is not null);
    }

    [Theory]
    [InlineData("1490", true)]
    [InlineData("0139", true)]
    [InlineData("149", false)]
    [InlineData("14a0", false)]
    public void Create_MunicipalityCode_IsFourDigits(string code, bool ok) =>
        Assert.Equal(ok, Municipality.Create("Kommun", "kommun", code, false, Now).Result.IsOk);

    [Fact]
    public void Update_InvalidInput_LeavesValuesUnchanged()
    {
        var (m, _) = Municipality.Create("Borås Stad", "boras", "1490", false, Now);
        var result = m!.Update("", "boras", "1490");
        Assert.False(result.IsOk);
        Assert.Equal("Borås Stad", m.Name);
    }
}
