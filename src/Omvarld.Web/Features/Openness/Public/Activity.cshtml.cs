using Microsoft.AspNetCore.Mvc;

namespace Omvarld.Web.Features.Openness.Public;

/// <summary>R20: one published activity. Unpublished, unapproved, missing or another municipality's: the same 404.</summary>
public sealed class ActivityModel(PublicQueries queries) : PublicPageModel(queries)
{
    public PublicActivity Activity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await ResolveAsync(ct)) return NotFound();
        if (!await Queries.IsPublishedAsync(id, ct)) return NotFound();
        if (await NotModifiedAsync(ct)) return NotModifiedResult();
        if (await Queries.GetAsync(Municipality, id, BaseUrl, ct) is not { } a) return NotFound();
        Activity = a;
        return Page();
    }
}
