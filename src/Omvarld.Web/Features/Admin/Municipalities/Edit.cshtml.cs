using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Omvarld.Domain.Municipalities;
using Omvarld.Web.Features.Audit;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Admin.Municipalities;

/// <summary>Create (no id) or edit a municipality.</summary>
[Authorize(Policy = AuthorizationPolicies.SystemAdmin)]
public sealed class EditModel(MunicipalityService municipalities, AuditQueries audit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public FormInput Input { get; set; } = new();
    public bool IsNew { get; private set; }
    public Page<AuditDto>? History { get; private set; }

    public sealed class FormInput
    {
        [Required(ErrorMessage = "Validation_Required"), MaxLength(Municipality.NameMaxLength, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_Name")]
        public string? Name { get; set; }
        [Required(ErrorMessage = "Validation_Required"), MaxLength(Municipality.SlugMaxLength, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_Slug")]
        public string? Slug { get; set; }
        [MaxLength(4, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_MunicipalityCode")]
        public string? MunicipalityCode { get; set; }
        public int? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        IsNew = id is null;
        if (id is null) return Page();
        var m = await municipalities.FindAsync(id.Value);
        if (m is null) return NotFound();
        Input = new() { Name = m.Name, Slug = m.Slug, MunicipalityCode = m.MunicipalityCode, Version = m.Version };
        await LoadHistoryAsync(id.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        IsNew = id is null;
        if (ModelState.IsValid)
        {
            var input = new MunicipalityInput(Input.Name, Input.Slug, Input.MunicipalityCode, Input.Version);
            if (id is null)
            {
                var (created, result) = await municipalities.CreateAsync(input);
                if (result.IsOk)
                {
                    TempData["Flash"] = l["Municipalities_CreatedFlash", created!.Name].Value;
                    return Redirect($"/admin/kommuner/{created.Id}");
                }
                ModelState.AddModelError("Input." + (result.Field ?? "Name"), l[result.Error!]);
            }
            else
            {
                var outcome = await municipalities.UpdateAsync(id.Value, input);
                if (outcome is null) return NotFound();
                var (current, result) = outcome.Value;
                if (result.IsOk)
                {
                    TempData["Flash"] = l["Common_SavedFlash"].Value;
                    return Redirect($"/admin/kommuner/{id}");
                }
                if (result.Error == "Concurrency_Conflict")
                {
                    ModelState.AddModelError(string.Empty, l["Concurrency_ConflictMunicipality", current!.Name, current.Slug]);
                    Input.Version = current.Version;
                }
                else ModelState.AddModelError("Input." + (result.Field ?? "Name"), l[result.Error!]);
            }
        }
        if (id is { } existing) await LoadHistoryAsync(existing);
        return Page();
    }

    private async Task LoadHistoryAsync(Guid id)
    {
        HttpContext.RequestServices.GetRequiredService<Omvarld.Web.Data.TenantContext>().Use(id);
        History = await audit.ListAsync(nameof(Municipality), id, 1, 20);
    }
}
