using System.Resources;

// The neutral resources are Dutch: Dutch is the first language of Meldroute.
[assembly: NeutralResourcesLanguage("nl")]
