using Omvarld.Web.Tests.Infrastructure;
namespace Omvarld.Web.Tests.Attacks;
public sealed class DumpTmp(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Dump()
    {
        var c = app.NewClient();
        await File.WriteAllTextAsync("/tmp/attack-openapi.json", await c.GetStringAsync("/openapi/v1.json"));
    }
}
