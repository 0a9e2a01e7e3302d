using Omvarld.Web.Features;
using Omvarld.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddOmvarldLogging();
builder.AddOmvarldData();
builder.AddOmvarldSecurity();
builder.AddOmvarldWeb();
builder.AddOmvarldRateLimits();
builder.AddOmvarldFeatures();

var app = builder.Build();
if (!app.ValidateConfiguration()) return 1;
if (await app.RunCommandAsync(args) is { } exitCode) return exitCode;
if (!await app.PrepareDatabaseAsync()) return 1;

app.UseOmvarldPipeline();
app.MapOmvarldFeatures();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
