using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Omvarld.Web.Features.Reminders;

/// <summary>Sends mail through the configured SMTP server (MailKit), one connection per message (a run sends a handful).</summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options)
{
    public MailboxAddress From => MailboxAddress.Parse(options.Value.From!);

    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        var o = options.Value;
        using var client = new SmtpClient();
        var tls = o.UseStartTls switch
        {
            SmtpTls.None => SecureSocketOptions.None,
            SmtpTls.WhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(o.Host!, o.Port, tls, ct);
        if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
