using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Partners;
using Omvarld.Domain.Auditing;
using Omvarld.Domain.Files;
using Omvarld.Domain.FollowUp;
using Omvarld.Domain.Common;
using Omvarld.Domain.Countries;
using Omvarld.Domain.ContactPersons;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Networks;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Plans;
using Omvarld.Domain.Policies;

namespace Omvarld.Web.Data;

/// <summary>
/// The one EF Core model. Every tenant-owned set is filtered to <see cref="CurrentMunicipalityId"/> here, once;
/// every save raises concurrency versions and writes the audit trail. Provider-specific subclasses exist only so
/// that each provider keeps its own migrations (<see cref="SqliteOmvarldDbContext"/>, <see cref="PostgresOmvarldDbContext"/>).
/// </summary>
public abstract class OmvarldDbContext(DbContextOptions options, TenantContext tenant, AuditActor actor, TimeProvider clock)
    : IdentityUserContext<AppUser, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<GoverningDocument> GoverningDocuments => Set<GoverningDocument>();
    public DbSet<PolicyVersion> PolicyVersions => Set<PolicyVersion>();
    public DbSet<PolicyDecision> PolicyDecisions => Set<PolicyDecision>();
    public DbSet<PartnerOrganisation> Partners => Set<PartnerOrganisation>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<ActivityGoal> ActivityGoals => Set<ActivityGoal>();
    public DbSet<ActivitySdg> ActivitySdgs => Set<ActivitySdg>();
    public DbSet<ActivityPartner> ActivityPartners => Set<ActivityPartner>();
    public DbSet<FundingLine> FundingLines => Set<FundingLine>();
    public DbSet<Trip> Trips => Set<Trip>();
    public DbSet<ResultReport> ResultReports => Set<ResultReport>();
    public DbSet<ManualJudgement> ManualJudgements => Set<ManualJudgement>();
    public DbSet<PreconditionException> PreconditionExceptions => Set<PreconditionException>();
    public DbSet<PolicyCriteriaSetting> PolicyCriteriaSettings => Set<PolicyCriteriaSetting>();
    public DbSet<AssessmentSnapshot> AssessmentSnapshots => Set<AssessmentSnapshot>();
    public DbSet<AssessmentChange> AssessmentChanges => Set<AssessmentChange>();
    public DbSet<Priority> Priorities => Set<Priority>();
    public DbSet<ActivityPriority> ActivityPriorities => Set<ActivityPriority>();
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();
    public DbSet<ActionPlanItem> ActionPlanItems => Set<ActionPlanItem>();
    public DbSet<ActionPlanSetting> ActionPlanSettings => Set<ActionPlanSetting>();
    public DbSet<ContactPerson> ContactPersons => Set<ContactPerson>();
    public DbSet<ContactPersonUnit> ContactPersonUnits => Set<ContactPersonUnit>();
    public DbSet<CompetenceEntry> CompetenceEntries => Set<CompetenceEntry>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<MembershipActivity> MembershipActivities => Set<MembershipActivity>();
    public DbSet<TwinTown> TwinTowns => Set<TwinTown>();
    public DbSet<TwinTownActivity> TwinTownActivities => Set<TwinTownActivity>();
    public DbSet<TwinTownNote> TwinTownNotes => Set<TwinTownNote>();
    public DbSet<OpenDataSetting> OpenDataSettings => Set<OpenDataSetting>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<StoredFileContent> StoredFileContents => Set<StoredFileContent>();
    public DbSet<CountryDataRelease> CountryDataReleases => Set<CountryDataRelease>();
    public DbSet<GovernanceRow> GovernanceRows => Set<GovernanceRow>();
    public DbSet<RegimeRow> RegimeRows => Set<RegimeRow>();
    public DbSet<ReminderLog> ReminderLogs => Set<ReminderLog>();
    public DbSet<IatiSetting> IatiSettings => Set<IatiSetting>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OidcProvider> OidcProviders => Set<OidcProvider>();
    public DbSet<OidcGroupGrant> OidcGroupGrants => Set<OidcGroupGrant>();
    public DbSet<FollowUpRound> FollowUpRounds => Set<FollowUpRound>();
    public DbSet<FollowUpSection> FollowUpSections => Set<FollowUpSection>();
    public DbSet<FollowUpReminderLog> FollowUpReminderLogs => Set<FollowUpReminderLog>();
    public DbSet<ChangeStamp> ChangeStamps => Set<ChangeStamp>();

    /// <summary>
    /// The change stamps this context (a request's) has read, per municipality: <see cref="ChangeStamp.ReadAsync"/> reads
    /// them once, whoever asks (the API token's authentication, the open data's municipality, the kept answers, the list
    /// totals, the compilation's key); a save that raises a stamp forgets them.
    /// </summary>
    internal Dictionary<Guid, (long Municipality, long Installation)> StampsRead { get; } = [];
    public DbSet<CompilationSnapshot> CompilationSnapshots => Set<CompilationSnapshot>();
    public DbSet<CompilationRendering> CompilationRenderings => Set<CompilationRendering>();

    public TenantContext Tenant => tenant;

    /// <summary>Read by every query filter at query time. Null matches nothing: no tenant, no rows.</summary>
    public Guid? CurrentMunicipalityId => tenant.MunicipalityId;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(OmvarldDbContext).Assembly, t => t.Namespace == typeof(OmvarldDbContext).Namespace + ".Configurations");

        // The tenant filter, applied to every tenant-owned entity in one place.
        foreach (var entity in b.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && e.BaseType is null))
        {
            var method = typeof(OmvarldDbContext).GetMethod(nameof(ApplyTenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType);
            method.Invoke(this, [b]);
        }
        ApplyNullableTenantFilters(b);
        foreach (var entity in b.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
            b.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    private void ApplyTenantFilter<T>(ModelBuilder b) where T : class, ITenantOwned =>
        b.Entity<T>().HasQueryFilter(e => e.MunicipalityId == CurrentMunicipalityId);

    /// <summary>
    /// The rows that carry a municipality without being <see cref="ITenantOwned"/> (it may be null): each is filtered
    /// here too. A test walks the model and fails for any entity with a MunicipalityId and no tenant filter.
    /// </summary>
    private void ApplyNullableTenantFilters(ModelBuilder b)
    {
        // The audit trail: a municipality reads its own entries; installation-wide entries (no municipality) match no
        // tenant at all and are read only through AuditQueries' system administrator's log. No tenant, no rows.
        b.Entity<AuditEntry>().HasQueryFilter(a => CurrentMunicipalityId != null && a.MunicipalityId == CurrentMunicipalityId);
        // People: sign-in, the second factor and the security stamp check find a person before any municipality is
        // known, so without a tenant the filter lets every person through; with one (a signed-in member, a job working
        // as a municipality) only that municipality's people. Identity's own lookups by id, e-mail and user name are
        // installation-wide (OmvarldUserStore): e-mail and user name are unique across the installation.
        b.Entity<AppUser>().HasQueryFilter(u => CurrentMunicipalityId == null || u.MunicipalityId == CurrentMunicipalityId);
        // API tokens: a member sees the tokens made in their municipality (and only their own: ApiTokenService filters by
        // user); a system administrator without a municipality those made without one. The bearer token lookup, made
        // before a municipality is known, ignores the filter by name (ApiTokenAuthenticationHandler).
        b.Entity<ApiToken>().HasQueryFilter(t => t.MunicipalityId == CurrentMunicipalityId);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var audit = new List<AuditEntry>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (entry.Entity is AuditEntry && entry.State != EntityState.Added)
                throw new InvalidOperationException("The audit trail is append-only.");
            if (entry.Entity is ITenantOwned owned && !tenant.SystemScope && owned.MunicipalityId != tenant.MunicipalityId)
                throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} of another municipality cannot be written in this scope.");
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
                versioned.Version++;
            if (Describe(entry) is { } record) audit.Add(record);
        }
        AuditEntries.AddRange(audit);
        var changed = Changed(audit);
        if (changed.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // The rows and the raised stamps commit together (ChangeStamp): in the caller's transaction, or in one of our own.
        // The stamps are raised last, so that their row locks are held only for the commit.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            foreach (var municipality in changed.Order())
                await Database.ExecuteSqlAsync($"""
                    INSERT INTO "ChangeStamps" ("MunicipalityId", "Value") VALUES ({municipality}, 1)
                    ON CONFLICT ("MunicipalityId") DO UPDATE SET "Value" = "ChangeStamps"."Value" + 1
                    """, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            // The stamps this context read are old now.
            StampsRead.Clear();
            if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
            return written;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }

        AuditEntry? Describe(EntityEntry entry)
        {
            // Which trail the change goes to: its municipality's, or the installation's (null) for what belongs to none.
            var (audited, municipalityId, entityId) = entry.Entity switch
            {
                Municipality m => (true, m.Id, m.Id),
                AppUser u => (true, u.MunicipalityId, u.Id),
                CountryDataRelease r => (true, (Guid?)null, r.Id),
                ITenantOwned t and IAudited a => (true, t.MunicipalityId, a.Id),
                _ => (false, (Guid?)null, Guid.Empty),
            };
            if (!audited) return null;
            var changes = new Dictionary<string, object?[]>();
            foreach (var p in entry.Properties)
            {
                var name = p.Metadata.Name;
                if (name is nameof(IVersioned.Version) or nameof(ITenantOwned.MunicipalityId)) continue;
                if (entry.Entity is AppUser && !AuditedUserFields.Contains(name)) continue;
                var secret = name is nameof(AppUser.PasswordHash) or nameof(OidcProvider.ProtectedClientSecret);
                switch (entry.State)
                {
                    case EntityState.Added when p.CurrentValue is not null:
                        changes[name] = [null, secret ? "***" : p.CurrentValue];
                        break;
                    case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                        changes[name] = secret ? ["***", "***"] : [p.OriginalValue, p.CurrentValue];
                        break;
                    case EntityState.Deleted:
                        changes[name] = [secret ? "***" : p.OriginalValue, null];
                        break;
                }
            }
            if (entry.State == EntityState.Modified && changes.Count == 0) return null;
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Modified,
            };
            return new AuditEntry(municipalityId, now, actor.UserId, actor.UserName, entry.Metadata.ClrType.Name,
                entityId, action, JsonSerializer.Serialize(changes, AuditJson), actor.Comment);
        }
    }

    /// <summary>
    /// Whose <see cref="ChangeStamp"/> a save raises: the municipality of every row it writes (derived rows aside) and of
    /// every audit entry; the installation's for installation-wide entries and the country data's rows.
    /// </summary>
    private HashSet<Guid> Changed(List<AuditEntry> audit)
    {
        var changed = audit.Select(a => a.MunicipalityId ?? ChangeStamp.Installation).ToHashSet();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached || entry.Entity is IDerivedRow or AuditEntry) continue;
            switch (entry.Entity)
            {
                case ITenantOwned owned:
                    changed.Add(owned.MunicipalityId);
                    break;
                case GovernanceRow or RegimeRow or CountryDataRelease:
                    changed.Add(ChangeStamp.Installation);
                    break;
            }
        }
        return changed;
    }

    private static readonly HashSet<string> AuditedUserFields =
    [
        nameof(AppUser.UserName), nameof(AppUser.Email), nameof(AppUser.DisplayName), nameof(AppUser.MunicipalityId),
        nameof(AppUser.IsActive), nameof(AppUser.LockoutEnd), nameof(AppUser.TwoFactorEnabled), nameof(AppUser.PasswordHash),
        nameof(AppUser.MustChangePassword), nameof(AppUser.IsSystemAdministrator),
    ];

    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

public sealed class SqliteOmvarldDbContext(DbContextOptions<SqliteOmvarldDbContext> options, TenantContext tenant, AuditActor actor, TimeProvider clock)
    : OmvarldDbContext(options, tenant, actor, clock);

public sealed class PostgresOmvarldDbContext(DbContextOptions<PostgresOmvarldDbContext> options, TenantContext tenant, AuditActor actor, TimeProvider clock)
    : OmvarldDbContext(options, tenant, actor, clock);
