using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Omvarld.Domain.Access;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Organisation;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Features.Reference;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Data.Demo;

public sealed record DemoLogin(string Municipality, string Role, string Email, string Password);

/// <summary>
/// The demo installation: Borås Stad and Upplands-Bro kommun with a realistic organisation (marked as demo) and one
/// user per role, with partner directories and international activities (<see cref="DemoActivities"/>). Runs only in demo mode, once: an installation that has municipalities is left alone.
/// </summary>
public sealed class DemoSeeder(OmvarldDbContext db, UserManager<AppUser> users, IOptions<DemoOptions> options, TimeProvider clock, AuditActor actor, PolicyService policies,
    ReferenceData reference)
{
    public async Task<IReadOnlyList<DemoLogin>> SeedAsync(CancellationToken ct = default)
    {
        db.Tenant.SystemScope = true;
        if (await db.Municipalities.AnyAsync(ct)) return [];
        actor.Use(null, "demo");
        var logins = new List<DemoLogin>();
        var now = clock.GetUtcNow().UtcDateTime;

        logins.Add(await CreateUserAsync(null, "Systemadministratör", DemoOrganisations.AdminEmail, "Demo Systemadministratör", u => u.IsSystemAdministrator = true));

        foreach (var m in DemoOrganisations.All)
        {
            var (municipality, _) = Municipality.Create(m.Name, m.Slug, m.Code, isDemo: true, now);
            db.Municipalities.Add(municipality!);
            db.Tenant.Use(municipality!.Id);
            var units = new Dictionary<string, Unit>();
            foreach (var u in m.Units)
            {
                var (unit, result) = Unit.Create(municipality.Id, u.Name, u.Kind, u.Parent is null ? null : units[u.Parent]);
                if (!result.IsOk) throw new InvalidOperationException($"Demo unit {u.Name}: {result.Error}");
                if (u.AnswersTo is not null) unit!.AnswerTo(units[u.AnswersTo]);
                units[u.Name] = unit!;
                db.Units.Add(unit!);
            }
            await db.SaveChangesAsync(ct);

            // The municipality's own policies, as the seed files ship them (R1).
            foreach (var file in m.PolicyFiles)
            {
                var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "SeedData", "Policies", file), ct);
                var imported = await policies.ImportAsync(text, ct);
                if (imported.Version is null) throw new InvalidOperationException($"Seed policy {file}: {string.Join("; ", imported.Errors.Select(e => $"line {e.Line} {e.Field}: {e.Message}"))}");
            }

            foreach (var (role, label, local, unitName) in m.Users)
            {
                var email = $"{local}@{m.Slug}.demo";
                logins.Add(await CreateUserAsync(municipality, label, email, $"Demo {label} ({m.Name})", _ => { }));
                var user = await users.FindByEmailAsync(email);
                var (assignment, _) = RoleAssignment.Create(municipality.Id, user!.Id, role, unitName is null ? null : units[unitName].Id);
                db.RoleAssignments.Add(assignment!);
            }
            await db.SaveChangesAsync(ct);

            // Partners and activities of every kind and status, fictitious and marked so (issue 5).
            await DemoActivities.AddAsync(db, policies, reference, clock, m, municipality, units, ct);
            await db.SaveChangesAsync(ct);
            await DemoPlans.AddAsync(db, policies, m, municipality, units, ct);
            if (DemoIati.For(m, municipality.Id) is { } iati)
            {
                db.IatiSettings.Add(iati);
                await db.SaveChangesAsync(ct);
            }
            // Contact persons per office (R15), readers of the municipality with fictitious names.
            await DemoContactPersons.AddAsync(db, m, municipality, units, async (email, name) =>
            {
                logins.Add(await CreateUserAsync(municipality, "Kontaktperson", email, name, _ => { }));
                var user = await users.FindByEmailAsync(email);
                var (assignment, _) = RoleAssignment.Create(municipality.Id, user!.Id, Role.Reader, null);
                db.RoleAssignments.Add(assignment!);
                return user.Id;
            }, ct);
            await DemoNetworks.AddAsync(db, m, municipality, units, ct);
            await DemoFollowUp.AddAsync(db, clock, m, municipality, units, ct);
        }
        db.Tenant.Use(null);
        return logins;

        async Task<DemoLogin> CreateUserAsync(Municipality? municipality, string roleLabel, string email, string name, Action<AppUser> configure)
        {
            var password = string.IsNullOrEmpty(options.Value.Password) ? NewPassword() : options.Value.Password;
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
                MunicipalityId = municipality?.Id, IsDemo = true, CreatedAt = now,
            };
            configure(user);
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded) throw new InvalidOperationException($"Demo user {email}: {string.Join(' ', result.Errors.Select(e => e.Description))}");
            return new DemoLogin(municipality?.Name ?? "(hela installationen)", roleLabel, email, password);
        }
    }

    private static string NewPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return "Demo-" + new string(RandomNumberGenerator.GetItems<char>(alphabet, 14));
    }
}
