#:package Microsoft.Playwright
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
// Takes the README's screenshots of a running Omvärld (the demo): the coordinator's start page at 1280 px and at
// 320 px. Run the app first (`dotnet run --project src/Omvarld.Web`), then:
//   dotnet run tools/screenshots.cs -- http://localhost:5000 docs/screenshots src/Omvarld.Web/App_Data/demo-logins.txt
// (the third argument is the demo logins file the first start wrote; the coordinator of Borås signs in).
// Drives Debian's Chromium (/usr/bin/chromium); nothing is downloaded.
using Microsoft.Playwright;

var baseUrl = args.Length > 0 ? args[0] : "http://localhost:5000";
var folder = args.Length > 1 ? args[1] : "docs/screenshots";
var logins = args.Length > 2 ? args[2] : "src/Omvarld.Web/App_Data/demo-logins.txt";
var coordinator = File.ReadLines(logins).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
    .First(w => w.Contains("samordnare@boras.demo"));
var (email, password) = (coordinator[^2], coordinator[^1]);
Directory.CreateDirectory(folder);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
foreach (var (width, name) in new[] { (1280, "start-coordinator-1280.png"), (320, "start-coordinator-320.png") })
{
    var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "sv-SE", ViewportSize = new() { Width = width, Height = 900 } });
    var page = await context.NewPageAsync();
    await page.GotoAsync("/konto/logga-in");
    await page.FillAsync("input[type=email]", email);
    await page.FillAsync("input[type=password]", password);
    await page.ClickAsync("button[type=submit]");
    await page.WaitForURLAsync(u => !u.Contains("logga-in"));
    await page.GotoAsync("/");
    await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = width == 320 ? false : true });
    Console.WriteLine($"{Path.Combine(folder, name)} ({width} px)");
    await context.CloseAsync();
}
