using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Access;
using Omvarld.Web.Data;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Admin.SignIn;

/// <summary>
/// The municipality's sign-in with OpenID Connect. The coordinator edits their own municipality's; the system
/// administrator chooses the municipality (<c>?kommun=</c>).
/// </summary>
public sealed class IndexModel(OidcSettingsService settings, AuditQueries audit, TenantContext tenant, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Blank rows offered below the saved mappings; a blank row is not saved.</summary>
    public const int BlankMappingRows = 3;

    [BindProperty(SupportsGet = true, Name = "kommun")] public Guid? Municipality { get; set; }
    [BindProperty] public FormInput Input { get; set; } = new();
    public OidcSettingsDto? Current { get; private set; }
    public bool IsSystemAdministrator { get; private set; }
    public List<(Guid Id, string Name)> Municipalities { get; private set; } = [];
    public List<(Guid Id, string Name)> Units { get; private set; } = [];
    public Page<AuditDto>? History { get; private set; }
    public string CallbackUrl => Current is null ? "" : $"{Request.Scheme}://{Request.Host}{Request.PathBase}{Current.CallbackPath}";

    public sealed class FormInput
    {
        public bool Enabled { get; set; }
        [Display(Name = "Oidc_Field_DisplayName")] public string? DisplayName { get; set; }
        [Display(Name = "Oidc_Field_Issuer")] public string? Issuer { get; set; }
        [Display(Name = "Oidc_Field_ClientId")] public string? ClientId { get; set; }
        [Display(Name = "Oidc_Field_ClientSecret"), DataType(DataType.Password)] public string? ClientSecret { get; set; }
        [Display(Name = "Oidc_Field_Scopes")] public string? Scopes { get; set; }
        [Display(Name = "Oidc_Field_SubjectClaim")] public string? SubjectClaim { get; set; }
        [Display(Name = "Oidc_Field_EmailClaim")] public string? EmailClaim { get; set; }
        [Display(Name = "Oidc_Field_NameClaim")] public string? NameClaim { get; set; }
        [Display(Name = "Oidc_Field_GroupsClaim")] public string? GroupsClaim { get; set; }
        public List<MappingRow> Mappings { get; set; } = [];
        public int Version { get; set; }
    }

    public sealed class MappingRow
    {
        public string? Group { get; set; }
        public Role? Role { get; set; }
        public Guid? UnitId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Current is null) return Page();
        Input = new FormInput
        {
            Enabled = Current.Enabled, DisplayName = Current.DisplayName, Issuer = Current.Issuer, ClientId = Current.ClientId,
            Scopes = Current.Scopes, SubjectClaim = Current.SubjectClaim, EmailClaim = Current.EmailClaim, NameClaim = Current.NameClaim,
            GroupsClaim = Current.GroupsClaim, Version = Current.Version,
            Mappings = [.. Current.Mappings.Select(m => new MappingRow { Group = m.Group, Role = m.Role, UnitId = m.UnitId })],
        };
        PadMappings();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Current is null) return Page();
        // A row with neither group nor role is one of the blank rows: not a mapping.
        var rows = Input.Mappings.Where(m => !string.IsNullOrWhiteSpace(m.Group) || m.Role is not null).ToList();
        var input = new OidcSettingsInput(Input.Enabled, Input.DisplayName, Input.Issuer, Input.ClientId, Input.ClientSecret, Input.Scopes,
            Input.SubjectClaim, Input.EmailClaim, Input.NameClaim, Input.GroupsClaim,
            [.. rows.Select(m => new OidcMappingInput(m.Group, m.Role, m.UnitId))], Input.Version);
        ModelState.Clear();
        var (saved, errors) = await settings.SaveAsync(Current.MunicipalityId, input, ct);
        Input.ClientSecret = null;
        if (errors.Count == 0)
        {
            TempData["Flash"] = l["Common_SavedFlash"].Value;
            return Redirect(Url.Page("/Admin/SignIn/Index", new { kommun = IsSystemAdministrator ? Current.MunicipalityId : (Guid?)null })!);
        }
        if (errors[0].Error == "Concurrency_Conflict")
        {
            ModelState.AddModelError(string.Empty, l["Concurrency_Conflict"]);
            Input.Version = saved?.Version ?? Input.Version;
        }
        else
        {
            Input.Mappings = rows;
            foreach (var e in errors) ModelState.AddModelError("Input." + (e.Field ?? ""), l.Message(e));
        }
        PadMappings();
        return Page();
    }

    private void PadMappings()
    {
        for (var i = 0; i < BlankMappingRows; i++) Input.Mappings.Add(new MappingRow());
    }

    /// <summary>False: the named municipality is not the caller's to configure.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        IsSystemAdministrator = (await me.GetScopeAsync(ct)).IsSystemAdministrator;
        if (IsSystemAdministrator)
        {
            Municipalities = await settings.MunicipalitiesAsync(ct);
            if (Municipality is null) return true;
        }
        if (await settings.ResolveAsync(Municipality, ct) is not { } m) return false;
        Current = await settings.GetAsync(m, ct);
        Units = await settings.UnitsAsync(m, ct);
        if (Current is { Version: > 0 })
        {
            var previous = tenant.MunicipalityId;
            tenant.Use(m);
            var id = await settings.ProviderIdAsync(m, ct);
            if (id is { } providerId) History = await audit.ListAsync(nameof(OidcProvider), providerId, 1, 20, ct);
            tenant.Use(previous);
        }
        return true;
    }
}
