using Microsoft.Extensions.Options;
using MimeKit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Reminders;

/// <summary>How the SMTP connection is secured: <c>None</c> (plain, e.g. a relay on loopback), STARTTLS <c>WhenAvailable</c>, or <c>Required</c>.</summary>
public enum SmtpTls { None, WhenAvailable, Required }

/// <summary><c>Smtp:*</c>: the mail server for reminders. Off unless <see cref="Enabled"/>: no mail leaves an unconfigured installation.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public bool Enabled { get; set; }
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpTls UseStartTls { get; set; } = SmtpTls.Required;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>The sender, e.g. <c>Omvärld &lt;omvarld@kommun.se&gt;</c>.</summary>
    public string? From { get; set; }
}

/// <summary><c>Reminders:*</c>: whether the app itself runs the reminders every hour (otherwise cron runs <c>send-reminders</c>).</summary>
public sealed class RemindersOptions
{
    public const string Section = "Reminders";
    public bool RunHourly { get; set; }
}

/// <summary>With e-mail enabled, the server, the sender and the links' base address must be set.</summary>
internal sealed class SmtpOptionsValidator(IOptions<AppOptions> app) : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions o)
    {
        if (!o.Enabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Host)) failures.Add("Smtp:Enabled is true but Smtp:Host is empty. Set the mail server, e.g. Smtp__Host=smtp.kommun.se.");
        if (o.Port is < 1 or > 65535) failures.Add($"Smtp:Port is {o.Port}; it must be between 1 and 65535 (587 for STARTTLS, 25 for a local relay).");
        if (!Enum.IsDefined(o.UseStartTls)) failures.Add("Smtp:UseStartTls must be None, WhenAvailable or Required.");
        if (string.IsNullOrWhiteSpace(o.From) || !MailboxAddress.TryParse(o.From, out _))
            failures.Add($"Smtp:From is '{o.From}'; set the sender, e.g. Smtp__From='Omvärld <omvarld@kommun.se>'.");
        if (string.IsNullOrEmpty(o.UserName) != string.IsNullOrEmpty(o.Password))
            failures.Add("Set both Smtp:UserName and Smtp:Password, or neither.");
        if (app.Value.ParsedBaseUrl is null)
            failures.Add($"Smtp:Enabled is true but App:BaseUrl is '{app.Value.BaseUrl}'; set the address the links in e-mails point to, e.g. App__BaseUrl=https://omvarld.kommun.se.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
