namespace Meldroute.Web;

/// <summary>Marker for Resources/SharedResource.resx (Dutch, the neutral language) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
