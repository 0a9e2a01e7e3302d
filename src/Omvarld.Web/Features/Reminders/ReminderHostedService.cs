namespace Omvarld.Web.Features.Reminders;

/// <summary>
/// <c>Reminders:RunHourly</c>: runs the reminders every hour inside the app. Safe on several instances at once, since
/// <see cref="ReminderService"/> claims each reminder in the database before sending it.
/// </summary>
public sealed class ReminderHostedService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReminderHostedService> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var service = scope.ServiceProvider.GetRequiredService<ReminderService>();
                var run = await service.SendDueRemindersAsync(service.Today, stoppingToken);
                if (run.MailsSent + run.Failures > 0)
                    log.LogInformation("Results reminders: {Sent} mail(s) sent, {Failures} failed.", run.MailsSent, run.Failures);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The results reminder run failed; it runs again in an hour.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
