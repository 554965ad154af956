namespace Meldroute.Web.Features.Signals;

/// <summary>How long the officers' free texts on a signal may be: notes and assessments, and reasons (the columns' lengths).</summary>
public static class SubmitLimits
{
    public const int NotesMax = 10_000;
    public const int ReasonMax = 2_000;

    /// <summary>A route's hand-over summary (the column's length).</summary>
    public const int HandoverSummaryMax = 4_000;
}
