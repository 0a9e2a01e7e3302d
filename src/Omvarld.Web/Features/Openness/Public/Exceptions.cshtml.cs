using Microsoft.AspNetCore.Mvc;

namespace Omvarld.Web.Features.Openness.Public;

/// <summary>R9, R20: KS's decisions on exceptions from the partner precondition — public decisions, without the officials' names.</summary>
public sealed class ExceptionsModel(PublicQueries queries) : PublicPageModel(queries)
{
    public List<PublicException> Exceptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(ct)) return NotFound();
        if (await NotModifiedAsync(ct)) return NotModifiedResult();
        Exceptions = await Queries.ExceptionsAsync(Municipality, BaseUrl, ct);
        return Page();
    }
}
