using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback (scripts/smtp-for-tests.py: Debian's python3-aiosmtpd writing a maildir) for the
/// reminder tests. Like the PostgreSQL fixture it fails with what to install when the server cannot start: the SMTP
/// tests never pass without having sent mail.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    public const string Install = "sudo apt-get install -y python3-aiosmtpd";
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;

    private SmtpTestServer(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }
    public string Maildir { get; }

    public static async Task<SmtpTestServer> StartAsync()
    {
        if (!File.Exists(Python))
            throw new InvalidOperationException($"The SMTP tests need Debian's {Python} with aiosmtpd. Install with:  {Install}");
        var maildir = Path.Combine(Path.GetTempPath(), "omvarld-tests", "mail-" + Guid.NewGuid().ToString("N"));
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { Path.Combine(RepositoryFiles.Root, "scripts", "smtp-for-tests.py"), port.ToString(), maildir },
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + Python);
        var ready = process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(20))) != ready || ready.Result?.StartsWith("listening", StringComparison.Ordinal) != true)
        {
            if (!process.HasExited) process.Kill();
            var error = await process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"The SMTP test server did not start ({error.Trim()}). The reminder tests need python3-aiosmtpd. Install with:  {Install}");
        }
        return new SmtpTestServer(process, port, maildir);
    }

    /// <summary>Every message the server has received, parsed.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        new[] { "new", "cur" }.Select(d => Path.Combine(Maildir, d)).Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles).Select(f => MimeMessage.Load(f)).ToList();

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill();
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        try { Directory.Delete(Maildir, recursive: true); } catch (IOException) { }
        await Task.CompletedTask;
    }
}

/// <summary>The app with e-mail enabled against <see cref="SmtpTestServer"/>; links in mails point to https://omvarld.test.</summary>
public interface IMailingApp
{
    SmtpTestServer Smtp { get; }
}

internal static class MailSettings
{
    public const string BaseUrl = "https://omvarld.test";
    public const string From = "Omvärld <omvarld@omvarld.test>";

    public static IEnumerable<(string, string)> For(SmtpTestServer smtp) =>
    [
        ("Smtp:Enabled", "true"), ("Smtp:Host", "127.0.0.1"), ("Smtp:Port", smtp.Port.ToString()), ("Smtp:UseStartTls", "None"),
        ("Smtp:From", From), ("App:BaseUrl", BaseUrl),
    ];
}

public sealed class SqliteMailingApp : SqliteApp, IMailingApp
{
    public SmtpTestServer Smtp { get; private set; } = null!;
    protected override IEnumerable<(string Key, string Value)> Settings => MailSettings.For(Smtp);

    public override async Task InitializeAsync()
    {
        Smtp = await SmtpTestServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Smtp is not null) await Smtp.DisposeAsync();
    }
}

public sealed class PostgresMailingApp : PostgresApp, IMailingApp
{
    public SmtpTestServer Smtp { get; private set; } = null!;
    protected override IEnumerable<(string Key, string Value)> Settings => MailSettings.For(Smtp);

    public override async Task InitializeAsync()
    {
        Smtp = await SmtpTestServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Smtp is not null) await Smtp.DisposeAsync();
    }
}
