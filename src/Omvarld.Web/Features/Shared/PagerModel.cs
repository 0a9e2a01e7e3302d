namespace Omvarld.Web.Features.Shared;

/// <summary>Links to the previous and next page of a list, keeping the other query parameters.</summary>
public sealed record PagerModel(int PageNumber, int PageCount, string Parameter = "sida");
