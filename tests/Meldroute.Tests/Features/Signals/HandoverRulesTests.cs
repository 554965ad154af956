using Meldroute.Web.Features.Signals;

namespace Meldroute.Tests.Features.Signals;

[Trait("Category", "Domain")]
public sealed class HandoverRulesTests
{
    [Theory]
    [InlineData(Route.VictimTrack, PersonRole.PossibleVictim, true)]
    [InlineData(Route.VictimTrack, PersonRole.PossibleExploiter, false)]
    [InlineData(Route.YouthCare, PersonRole.PossibleVictim, true)]
    [InlineData(Route.YouthCare, PersonRole.PossibleExploiter, false)]
    [InlineData(Route.PerpetratorTrack, PersonRole.PossibleExploiter, true)]
    [InlineData(Route.PerpetratorTrack, PersonRole.PossibleVictim, false)]
    [InlineData(Route.Police, PersonRole.PossibleExploiter, true)]
    [InlineData(Route.Police, PersonRole.PossibleVictim, false)]
    [InlineData(Route.LabourInspectorate, PersonRole.PossibleExploiter, true)]
    [InlineData(Route.LabourInspectorate, PersonRole.PossibleVictim, false)]
    [InlineData(Route.AdministrativeMeasure, PersonRole.PossibleExploiter, true)]
    [InlineData(Route.AdministrativeMeasure, PersonRole.PossibleVictim, false)]
    [InlineData(Route.Police, PersonRole.Other, false)]
    [InlineData(Route.NoFurtherAction, PersonRole.PossibleVictim, false)]
    public void By_default_the_victim_side_gets_the_victim_and_the_enforcement_side_the_exploiter(Route route, PersonRole role, bool carried)
    {
        Assert.Equal(carried, HandoverRules.Carries(HandoverRules.Defaults(route), role));
    }

    [Theory]
    [InlineData(Route.VictimTrack)]
    [InlineData(Route.YouthCare)]
    [InlineData(Route.PerpetratorTrack)]
    [InlineData(Route.Police)]
    [InlineData(Route.LabourInspectorate)]
    [InlineData(Route.AdministrativeMeasure)]
    public void Every_forwarding_route_carries_location_and_summary_and_never_the_reporters_words_by_default(Route route)
    {
        var defaults = HandoverRules.Defaults(route);
        Assert.True(defaults.HasFlag(HandoverData.Location));
        Assert.True(defaults.HasFlag(HandoverData.Summary));
        Assert.False(defaults.HasFlag(HandoverData.ReporterWords));
    }

    [Fact]
    public void Only_categories_beyond_the_defaults_count_as_widening()
    {
        Assert.Equal(HandoverData.None, HandoverRules.Widening(Route.VictimTrack, HandoverData.VictimIdentity | HandoverData.Summary));
        Assert.Equal(HandoverData.ReporterWords, HandoverRules.Widening(Route.VictimTrack, HandoverData.VictimIdentity | HandoverData.ReporterWords));
        Assert.Equal(HandoverData.VictimIdentity, HandoverRules.Widening(Route.Police, HandoverData.VictimIdentity | HandoverData.ExploiterIdentity));
    }

    [Fact]
    public void A_minor_needs_youth_care_or_a_reason_why_not()
    {
        Assert.True(HandoverRules.MissesYouthCare(true, [Route.VictimTrack], null));
        Assert.True(HandoverRules.MissesYouthCare(true, [Route.VictimTrack], "  "));
        Assert.False(HandoverRules.MissesYouthCare(true, [Route.VictimTrack, Route.YouthCare], null));
        Assert.False(HandoverRules.MissesYouthCare(true, [Route.VictimTrack], "Jeugdbescherming is al betrokken via de raad."));
        Assert.False(HandoverRules.MissesYouthCare(false, [Route.Police], null));
    }

    [Fact]
    public void Categories_split_and_combine_in_form_order()
    {
        var all = HandoverRules.Combine(HandoverRules.Categories);
        Assert.Equal(HandoverRules.Categories, HandoverRules.Split(all));
        Assert.Equal([HandoverData.ExploiterIdentity, HandoverData.Summary], HandoverRules.Split(HandoverData.Summary | HandoverData.ExploiterIdentity));
    }
}
