using Meldroute.Web.Features.CaseTable;
using Meldroute.Web.Features.Signals;

namespace Meldroute.Tests.Features.Signals;

[Trait("Category", "Domain")]
public sealed class SignalPurgeTests
{
    [Fact]
    public void Forwarding_deletes_every_piece_of_personal_content_and_keeps_the_anonymous_remains()
    {
        var at = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        var signal = new Signal
        {
            Reference = "MR-2026-0007",
            SubmittedById = "reporter",
            Description = "tekst",
            ObservedOn = new DateOnly(2026, 11, 20),
            LocationDetail = "adres",
            LocationOther = "anders",
            SourceDetail = "bron",
            AnalysisNotes = "notities",
            DecisionReason = "reden",
            NoYouthCareReason = "al bekend bij jeugdbescherming",
            LocationType = LocationType.Hotel,
            Forms = ExploitationForms.Labour,
            IndicatorCodes = "L01",
            InvolvesMinor = true,
            People = [new SignalPerson { NameOrDescription = "A" }, new SignalPerson { NameOrDescription = "B" }],
        };
        var agenda = new List<AgendaItem> { new() { Assessment = "beoordeling" }, new() };
        var balancing = new List<BalancingOfInterests> { new() { RecordedById = "o", Purpose = "doel", Outcome = "uitkomst", WideningReason = "breder", SharingJustified = true } };
        var routes = new List<DecisionRoute> { new() { Route = Route.VictimTrack, Reason = "zorg", PartnerIds = "1" }, new() { Route = Route.Police, PartnerIds = "2", HandoverSummary = "samenvatting" } };

        var receipt = SignalPurge.Apply(signal, agenda, balancing, routes, SignalPurge.OnForwardingRule, at);

        Assert.True(SignalPurge.HoldsNoPersonalContent(signal));
        Assert.All(agenda, a => Assert.Null(a.Assessment));
        Assert.All(balancing, b => Assert.Null(b.Purpose ?? b.Outcome ?? b.Necessity ?? b.WeighedBy ?? b.WideningReason));
        Assert.All(routes, r => Assert.Null(r.Reason ?? r.HandoverSummary));
        Assert.Equal((2, 8, 1, 1, 2), (receipt.People, receipt.TextFields, receipt.Assessments, receipt.BalancingRecords, receipt.RouteReasons));
        Assert.Same(receipt, signal.DeletionReceipt);
        Assert.Equal(("MR-2026-0007", LocationType.Hotel, ExploitationForms.Labour, "L01", true), (signal.Reference, signal.LocationType, signal.Forms, signal.IndicatorCodes, signal.InvolvesMinor));
        Assert.Equal("1", routes[0].PartnerIds);
        Assert.True(balancing[0].SharingJustified);
    }
}
