using Microsoft.AspNetCore.Mvc.Rendering;

namespace Omvarld.Web.Features.Units;

public sealed record UnitFieldsView(UnitFormInput Input, bool ShowKind, List<SelectListItem> Parents, List<SelectListItem> Committees);
