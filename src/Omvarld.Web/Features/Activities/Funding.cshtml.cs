using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Activities;

/// <summary>R21: the coordinator's and KS's funding pipeline: external money by status and programme, and the projects that sought none.</summary>
[Authorize(Policy = AuthorizationPolicies.CoordinatorOrKs)]
public sealed class FundingModel(ActivityQueries queries) : PageModel
{
    public int? Year { get; private set; }
    public FundingPipelineDto Pipeline { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Year = int.TryParse(Request.Query["ar"].FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2100 ? y : null;
        Pipeline = await queries.PipelineAsync(Year);
    }
}
