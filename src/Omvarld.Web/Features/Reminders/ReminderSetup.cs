using Microsoft.Extensions.Options;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Reminders;

public static class ReminderSetup
{
    /// <summary>SMTP, the reminder run, and (with <c>Reminders:RunHourly</c>) the hourly run inside the app.</summary>
    public static IServiceCollection AddOmvarldReminders(this IServiceCollection s, IConfiguration configuration)
    {
        s.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section);
        s.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateOnStart();
        s.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        s.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section);
        s.AddSingleton<SmtpMailer>();
        s.AddScoped<ReminderService>();
        if (configuration.GetValue<bool>($"{RemindersOptions.Section}:{nameof(RemindersOptions.RunHourly)}"))
            s.AddHostedService<ReminderHostedService>();
        return s;
    }
}
