using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Omvarld.Web.Data;

namespace Omvarld.Web.Infrastructure;

public static class DataSetup
{
    /// <summary>One EF Core model on the configured provider; Data Protection keys kept in the database so instances share them.</summary>
    public static WebApplicationBuilder AddOmvarldData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        builder.Services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section);
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddScoped<AuditActor>();

        var db = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("Omvarld");
        if (db.ParsedProvider == DatabaseProvider.Postgres)
        {
            // Production may name a read-only connection (a streaming replica, or a role that may only read): the open
            // pages and open data, the heaviest anonymous load and pure reads, are served from it (ReadOnlyRequests).
            var readOnly = builder.Configuration.GetConnectionString(ReadOnlyRequests.ConnectionName);
            builder.Services.AddDbContext<OmvarldDbContext, PostgresOmvarldDbContext>((sp, o) =>
                o.UseNpgsql(
                    !string.IsNullOrWhiteSpace(readOnly) && ReadOnlyRequests.Applies(sp.GetService<IHttpContextAccessor>()?.HttpContext) ? readOnly : connectionString,
                    npg => npg.MigrationsHistoryTable("__EFMigrationsHistory")));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var data = builder.Configuration.GetSection(DataOptions.Section).Get<DataOptions>() ?? new DataOptions();
                var folder = Path.GetFullPath(data.Folder, builder.Environment.ContentRootPath);
                Directory.CreateDirectory(folder);
                connectionString = $"Data Source={Path.Combine(folder, "omvarld.db")}";
            }
            builder.Services.AddDbContext<OmvarldDbContext, SqliteOmvarldDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqliteUnicodeFunctions()));
        }

        builder.Services.AddDataProtection().SetApplicationName("Omvarld").PersistKeysToDbContext<OmvarldDbContext>();
        builder.Services.AddHealthChecks().AddDbContextCheck<OmvarldDbContext>("database");
        return builder;
    }
}
