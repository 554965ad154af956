using Meldroute.Web.Features.Audit;

namespace Meldroute.Tests.Features.Audit;

[Trait("Category", "Domain")]
public sealed class AuditChainTests
{
    private static List<AuditEvent> Chain(int length)
    {
        var events = new List<AuditEvent>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= length; i++)
        {
            var e = new AuditEvent
            {
                Sequence = i,
                OccurredAt = new DateTimeOffset(2026, 11, 28, 10, 0, i, TimeSpan.Zero),
                ActorId = "user-" + i,
                Action = "test.action",
                Outcome = AuditOutcome.Success,
                PreviousHash = previous,
                Hash = "",
            };
            e.Hash = AuditChain.ComputeHash(e);
            previous = e.Hash;
            events.Add(e);
        }

        return events;
    }

    private static AuditChainHead HeadOf(List<AuditEvent> events) => new() { LastSequence = events[^1].Sequence, LastHash = events[^1].Hash };

    [Fact]
    public void An_untouched_chain_is_intact()
    {
        var events = Chain(5);

        var result = AuditChain.Verify(events, HeadOf(events));

        Assert.True(result.IsIntact);
        Assert.Equal(5, result.RowsChecked);
    }

    [Fact]
    public void An_empty_log_without_head_is_intact()
    {
        Assert.True(AuditChain.Verify([], null).IsIntact);
    }

    [Fact]
    public void An_altered_field_is_found_at_its_row()
    {
        var events = Chain(5);
        var head = HeadOf(events);
        events[2].ActorId = "someone-else";

        var result = AuditChain.Verify(events, head);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Equal(AuditBreak.Altered, result.Break);
    }

    [Fact]
    public void A_removed_row_in_the_middle_is_found()
    {
        var events = Chain(5);
        var head = HeadOf(events);
        events.RemoveAt(1);

        var result = AuditChain.Verify(events, head);

        Assert.Equal(2, result.FirstBrokenSequence);
        Assert.Equal(AuditBreak.Missing, result.Break);
    }

    [Fact]
    public void A_removed_newest_row_is_found_through_the_head()
    {
        var events = Chain(5);
        var head = HeadOf(events);
        events.RemoveAt(4);

        var result = AuditChain.Verify(events, head);

        Assert.Equal(5, result.FirstBrokenSequence);
        Assert.Equal(AuditBreak.Missing, result.Break);
    }

    [Fact]
    public void A_row_rehashed_after_altering_breaks_the_link_of_the_next_row()
    {
        var events = Chain(5);
        var head = HeadOf(events);
        events[1].Purpose = "covered-up";
        events[1].Hash = AuditChain.ComputeHash(events[1]);

        var result = AuditChain.Verify(events, head);

        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Equal(AuditBreak.Unlinked, result.Break);
    }

    [Fact]
    public void The_hash_ignores_sub_millisecond_precision_so_every_database_reads_back_the_same_hash()
    {
        var e = Chain(1)[0];
        var original = AuditChain.ComputeHash(e);
        e.OccurredAt = e.OccurredAt.AddTicks(1234);

        Assert.Equal(original, AuditChain.ComputeHash(e));
    }

    [Fact]
    public void Fields_cannot_be_shifted_into_each_other()
    {
        var a = Chain(1)[0];
        var b = Chain(1)[0];
        a.ObjectType = "ab";
        a.ObjectId = "c";
        b.ObjectType = "a";
        b.ObjectId = "bc";

        Assert.NotEqual(AuditChain.ComputeHash(a), AuditChain.ComputeHash(b));
    }

    [Fact]
    public void A_chain_trimmed_behind_a_checkpoint_is_intact_and_without_it_is_not()
    {
        var events = Chain(6);
        var kept = events.Skip(3).ToList();
        var head = HeadOf(events);

        Assert.False(AuditChain.Verify(kept, head).IsIntact);

        head.CheckpointSequence = events[2].Sequence;
        head.CheckpointHash = events[2].Hash;
        Assert.True(AuditChain.Verify(kept, head).IsIntact);
        Assert.True(AuditChain.RecordsCheckpoint(AuditChain.CheckpointRecord(3, events[2].Hash, new DateOnly(2019, 3, 2)), 3, events[2].Hash));
        Assert.False(AuditChain.RecordsCheckpoint(AuditChain.CheckpointRecord(3, events[2].Hash, new DateOnly(2019, 3, 2)), 4, events[3].Hash));
    }
}
