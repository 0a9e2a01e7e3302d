using System.Diagnostics;
using Activity = Omvarld.Domain.Activities.Activity;
using ActivityKind = Omvarld.Domain.Activities.ActivityKind;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Omvarld.Domain.Access;
using Omvarld.Domain.Activities;
using Omvarld.Domain.Countries;
using Omvarld.Domain.Municipalities;
using Omvarld.Domain.Organisation;
using Omvarld.Domain.Partners;
using Omvarld.Domain.Plans;
using Omvarld.Domain.Policies;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Policies;

namespace Omvarld.Benchmarks.National;

/// <summary>
/// Issue 17.1: a national installation, deterministic from a seed. A fresh database, the app's PostgreSQL migrations
/// (through <see cref="PostgresOmvarldDbContext"/>), then every row by binary COPY. Municipality sizes follow a power law
/// (a few big cities, many small ones); activities start over five years (2021–2025) and move through the workflow as far
/// as their dates allow; each names partners from the municipality's directory in many countries.
/// </summary>
internal static class NationalGenerator
{
    public const string Usage = "generate --connection \"Host=…;Database=omvarld_bench…\" [--municipalities 290] [--activities 300000] [--seed 17]";
    public const int FirstYear = 2021, LastYear = 2025;
    /// <summary>The generator's "today": activities started before it have moved on; the benchmark asks about 2025.</summary>
    public static readonly DateOnly Today = new(2026, 3, 1);
    private static readonly DateTimeOffset Midnight = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The API token of each municipality's coordinator: <c>omv_bench_{slug}</c> (a benchmark database only).</summary>
    public static string TokenOf(string slug) => $"omv_bench_{slug}";
    public static string SlugOf(int index) => index == 0 ? "storstad" : $"kommun-{index:000}";

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Option(args, "--connection");
        if (connection is null) { Console.Error.WriteLine(Usage); return 2; }
        var municipalities = int.Parse(Option(args, "--municipalities") ?? "290");
        var activities = int.Parse(Option(args, "--activities") ?? "300000");
        var seed = int.Parse(Option(args, "--seed") ?? "17");
        var target = new NpgsqlConnectionStringBuilder(connection);
        if (target.Database is null || !target.Database.StartsWith("omvarld_bench", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("The database must be named omvarld_bench…: it is dropped and created afresh.");
            return 2;
        }
        var total = Stopwatch.StartNew();
        await RecreateAsync(target);
        var options = new DbContextOptionsBuilder<PostgresOmvarldDbContext>()
            .UseNpgsql(target.ConnectionString, npg => npg.MigrationsHistoryTable("__EFMigrationsHistory")).Options;
        await using var db = new PostgresOmvarldDbContext(options, new TenantContext(new HttpContextAccessor()), new AuditActor(new HttpContextAccessor()), TimeProvider.System);
        await db.Database.MigrateAsync();
        Console.WriteLine($"Migrated in {total.Elapsed.TotalSeconds:0.0} s.");

        var load = Stopwatch.StartNew();
        var restore = await DropConstraintsAsync(target.ConnectionString);
        long rows;
        await using (var copier = new Copier(target.ConnectionString, db.Model))
        {
            var writer = new Writer(copier, db.Model);
            var sizes = Sizes(municipalities, activities);
            var policies = Policies();
            for (var m = 0; m < municipalities; m++)
                writer.Municipality(m, sizes[m], new Random(HashCode.Combine(seed, m)), policies[m % 3 == 1 ? 1 : 0]);
            rows = copier.Complete();
        }
        Console.WriteLine($"Copied {rows:N0} rows in {load.Elapsed.TotalSeconds:0.0} s.");
        var index = Stopwatch.StartNew();
        await RestoreConstraintsAsync(target.ConnectionString, restore);
        Console.WriteLine($"Indexes and foreign keys restored, analysed in {index.Elapsed.TotalSeconds:0.0} s.");
        Console.WriteLine($"Done in {total.Elapsed.TotalSeconds:0.0} s: {municipalities} municipalities, {activities:N0} activities; " +
                          $"the largest is '{SlugOf(0)}' ({Sizes(municipalities, activities)[0]:N0} activities), its coordinator's token {TokenOf(SlugOf(0))}.");
        Console.WriteLine("Country data is loaded by the app's own 'migrate' command (the load harness runs it).");
        return 0;
    }

    /// <summary>Activities per municipality: a power law (k^-0.75) so that the largest holds ~7.5 % and the smallest a few dozen.</summary>
    public static int[] Sizes(int municipalities, int activities)
    {
        var weights = Enumerable.Range(1, municipalities).Select(k => Math.Pow(k, -0.75)).ToArray();
        var sum = weights.Sum();
        return weights.Select(w => Math.Max(10, (int)Math.Round(activities * w / sum))).ToArray();
    }

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static async Task RecreateAsync(NpgsqlConnectionStringBuilder target)
    {
        var admin = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)", connection)) await drop.ExecuteNonQueryAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", connection)) await create.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Foreign keys and secondary indexes are dropped for the load and rebuilt once after it (each checked then).</summary>
    private static async Task<List<string>> DropConstraintsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var restore = new List<string>();
        var drops = new List<string>();
        await using (var fks = new NpgsqlCommand("""
            SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)),
                   format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname)
            FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace
            """, connection))
        await using (var r = await fks.ExecuteReaderAsync())
            while (await r.ReadAsync()) { restore.Add(r.GetString(0)); drops.Add(r.GetString(1)); }
        await using (var ix = new NpgsqlCommand("""
            SELECT pg_get_indexdef(i.indexrelid), format('DROP INDEX %s', i.indexrelid::regclass)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
            WHERE c.relnamespace = 'public'::regnamespace AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            """, connection))
        await using (var r = await ix.ExecuteReaderAsync())
            while (await r.ReadAsync()) { restore.Insert(0, r.GetString(0)); drops.Add(r.GetString(1)); }
        foreach (var sql in drops)
            await using (var cmd = new NpgsqlCommand(sql, connection)) await cmd.ExecuteNonQueryAsync();
        return restore;
    }

    private static async Task RestoreConstraintsAsync(string connectionString, List<string> restore)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var mem = new NpgsqlCommand("SET maintenance_work_mem = '256MB'", connection)) await mem.ExecuteNonQueryAsync();
        foreach (var sql in restore)
            await using (var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 }) await cmd.ExecuteNonQueryAsync();
        await using var analyse = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
        await analyse.ExecuteNonQueryAsync();
    }

    /// <summary>Two policy sets as shipped: Borås (2016, a gap, 2023) and Upplands-Bro (2020, until replaced).</summary>
    private static PolicySet[] Policies()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "SeedData", "Policies");
        PolicySource Read(string file)
        {
            var text = File.ReadAllText(Path.Combine(folder, file));
            var (definition, errors) = PolicyFileReader.Read(new StringReader(text));
            if (definition is null) throw new InvalidOperationException($"{file}: {string.Join("; ", errors.Select(e => e.Message))}");
            var adopted = definition.Version.Decisions.Where(d => d.Kind == DecisionKind.Adopted).Min(d => d.Date)!.Value;
            var last = definition.Version.ValidUntil.LastDay ?? DateOnly.MaxValue;
            return new(definition, text, adopted, last, definition.Version.Goals.Select(g => g.Code).ToArray());
        }
        return [new([Read("boras-2016.yaml"), Read("boras-2023.yaml")]), new([Read("upplandsbro-2020.yaml")])];
    }
}

internal sealed record PolicySource(PolicyDefinition Definition, string Text, DateOnly From, DateOnly Until, string[] GoalCodes);
internal sealed record PolicySet(PolicySource[] Versions);

/// <summary>Writes one municipality at a time into the open COPY streams.</summary>
internal sealed class Writer
{
    private static readonly string[] Countries =
        ["DE", "FI", "NO", "DK", "EE", "LV", "LT", "PL", "NL", "BE", "FR", "ES", "IT", "PT", "AT", "CZ", "SK", "HU", "SI", "HR",
         "IE", "GB", "IS", "GR", "RO", "BG", "UA", "MD", "GE", "RS", "BA", "TR", "US", "CA", "KE", "TZ", "UG", "RW", "ZA", "BW",
         "NA", "GH", "SN", "IN", "VN", "CN", "JP", "KR", "BR", "AR", "CO", "BO", "NI", "PS", "JO", "BY", "RU", "MZ", "ET", "SO"];
    // Free text must be as selective as in life: "klimat" is in one theme of twenty and one sentence of forty (~10 % of activities).
    private static readonly string[] Themes =
        ["Klimatanpassning", "Smart stadsplanering", "Cirkulär ekonomi", "Digital skola", "Hållbar mobilitet", "Ungdomsutbyte", "Äldreomsorg",
         "Integration och arbetsmarknad", "Kulturarv", "Vatten och avlopp", "Demokrati och medborgardialog", "Energieffektivisering", "Folkhälsa",
         "Entreprenörskap", "Förskolans pedagogik", "Yrkesutbildning", "Avfallshantering", "Turism och besöksnäring", "Biologisk mångfald", "Jämställdhet"];
    private static readonly string[] Forms = ["projekt", "nätverk", "konferens", "studiebesök", "utbyte", "samarbete", "kapacitetsutveckling", "partnerskap"];
    private static readonly string[] Sentences =
        ["Projektet samlar kommuner kring gemensamma utmaningar och sprider goda exempel.",
         "Arbetet bidrar till kommunens klimatmål och minskade utsläpp från verksamheterna.",
         "Deltagarna utbyter erfarenheter om metoder, verktyg och uppföljning.",
         "Förvaltningen tar hem lärdomar som prövas i den egna verksamheten.",
         "Unga ges möjlighet att delta och påverka i frågor som rör dem.",
         "Samarbetet bygger på tidigare kontakter mellan orterna och stärker relationen.",
         "Extern finansiering söks för att kunna genomföra fler aktiviteter.",
         "Resultaten redovisas för nämnden och sprids i kommunens nätverk.",
         "Fokus ligger på grönstruktur, dagvatten och trygga offentliga miljöer.",
         "Medarbetare deltar i workshops, seminarier och platsbesök.",
         "Aktiviteten genomförs tillsammans med regionen och lärosäten.",
         "En gemensam rapport tas fram med rekommendationer till beslutsfattare.",
         "Kommunen är värd för ett partnermöte under året.",
         "Erfarenheterna används i arbetet med den nya översiktsplanen.",
         "Barn och elever involveras genom skolornas ordinarie undervisning.",
         "Digitala verktyg för distansmöten prövas mellan partnerna.",
         "Språkkunskaper och interkulturell förståelse stärks hos deltagarna.",
         "Lokala företag bjuds in att delta i delar av programmet.",
         "Civilsamhällets organisationer medverkar i planeringen.",
         "Projektet följer upp tidigare satsningar inom samma område.",
         "En handbok tas fram och översätts till partnernas språk.",
         "Pilotverksamhet startas i två stadsdelar under hösten.",
         "Erfarenhetsutbytet omfattar både politiker och tjänstepersoner.",
         "Arbetet ska leda till en gemensam ansökan i nästa programperiod.",
         "Deltagarna besöker verksamheter och diskuterar lösningar på plats.",
         "Särskild vikt läggs vid jämställdhet och tillgänglighet.",
         "En webbinarieserie sprider kunskapen till fler kommuner.",
         "Skolornas samarbete leder till elevutbyten under läsåret.",
         "Kommunens ledning följer arbetet i en styrgrupp.",
         "Resultaten presenteras på en avslutande konferens.",
         "Nya rutiner för upphandling prövas tillsammans med partnerna.",
         "Arbetet stärker kommunens attraktivitet som arbetsgivare.",
         "Ideella föreningar får stöd att delta i utbytet.",
         "Kunskap om äldres hälsa och välbefinnande utbyts mellan orterna.",
         "En studieresa genomförs för att se andra städers lösningar.",
         "Utvärderingen görs av en extern forskare.",
         "Medborgardialoger genomförs i båda länderna.",
         "Kommunikationen sker på engelska och svenska.",
         "Projektet avslutas med en gemensam handlingsplan.",
         "Budgeten fördelas mellan partnerna enligt avtal."];
    private static readonly string[] Cities = ["Åbo", "Tartu", "Gdańsk", "Kiel", "Riga", "Vilnius", "Bergen", "Aarhus", "Lyon", "Bilbao", "Bologna", "Porto", "Nairobi", "Lviv", "Kraków", "Graz"];
    private static readonly string[] Programmes = ["INTERREG_EUROPE", "INTERREG_BSR", "INTERREG_OKS", "ERASMUS_PLUS", "HORIZON_EUROPE", "LIFE", "ESF_PLUS", "ERDF", "CREATIVE_EUROPE", "CERV"];
    private static readonly string[] Committees =
        ["Förskolenämnden", "Grundskolenämnden", "Gymnasienämnden", "Kulturnämnden", "Fritidsnämnden", "Socialnämnden", "Vård- och äldrenämnden",
         "Miljönämnden", "Samhällsbyggnadsnämnden", "Tekniska nämnden", "Arbetsmarknadsnämnden", "Byggnadsnämnden", "Servicenämnden", "Utbildningsnämnden"];

    private readonly TableWriter _municipalities, _units, _users, _roles, _tokens, _documents, _versions, _decisions, _partners,
        _activities, _goals, _sdgs, _activityPartners, _funding, _trips, _results, _exceptions, _priorities, _activityPriorities, _plans, _planItems;
    private readonly Microsoft.EntityFrameworkCore.Metadata.IModel _model;
    private readonly Copier _copier;

    public Writer(Copier copier, Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        _copier = copier;
        _model = model;
        _municipalities = copier.Table<Municipality>("Id", "Name", "Slug", "MunicipalityCode", "IsDemo", "CreatedAt", "Version");
        _units = copier.Table<Unit>("MunicipalityId", "Id", "Name", "Kind", "ParentId", "ReportsToCommitteeId", "ClosedOn", "Version");
        _users = copier.Table<AppUser>("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp",
            "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "DisplayName", "MunicipalityId", "IsActive", "IsDemo",
            "IsSystemAdministrator", "CreatedAt", "EmailRemindersEnabled", "MustChangePassword");
        _roles = copier.Table<RoleAssignment>("MunicipalityId", "Id", "UserId", "Role", "UnitId");
        _tokens = copier.Table<ApiToken>("Id", "UserId", "MunicipalityId", "Name", "Hint", "Hash", "CreatedAt", "ExpiresAt");
        _documents = Entity<GoverningDocument>();
        _versions = Entity<PolicyVersion>();
        _decisions = Entity<PolicyDecision>();
        _partners = copier.Table<PartnerOrganisation>("MunicipalityId", "Id", "Name", "Type", "City", "CountryCode", "Website", "Version");
        _activities = copier.Table<Activity>("MunicipalityId", "Id", "Title", "Description", "Kind", "OwnerUnitId", "ResponsibleUserId", "PlannedStart", "PlannedEnd",
            "Purpose", "ExpectedResults", "Motivation", "ChildPerspective", "CaseNumber", "AimedAtEnablingInternationalWork", "Status",
            "SubmittedByUserId", "SubmittedAt", "ApprovedByUserId", "ApprovedAt", "ApprovedPolicyVersionId", "GapReason", "RejectionComment",
            "ActualStart", "ActualEnd", "PublishedAt", "PublishedByUserId", "IatiChosen", "Version");
        _goals = copier.Table<ActivityGoal>("MunicipalityId", "Id", "ActivityId", "GoalCode", "How");
        _sdgs = copier.Table<ActivitySdg>("MunicipalityId", "Id", "ActivityId", "Goal", "Target");
        _activityPartners = copier.Table<ActivityPartner>("MunicipalityId", "Id", "ActivityId", "PartnerId", "Role");
        _funding = copier.Table<FundingLine>("MunicipalityId", "Id", "ActivityId", "Source", "OwnUnitId", "ProgrammeCode", "FunderName", "FunderKind",
            "Amount", "Currency", "ExchangeRate", "Status", "AppliedOn", "DecidedOn", "PaidOn", "Note");
        _trips = copier.Table<Trip>("MunicipalityId", "Id", "ActivityId", "Travellers", "TravellerCount", "City", "CountryCode", "DepartOn", "ReturnOn", "CostSek", "Purpose");
        _results = copier.Table<ResultReport>("MunicipalityId", "Id", "ActivityId", "Year", "Text", "ReportedAt", "ReportedByUserId");
        _exceptions = copier.Table<PreconditionException>("MunicipalityId", "Id", "ActivityId", "PartnerId", "Body", "DecidedOn", "CaseNumber", "MinuteParagraph",
            "ValidUntil", "DecisionText", "RecordedAt", "RecordedByUserId", "Version");
        _priorities = copier.Table<Priority>("MunicipalityId", "Id", "Year", "Title", "Text", "GoalCodes", "Sdgs", "DecidedOn", "CaseNumber", "MinuteParagraph", "Version");
        _activityPriorities = copier.Table<ActivityPriority>("MunicipalityId", "Id", "ActivityId", "PriorityId");
        _plans = copier.Table<ActionPlan>("MunicipalityId", "Id", "UnitId", "Year", "Status", "AdoptedOn", "AdoptedBy", "MinuteParagraph", "EvaluatedAt",
            "EvaluatedByUserId", "OverallEvaluation", "RevisedFromPlanId", "Version");
        _planItems = copier.Table<ActionPlanItem>("MunicipalityId", "Id", "PlanId", "Position", "What", "Why", "GoalCode", "PriorityId", "Who", "When", "BudgetSek",
            "Indicator", "Target", "ActivityIds", "Outcome", "LedTo", "IndicatorOutcome");
    }

    private TableWriter Entity<T>()
    {
        var type = _model.FindEntityType(typeof(T))!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        return _copier.Table<T>(type.GetProperties().Where(p => !p.IsShadowProperty()).Select(p => p.GetColumnName(store)!).ToArray());
    }

    private static Guid NewId(Random r)
    {
        Span<byte> bytes = stackalloc byte[16];
        r.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout, deterministic content
        return new Guid(bytes);
    }

    private static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    public void Municipality(int index, int activityCount, Random r, PolicySet policy)
    {
        var slug = NationalGenerator.SlugOf(index);
        var name = index == 0 ? "Storstads kommun" : $"Bänkkommun {index:000}";
        var municipalityId = NewId(r);
        var created = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _municipalities.Row(municipalityId, name, slug, $"{9000 + index % 1000:0000}"[..4], true, created.UtcDateTime, 1);

        // Units: council, KS, its office, committees (more in a bigger municipality) each with an administration, and companies.
        var committeeCount = Math.Clamp(4 + activityCount / 900, 4, Committees.Length);
        var units = new List<(Guid Id, UnitKind Kind)>();
        Guid AddUnit(string unitName, UnitKind kind, Guid? parent, Guid? answersTo)
        {
            var id = NewId(r);
            _units.Row(municipalityId, id, unitName, kind, parent, answersTo, null, 1);
            units.Add((id, kind));
            return id;
        }
        var council = AddUnit("Kommunfullmäktige", UnitKind.Council, null, null);
        var ks = AddUnit("Kommunstyrelsen", UnitKind.ExecutiveBoard, council, null);
        var office = AddUnit("Kommunledningskontoret", UnitKind.Administration, ks, null);
        AddUnit("Internationella kontoret", UnitKind.Office, office, null);
        var committees = new List<Guid>();
        foreach (var c in Committees.Take(committeeCount))
        {
            var committee = AddUnit(c, UnitKind.Committee, council, null);
            committees.Add(committee);
            var administration = AddUnit(c.Replace("nämnden", "förvaltningen"), UnitKind.Administration, committee, committee);
            for (var o = 0; o < activityCount / 3000; o++) AddUnit($"{c.Replace("nämnden", "")}enhet {o + 1}", UnitKind.Office, administration, null);
        }
        var holding = AddUnit("Stadshus AB", UnitKind.Company, council, null);
        for (var c = 0; c < 1 + activityCount / 5000; c++) AddUnit($"Kommunbolag {c + 1} AB", UnitKind.Company, holding, null);
        var owners = units.Where(u => u.Kind is UnitKind.Committee or UnitKind.Administration or UnitKind.Office or UnitKind.Company or UnitKind.ExecutiveBoard).Select(u => u.Id).ToList();

        // People: coordinator, KS secretariat, a reader, an editor and an approver per committee.
        var users = new List<Guid>();
        Guid AddUser(string local, string display, Role role, Guid? unit)
        {
            var id = NewId(r);
            var email = $"{local}@{slug}.bench";
            _users.Row(id, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), true, NewId(r).ToString("N"), NewId(r).ToString(),
                false, false, true, 0, display, municipalityId, true, true, false, created.UtcDateTime, false, false);
            _roles.Row(municipalityId, NewId(r), id, role, unit);
            users.Add(id);
            return id;
        }
        var coordinator = AddUser("samordnare", $"Samordnare {name}", Role.Coordinator, null);
        var secretariat = AddUser("ks", $"KS-sekretariatet {name}", Role.KsSecretariat, null);
        AddUser("lasare", $"Läsare {name}", Role.Reader, null);
        var approvers = new List<Guid>();
        for (var c = 0; c < committees.Count; c++)
        {
            AddUser($"redaktor{c + 1}", $"Redaktör {c + 1}", Role.UnitEditor, committees[c]);
            approvers.Add(AddUser($"godkannare{c + 1}", $"Godkännare {c + 1}", Role.UnitApprover, committees[c]));
        }
        var token = NationalGenerator.TokenOf(slug);
        _tokens.Row(NewId(r), coordinator, municipalityId, "Benchmark", token[..12], ApiToken.HashOf(token), created.UtcDateTime, new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        // The policy documents as the seed files ship them.
        var versionIds = new Guid[policy.Versions.Length];
        var documentId = NewId(r);
        for (var v = 0; v < policy.Versions.Length; v++)
        {
            var source = policy.Versions[v];
            if (v == 0)
            {
                var document = GoverningDocument.From(municipalityId, source.Definition.Document);
                var (dc, dv) = Copier.Columns(_model, document, new Dictionary<string, object?> { ["Id"] = documentId });
                _documents.Row(dv);
            }
            versionIds[v] = NewId(r);
            var version = PolicyVersion.From(municipalityId, documentId, source.Definition, source.Text);
            _versions.Row(Copier.Columns(_model, version, new Dictionary<string, object?> { ["Id"] = versionIds[v] }).Values);
            foreach (var d in source.Definition.Version.Decisions)
                _decisions.Row(Copier.Columns(_model, PolicyDecision.From(municipalityId, versionIds[v], d), new Dictionary<string, object?> { ["Id"] = NewId(r) }).Values);
        }
        int? InForce(DateOnly date)
        {
            for (var v = 0; v < policy.Versions.Length; v++)
                if (date >= policy.Versions[v].From && date <= policy.Versions[v].Until) return v;
            return null;
        }

        // The partner directory: about one organisation per ten activities, in many countries (nearer ones more often).
        var partnerCount = Math.Max(15, activityCount / 10);
        var partners = new List<(Guid Id, string Country)>();
        for (var p = 0; p < partnerCount; p++)
        {
            var country = Countries[Math.Min(Countries.Length - 1, (int)(Countries.Length * Math.Pow(r.NextDouble(), 1.8)))];
            var type = (PartnerType)r.Next(1, 9);
            var id = NewId(r);
            _partners.Row(municipalityId, id, $"{Pick(r, Cities)} {type switch { PartnerType.Municipality => "kommun", PartnerType.University => "universitet", PartnerType.School => "skola", _ => "organisation" }} {p + 1}",
                type, Pick(r, Cities), country, r.Next(3) == 0 ? $"https://partner{p + 1}.example.org" : null, 1);
            partners.Add((id, country));
        }

        // KS's priorities per year.
        var priorities = new Dictionary<int, List<Guid>>();
        for (var year = NationalGenerator.FirstYear; year <= NationalGenerator.LastYear; year++)
        {
            priorities[year] = [];
            var codes = policy.Versions[InForce(new DateOnly(year, 12, 31)) ?? 0].GoalCodes;
            for (var p = 0; p < 3; p++)
            {
                var id = NewId(r);
                _priorities.Row(municipalityId, id, year, $"Prioritering {p + 1} {year}: {Pick(r, Themes)}", "KS prioriterar området under året.",
                    new[] { Pick(r, codes) }, new[] { r.Next(1, 18) }, new DateOnly(year - 1, 12, 10), $"KS {year - 1}/{p + 10}", $"§ {100 + p}", 1);
                priorities[year].Add(id);
            }
        }

        // The activities.
        var span = new DateOnly(NationalGenerator.LastYear, 12, 31).DayNumber - new DateOnly(NationalGenerator.FirstYear, 1, 1).DayNumber;
        var planActivities = new Dictionary<(Guid Unit, int Year), List<Guid>>();
        for (var a = 0; a < activityCount; a++)
        {
            var id = NewId(r);
            var owner = Pick(r, owners);
            var start = new DateOnly(NationalGenerator.FirstYear, 1, 1).AddDays(r.Next(span + 1));
            DateOnly? end = r.Next(12) == 0 ? null : start.AddDays(r.Next(1, 3) == 1 ? r.Next(1, 10) : r.Next(60, 1100));
            var kind = (ActivityKind)r.Next(1, 7);
            var theme = Pick(r, Themes);
            var title = $"{theme} – {Pick(r, Forms)} {a + 1}";
            var description = string.Join(" ", Enumerable.Range(0, r.Next(2, 8)).Select(_ => Pick(r, Sentences)));
            var version = InForce(start);
            var status = StatusFor(r, start, end);
            var responsible = Pick(r, users);
            var approver = Pick(r, approvers);
            var submitted = status != ActivityStatus.Draft;
            var approved = status is ActivityStatus.Approved or ActivityStatus.Ongoing or ActivityStatus.Completed or ActivityStatus.ResultsReported;
            var started = status is ActivityStatus.Ongoing or ActivityStatus.Completed or ActivityStatus.ResultsReported;
            var completed = status is ActivityStatus.Completed or ActivityStatus.ResultsReported;
            var submittedAt = At(start.AddDays(-r.Next(20, 90)), r);
            var approvedAt = submittedAt.AddDays(r.Next(3, 20));
            var actualEnd = completed ? (end ?? start.AddDays(365)) : (DateOnly?)null;
            if (actualEnd > NationalGenerator.Today) actualEnd = NationalGenerator.Today.AddDays(-1);
            var published = approved && r.Next(3) == 0;
            _activities.Row(municipalityId, id, title, description, kind, owner, responsible, start, end,
                "Att utveckla verksamheten genom internationellt utbyte.", "Nya arbetssätt och ett starkare nätverk.",
                version is null ? "Aktiviteten stärker kommunens utveckling." : null,
                r.Next(4) == 0 ? "Elever deltar i utbytet och i utvärderingen." : null, $"KS {start.Year}/{r.Next(1, 2000)}", r.Next(20) == 0, status,
                If(submitted, responsible), If(submitted, submittedAt),
                If(approved, approver), If(approved, approvedAt), approved && version is { } pv ? versionIds[pv] : null,
                approved && version is null ? "Beslutad i väntan på reviderad policy." : null,
                status == ActivityStatus.Rejected ? "Komplettera med budget." : null,
                If(started, start), actualEnd, If(published, approvedAt.AddDays(1)), If(published, coordinator),
                kind == ActivityKind.AidOrDevelopmentCooperation && r.Next(2) == 0, 1);

            if (version is { } v2)
            {
                var codes = policy.Versions[v2].GoalCodes;
                foreach (var code in codes.OrderBy(_ => r.Next()).Take(r.Next(1, 3)))
                    _goals.Row(municipalityId, NewId(r), id, code, "Aktiviteten bidrar till målet genom erfarenhetsutbyte.");
            }
            foreach (var sdg in Enumerable.Range(1, 17).OrderBy(_ => r.Next()).Take(r.Next(0, 4)))
                _sdgs.Row(municipalityId, NewId(r), id, sdg, null);

            // Partners: ~3.3 per activity on average (many bilateral, some large consortia).
            var count = r.Next(10) switch { < 3 => 1, < 5 => 2, < 7 => 3, < 9 => 5, _ => 10 };
            var chosen = new HashSet<int>();
            while (chosen.Count < Math.Min(count, partners.Count)) chosen.Add(r.Next(partners.Count));
            var first = true;
            foreach (var p in chosen)
            {
                _activityPartners.Row(municipalityId, NewId(r), id, partners[p].Id, first && r.Next(3) == 0 ? PartnerRole.Lead : (PartnerRole)r.Next(2, 5));
                first = false;
            }

            // Funding: own budget mostly, EU programmes and other funders now and then, in every state.
            for (var f = r.Next(0, 4); f > 0; f--)
            {
                var source = (FundingSource)r.Next(1, 4);
                var fundingStatus = (FundingStatus)r.Next(1, 6);
                var eur = source == FundingSource.EuProgramme && r.Next(2) == 0;
                var on = start.AddDays(-r.Next(10, 200));
                _funding.Row(municipalityId, NewId(r), id, source, source == FundingSource.OwnBudget ? owner : null,
                    source == FundingSource.EuProgramme ? Pick(r, Programmes) : null, source == FundingSource.OtherFunder ? "Svenska institutet" : null,
                    source == FundingSource.OtherFunder ? FunderKind.National : null, (decimal)r.Next(5, 2000) * 1000m, eur ? Currency.Eur : Currency.Sek,
                    eur ? 11.25m : null, fundingStatus, fundingStatus >= FundingStatus.Applied ? on : null,
                    fundingStatus is FundingStatus.Granted or FundingStatus.Rejected or FundingStatus.Paid ? on.AddDays(60) : null,
                    fundingStatus == FundingStatus.Paid ? on.AddDays(120) : null, null);
            }

            // Trips to a partner's country.
            for (var t = r.Next(0, 3) == 0 ? r.Next(1, 3) : 0; t > 0; t--)
            {
                var depart = start.AddDays(r.Next(0, 60));
                var travellers = r.Next(1, 6);
                _trips.Row(municipalityId, NewId(r), id, $"{travellers} medarbetare", travellers, Pick(r, Cities), partners[chosen.First()].Country, depart, depart.AddDays(r.Next(1, 6)),
                    (decimal)r.Next(4, 60) * 1000m, "Partnermöte");
            }

            // Results: yearly for started ones, a final report for those reported.
            if (started)
                for (var year = start.Year; year <= Math.Min((actualEnd ?? NationalGenerator.Today).Year, NationalGenerator.LastYear); year++)
                    if (r.Next(4) != 0)
                        _results.Row(municipalityId, NewId(r), id, year, "Under året genomfördes planerade möten och erfarenheterna spreds.", At(new DateOnly(year + 1, 1, 20), r), responsible);
            if (status == ActivityStatus.ResultsReported)
                _results.Row(municipalityId, NewId(r), id, null, "Slutrapport: aktiviteten genomfördes och ledde till nya arbetssätt.", At(actualEnd!.Value.AddDays(30), r), responsible);

            // KS exceptions: now and then for a partner in a country outside Europe.
            if (submitted && r.Next(40) == 0)
                _exceptions.Row(municipalityId, NewId(r), id, partners[chosen.First()].Id, "KS", DateOnly.FromDateTime(submittedAt.UtcDateTime).AddDays(14),
                    $"KS {start.Year}/{r.Next(1, 900)}", $"§ {r.Next(1, 300)}", start.AddDays(730), "KS medger undantag för samarbetet.", submittedAt.AddDays(15), secretariat, 1);

            if (approved && r.Next(4) == 0 && start.Year <= NationalGenerator.LastYear)
                _activityPriorities.Row(municipalityId, NewId(r), id, Pick(r, priorities[start.Year]));
            if (approved && r.Next(10) == 0)
            {
                var key = (committees[r.Next(committees.Count)], start.Year);
                if (!planActivities.TryGetValue(key, out var list)) planActivities[key] = list = [];
                list.Add(id);
            }
        }

        // Action plans: every committee for 2024 and 2025; 2024 evaluated, 2025 adopted (some missing, as in life).
        foreach (var committee in committees)
        {
            Guid? previous = null;
            foreach (var year in new[] { 2024, 2025 })
            {
                if (r.Next(6) == 0) { previous = null; continue; }
                var planId = NewId(r);
                var evaluated = year == 2024;
                _plans.Row(municipalityId, planId, committee, year, evaluated ? ActionPlanStatus.Evaluated : ActionPlanStatus.Adopted, new DateOnly(year, 2, 15), "Nämnden", $"§ {r.Next(1, 99)}",
                    evaluated ? At(new DateOnly(year + 1, 1, 31), r) : null, evaluated ? coordinator : null, evaluated ? "Planen genomfördes i huvudsak." : null, previous, 1);
                var codes = policy.Versions[InForce(new DateOnly(year, 6, 30)) ?? 0].GoalCodes;
                for (var i = 0; i < r.Next(2, 6); i++)
                    _planItems.Row(municipalityId, NewId(r), planId, i + 1, $"Insats {i + 1}: {Pick(r, Themes)}", "För att nå nämndens mål.", Pick(r, codes), Pick(r, priorities[year]),
                        "Förvaltningen", $"{year}", (decimal)r.Next(10, 500) * 1000m, "Antal genomförda aktiviteter", "3",
                        planActivities.TryGetValue((committee, year), out var linked) ? linked.Take(5).ToArray() : Array.Empty<Guid>(),
                        evaluated ? (ItemOutcome)r.Next(1, 4) : null, evaluated ? "Ledde till nya kontakter." : null, evaluated ? "2" : null);
                previous = planId;
            }
        }
    }

    private static object? If(bool condition, object value) => condition ? value : null;

    private static DateTimeOffset At(DateOnly date, Random r) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero).AddMinutes(r.Next(0, 600));

    /// <summary>How far an activity has come by the generator's today, from its dates.</summary>
    private static ActivityStatus StatusFor(Random r, DateOnly start, DateOnly? end)
    {
        var today = NationalGenerator.Today;
        var roll = r.Next(100);
        if (roll < 3) return ActivityStatus.Rejected;
        if (roll < 6) return ActivityStatus.Withdrawn;
        if (start > today.AddDays(-30)) return roll < 40 ? ActivityStatus.Draft : roll < 70 ? ActivityStatus.Submitted : ActivityStatus.Approved;
        if (end is null || end >= today) return roll < 8 ? ActivityStatus.Submitted : ActivityStatus.Ongoing;
        return roll < 45 ? ActivityStatus.ResultsReported : roll < 90 ? ActivityStatus.Completed : ActivityStatus.Ongoing;
    }
}
