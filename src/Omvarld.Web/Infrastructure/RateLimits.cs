using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Omvarld.Web.Infrastructure;

/// <summary>
/// <c>RateLimits:*</c> (issue 17): how much one client may ask of one instance. The defaults let a coordinator click
/// around all day and stop a script that hammers the API. The counts live in the instance's memory: with N instances
/// behind a load balancer a client gets up to N times the limit (the decided trade-off, see README → Configuration).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";
    /// <summary>Off only for a test or an installation that limits in front of the app.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Requests a signed-in user (session or API token) may make per <see cref="WindowSeconds"/>, pages and API together.</summary>
    public int PerUser { get; set; } = 600;
    /// <summary>Requests an anonymous client (by remote address: the open pages, the open data API, sign-in) may make per window.</summary>
    public int PerAddress { get; set; } = 300;
    public int WindowSeconds { get; set; } = 60;
    /// <summary>Expensive requests (the compilation and its exports, list exports) running at once on the instance.</summary>
    public int ExpensiveConcurrent { get; set; } = 4;
    /// <summary>Expensive requests that wait for one of those places before the next one is refused.</summary>
    public int ExpensiveQueue { get; set; } = 8;
    /// <summary>What Retry-After says when an expensive request is refused (a concurrency limit knows no time of its own).</summary>
    public int ExpensiveRetryAfterSeconds { get; set; } = 10;
    /// <summary>
    /// How long an expensive request may work once it has its place before it is answered 503 with Retry-After
    /// (<see cref="ExpensiveRetryAfterSeconds"/>). Under a reverse proxy's own timeout (nginx: 60 s), so the user reads the
    /// app's Swedish answer rather than the proxy's. A compilation whose request gave up is still computed and kept.
    /// </summary>
    public int ExpensiveTimeoutSeconds { get; set; } = 30;
}

internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions o)
    {
        var failures = new List<string>();
        if (o.PerUser < 1) failures.Add("RateLimits:PerUser must be 1 or more.");
        if (o.PerAddress < 1) failures.Add("RateLimits:PerAddress must be 1 or more.");
        if (o.WindowSeconds < 1) failures.Add("RateLimits:WindowSeconds must be 1 or more.");
        if (o.ExpensiveConcurrent < 1) failures.Add("RateLimits:ExpensiveConcurrent must be 1 or more.");
        if (o.ExpensiveQueue < 0) failures.Add("RateLimits:ExpensiveQueue must be 0 or more.");
        if (o.ExpensiveRetryAfterSeconds < 1) failures.Add("RateLimits:ExpensiveRetryAfterSeconds must be 1 or more.");
        if (o.ExpensiveTimeoutSeconds < 1) failures.Add("RateLimits:ExpensiveTimeoutSeconds must be 1 or more.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// The one gate for expensive requests on this instance. A singleton, so the limiter outlives the rate limiting
/// middleware's idle partitions (it disposes a partition's limiter it has not used for a while).
/// </summary>
public sealed class ExpensiveRequestGate : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;

    public ExpensiveRequestGate(IOptions<RateLimitOptions> options)
    {
        var o = options.Value;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = o.ExpensiveConcurrent,
            QueueLimit = o.ExpensiveQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        Limiter = new Shared(_limiter);
    }

    /// <summary>The limiter the "expensive" policy hands out; disposing it leaves the gate open.</summary>
    public RateLimiter Limiter { get; }

    /// <summary>Takes a place at once, or none (the tests hold one to see the next request refused).</summary>
    public RateLimitLease TryEnter() => _limiter.AttemptAcquire();

    public void Dispose() => _limiter.Dispose();

    private sealed class Shared(RateLimiter inner) : RateLimiter
    {
        public override TimeSpan? IdleDuration => inner.IdleDuration;
        public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => inner.AttemptAcquire(permitCount);
        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            inner.AcquireAsync(permitCount, cancellationToken);
        protected override void Dispose(bool disposing) { }
        protected override ValueTask DisposeAsyncCore() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// Issue 17: the service protected under load with ASP.NET Core's rate limiter. Every request (pages and API) counts
/// against its client: the signed-in user (by user id, however many tokens they hold), otherwise the remote address (after
/// the forwarded headers). Expensive endpoints (<see cref="AsExpensive{TBuilder}"/>, or the two attributes on a page) also
/// take one of a few places and have a time of their own. A refused request is 429 with Retry-After, one that ran out of
/// time 503 with Retry-After: ProblemDetails in Swedish under /api/, the Swedish error page elsewhere.
/// </summary>
public static class RateLimits
{
    /// <summary>
    /// The rate limiting and request timeout policy of expensive endpoints: <see cref="AsExpensive{TBuilder}"/> on an API
    /// endpoint; <c>[EnableRateLimiting(RateLimits.Expensive)]</c> and <c>[RequestTimeout(RateLimits.Expensive)]</c> on a page.
    /// </summary>
    public const string Expensive = "expensive";

    /// <summary>The seconds to wait, for the error page the refused request is re-executed to.</summary>
    public const string RetryAfterItem = "Omvarld.RateLimits.RetryAfter";

    /// <summary>Set when the request ran out of its time (the error page then says so, not that the database is away).</summary>
    public const string TimedOutItem = "Omvarld.RateLimits.TimedOut";

    /// <summary>An expensive API endpoint: one of the few places, and its own time (<see cref="RateLimitOptions.ExpensiveTimeoutSeconds"/>).</summary>
    public static TBuilder AsExpensive<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder
    {
        endpoint.RequireRateLimiting(Expensive).WithRequestTimeout(Expensive);
        return endpoint;
    }

    public static WebApplicationBuilder AddOmvarldRateLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<ExpensiveRequestGate>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ExpensiveRequestGate>((o, limits, gate) =>
        {
            var l = limits.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => PerClient(context, l));
            o.AddPolicy(Expensive, context => l.Enabled && !IsReExecution(context)
                ? RateLimitPartition.Get(Expensive, _ => gate.Limiter)
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = (rejected, ct) => RejectAsync(rejected.HttpContext, rejected.Lease, l);
        });
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            var l = limits.Value;
            o.AddPolicy(Expensive, new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(l.ExpensiveTimeoutSeconds),
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = context => TimedOutAsync(context, l),
            });
        });
        return builder;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, RateLimitOptions l)
    {
        // The error page a refused request is re-executed to, and the load balancer's health probe, are never refused.
        if (!l.Enabled || IsReExecution(context) || context.Request.Path.StartsWithSegments("/health")) return RateLimitPartition.GetNoLimiter("");
        var user = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var (key, permits) = user is not null
            ? ("user:" + user, l.PerUser)
            : ("address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), l.PerAddress);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(l.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>
    /// The request ran out of its time (the middleware has set 503 and cleared what was written): Retry-After, and
    /// ProblemDetails in the API; a page is re-executed to the Swedish error page, which reads <see cref="TimedOutItem"/>.
    /// </summary>
    private static async Task TimedOutAsync(HttpContext context, RateLimitOptions l)
    {
        var seconds = l.ExpensiveRetryAfterSeconds;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Items[TimedOutItem] = seconds;
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))
            .LogWarning("{Path} ran out of its {Seconds} s and was answered 503.", context.Request.Path, l.ExpensiveTimeoutSeconds);
        if (Problems.IsApi(context))
            await Problems.Write(context, StatusCodes.Status503ServiceUnavailable, "Timeout_Title", "Timeout_Detail", seconds);
    }

    private static bool IsReExecution(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;

    private static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease, RateLimitOptions l)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : l.ExpensiveRetryAfterSeconds;
        var value = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.RetryAfter = value;
        context.Items[RetryAfterItem] = seconds;
        if (Problems.IsApi(context))
            await Problems.Write(context, StatusCodes.Status429TooManyRequests, "RateLimit_Title", "RateLimit_Detail", seconds);
        // The pages: the status alone; the status code pages re-execute the Swedish error page, which repeats Retry-After.
    }
}
