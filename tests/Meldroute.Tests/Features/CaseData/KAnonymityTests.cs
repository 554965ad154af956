using Meldroute.Web.Features.CaseData;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Features.VictimDossiers;

namespace Meldroute.Tests.Features.CaseData;

/// <summary>The generalisation hierarchy of the HTCDS export and k-anonymity by generalisation and suppression (issue 21 item 5).</summary>
[Trait("Category", "Domain")]
public sealed class KAnonymityTests
{
    private static string Level(string column, string value, int level) =>
        HtcdsCase.Columns.Single(c => c.Name == column).Generalise(value, level);

    [Fact]
    public void Each_column_generalises_along_its_hierarchy_and_the_period_stops_at_the_year()
    {
        Assert.Equal(["2026-05", "2026-Q2", "2026"], [.. Enumerable.Range(0, 3).Select(l => Level("cas_IncomingReferralDate", "2026-05", l))]);
        Assert.Equal("2026-Q4", Level("cas_IncomingReferralDate", "2026-12", 1));
        Assert.Equal(2, HtcdsCase.Columns[HtcdsCase.PeriodColumn].MaxLevel);
        Assert.Equal(["16-17", "Minor", HtcdsCase.Withheld], [.. Enumerable.Range(0, 3).Select(l => Level("mr_AgeGroup", "16-17", l))]);
        Assert.Equal("Adult", Level("mr_AgeGroup", "18-23", 1));
        Assert.Equal("Minor", Level("mr_AgeGroup", "Minor", 1));
        Assert.Equal("Unknown", Level("mr_AgeGroup", "Unknown", 1));
        Assert.Equal(["Africa", "NonEU", HtcdsCase.Withheld], [.. Enumerable.Range(0, 3).Select(l => Level("mr_NationalityGroup", "Africa", l))]);
        Assert.Equal("EU", Level("mr_NationalityGroup", "EU", 1));
        Assert.Equal("NonEU", Level("mr_NationalityGroup", "Stateless", 1));
        Assert.Equal(["PerpetratorTrack;Police", "Referred", HtcdsCase.Withheld], [.. Enumerable.Range(0, 3).Select(l => Level("mr_ReferralRoutes", "PerpetratorTrack;Police", l))]);
        Assert.Equal("NoFurtherAction", Level("mr_ReferralRoutes", "NoFurtherAction", 1));
        Assert.Equal(["Female", HtcdsCase.Withheld], [.. Enumerable.Range(0, 2).Select(l => Level("prs_Gender", "Female", l))]);
        // A value that does not apply stays empty: there is nothing to withhold.
        Assert.Equal("", Level("vic_TypeOfSexExploitation", "", 1));
    }

    [Fact]
    public void Rows_use_HTCDS_names_and_values_including_criminal_exploitation_as_illicit_activities()
    {
        var signal = HtcdsCase.SignalRow(202603, ExploitationForms.Criminal | ExploitationForms.Sexual, involvesMinor: true, [Route.Police, Route.VictimTrack]);
        Assert.Equal(["Signal", "2026-03", "SexualExploitation;IllicitActivities", "", "", "Minor", "Unknown", "Unknown", "VictimTrack;Police"], signal);
        Assert.Equal("Unknown", HtcdsCase.SignalRow(202601, ExploitationForms.Unknown, false, [])[2]);
        Assert.Equal("None", HtcdsCase.SignalRow(202601, ExploitationForms.Labour, false, [])[8]);

        var victim = HtcdsCase.VictimRow(new DateTimeOffset(2025, 11, 3, 9, 0, 0, TimeSpan.Zero), ComenshaForms.Labour | ComenshaForms.Criminal, ExploitationSector.Begging,
            HtcdsCase.AgeValue(AgeGroup.Age12To15), Gender.TransgenderOrNonConforming, NationalityGroup.EuropeOther, [Route.VictimTrack]);
        Assert.Equal(["Victim", "2025-11", "ForcedLabour;IllicitActivities", "", "Begging", "12-15", "Transgender/NonConforming", "EuropeOther", "VictimTrack"], victim);
        Assert.Equal("Prostitution", HtcdsCase.SexSector(ExploitationSector.HomeProstitution));
        Assert.Equal("RemoteInteractiveServices", HtcdsCase.SexSector(ExploitationSector.OnlineSexualServices));
        Assert.Equal("Transportation", HtcdsCase.LabourSector(ExploitationSector.TransportAndStorage));
        Assert.Equal("IllicitActivities", HtcdsCase.LabourSector(ExploitationSector.FraudOrMoneyMule));
        Assert.Equal("OrganRemoval", HtcdsCase.Forms(ComenshaForms.OrganRemoval));
        Assert.Equal(HtcdsCase.Columns.Count, HtcdsCase.LevelNames.Count);
        Assert.All(HtcdsCase.Columns.Zip(HtcdsCase.LevelNames), x => Assert.Equal(x.First.MaxLevel + 1, x.Second.Count));
    }

    [Fact]
    public void Every_row_that_remains_shares_its_values_with_at_least_k_rows_and_the_rest_are_counted_as_left_out()
    {
        var random = new Random(21);
        Route[][] routeSets = [[], [Route.VictimTrack], [Route.Police, Route.PerpetratorTrack], [Route.NoFurtherAction]];
        var rows = new List<string[]>();
        for (var i = 0; i < 300; i++)
        {
            var forms = (ExploitationForms)(1 << random.Next(3));
            rows.Add(random.Next(4) == 0
                ? HtcdsCase.VictimRow(new DateTimeOffset(2024 + random.Next(3), 1 + random.Next(12), 1, 0, 0, 0, TimeSpan.Zero), ComenshaRules.FromSignal(forms),
                    (ExploitationSector)random.Next(Enum.GetValues<ExploitationSector>().Length), HtcdsCase.AgeValue((AgeGroup)random.Next(9)),
                    (Gender)random.Next(4), (NationalityGroup)random.Next(9), routeSets[random.Next(routeSets.Length)])
                : HtcdsCase.SignalRow((2024 + random.Next(3)) * 100 + 1 + random.Next(12), forms, random.Next(3) == 0, routeSets[random.Next(routeSets.Length)]));
        }

        foreach (var k in new[] { 2, 5, 10 })
        {
            var result = KAnonymity.Apply(rows, HtcdsCase.Columns, k);
            Assert.True(KAnonymity.IsKAnonymous(result.Rows, k), $"k={k}");
            Assert.Equal(rows.Count, result.Rows.Count + result.LeftOut.Count);
            Assert.Empty(result.Kept.Intersect(result.LeftOut));
            // Datafly stops when no more than k rows are rare, unless every column is as coarse as it goes.
            Assert.True(result.LeftOut.Count <= k || result.Levels.Select((l, c) => l == HtcdsCase.Columns[c].MaxLevel).All(x => x), $"k={k}: {result.LeftOut.Count} left out");
            // The kept rows are the originals, generalised: the record type and the year never change.
            foreach (var (row, index) in result.Rows.Zip(result.Kept))
            {
                Assert.Equal(rows[index][0], row[0]);
                Assert.Equal(HtcdsCase.YearOf(rows[index][HtcdsCase.PeriodColumn]), HtcdsCase.YearOf(row[HtcdsCase.PeriodColumn]));
            }
        }

        // A larger k never keeps finer columns.
        var (five, ten) = (KAnonymity.Apply(rows, HtcdsCase.Columns, 5), KAnonymity.Apply(rows, HtcdsCase.Columns, 10));
        Assert.True(five.Levels.Zip(ten.Levels).All(x => x.First <= x.Second), string.Join(",", five.Levels) + " / " + string.Join(",", ten.Levels));
    }

    [Fact]
    public void Nothing_is_generalised_when_every_combination_is_common_and_a_lone_row_is_left_out_when_nothing_helps()
    {
        var common = Enumerable.Repeat(HtcdsCase.SignalRow(202602, ExploitationForms.Labour, false, [Route.LabourInspectorate]), 5).ToList();
        var result = KAnonymity.Apply(common, HtcdsCase.Columns, 5);
        Assert.All(result.Levels, l => Assert.Equal(0, l));
        Assert.Equal(5, result.Rows.Count);

        // One victim row among signal rows differs in its record type, which is never generalised: it cannot hide.
        List<string[]> withVictim = [.. common, .. common, HtcdsCase.VictimRow(DateTimeOffset.UnixEpoch.AddYears(56), ComenshaForms.Labour, ExploitationSector.Agriculture, "30-39", Gender.Male, NationalityGroup.Asia, [Route.VictimTrack])];
        var lone = KAnonymity.Apply(withVictim, HtcdsCase.Columns, 5);
        Assert.Equal([10], lone.LeftOut);
        Assert.Equal(10, lone.Rows.Count);
        Assert.DoesNotContain(lone.Rows, r => r[0] == HtcdsCase.VictimRecord);
    }

    [Fact]
    public void The_k_anonymity_check_sees_a_group_smaller_than_k()
    {
        string?[] a = ["Signal", "2026", null];
        string?[] b = ["Signal", "2025", null];
        Assert.True(KAnonymity.IsKAnonymous([a, a, b, b], 2));
        Assert.False(KAnonymity.IsKAnonymous([a, a, b], 2));
    }
}
