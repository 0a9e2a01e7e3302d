using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Omvarld.Domain.Organisation;

namespace Omvarld.Web.Features.Units;

/// <summary>The unit form's fields, shared by the create and edit pages.</summary>
public sealed class UnitFormInput
{
    [Required(ErrorMessage = "Validation_Required"), MaxLength(Unit.NameMaxLength, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_Name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Validation_Required"), Display(Name = "Field_Kind")]
    public UnitKind? Kind { get; set; }

    [Display(Name = "Field_ParentId")]
    public Guid? ParentId { get; set; }

    [Display(Name = "Field_ReportsToCommitteeId")]
    public Guid? ReportsToCommitteeId { get; set; }

    public int? Version { get; set; }

    public UnitInput ToInput() => new(Name, Kind, ParentId, ReportsToCommitteeId, Version);
}

public static class UnitOptions
{
    /// <summary>Open units as options, indented by depth; <paramref name="exclude"/> and its subtree left out (a unit cannot move under itself).</summary>
    public static List<SelectListItem> Parents(UnitTree tree, Guid? exclude)
    {
        var skip = exclude is { } id ? tree.SelfAndDescendants(id) : new HashSet<Guid>();
        return tree.DepthFirst().Where(r => !r.Node.IsClosed && !skip.Contains(r.Node.Id))
            .Select(r => new SelectListItem(new string('\u00A0', r.Depth * 3) + r.Node.Name, r.Node.Id.ToString())).ToList();
    }

    public static List<SelectListItem> Committees(UnitTree tree) =>
        tree.All.Where(n => n.Kind == UnitKind.Committee && !n.IsClosed).OrderBy(n => n.Name)
            .Select(n => new SelectListItem(n.Name, n.Id.ToString())).ToList();
}
