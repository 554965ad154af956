using Meldroute.Web.Features.Signals;

namespace Meldroute.Tests.Features.Signals;

[Trait("Category", "Domain")]
public sealed class RouteSuggestionsTests
{
    private static readonly RegistryPartner[] Registry =
    [
        new(1, "HVO-Querido", ExploitationForms.Sexual | ExploitationForms.Labour | ExploitationForms.Criminal, Route.VictimTrack, true),
        new(2, "Scharlaken Koord", ExploitationForms.Sexual, Route.VictimTrack, false),
        new(3, "NLA", ExploitationForms.Labour, Route.LabourInspectorate, true),
    ];

    [Fact]
    public void Labour_exploitation_always_proposes_the_labour_inspectorate_and_a_minor_youth_care()
    {
        Assert.Equal([Route.LabourInspectorate], RouteSuggestions.Proposed(ExploitationForms.Labour | ExploitationForms.Sexual, involvesMinor: false));
        Assert.Equal([Route.YouthCare], RouteSuggestions.Proposed(ExploitationForms.Criminal, involvesMinor: true));
        Assert.Empty(RouteSuggestions.Proposed(ExploitationForms.Sexual, involvesMinor: false));
    }

    [Fact]
    public void Scharlaken_Koord_is_offered_for_sexual_exploitation_only_and_the_default_partner_comes_first()
    {
        Assert.Equal(["HVO-Querido", "Scharlaken Koord"], RouteSuggestions.PartnersFor(Route.VictimTrack, ExploitationForms.Sexual, Registry).Select(p => p.Name));
        Assert.Equal(["HVO-Querido"], RouteSuggestions.PartnersFor(Route.VictimTrack, ExploitationForms.Labour, Registry).Select(p => p.Name));
        Assert.Equal(2, RouteSuggestions.PartnersFor(Route.VictimTrack, ExploitationForms.Unknown, Registry).Count);
    }
}
