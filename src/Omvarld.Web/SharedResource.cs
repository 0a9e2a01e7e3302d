namespace Omvarld.Web;

/// <summary>Marker for the UI's texts: <c>Resources/SharedResource.resx</c> (Swedish, the neutral language).</summary>
public sealed class SharedResource;
