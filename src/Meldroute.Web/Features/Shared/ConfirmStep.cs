namespace Meldroute.Web.Features.Shared;

/// <summary>
/// The model of the partial <c>Shared/_ConfirmStep.cshtml</c>: the confirmation an irreversible step asks for before it
/// runs (issue 16: closing a signal, closing a meeting, forwarding). The step's own form posts once without
/// <see cref="ConfirmField"/>: the page changes nothing, checks the input as the step would and shows this panel. The
/// panel's button posts the same fields again with <see cref="ConfirmField"/>=true, and only that post runs the step.
/// Plain HTML forms, so it works without JavaScript. The first form's action should end in <c>#</c><see cref="Id"/>
/// (<c>asp-fragment</c>): the browser then scrolls to the panel and moves focus to it (it has <c>tabindex="-1"</c>).
/// </summary>
/// <param name="Id">The panel's element id, unique on the page.</param>
/// <param name="Title">Its heading: the question, naming the record (e.g. "Signaal MR-2026-0042 afsluiten zonder actie?").</param>
/// <param name="Consequences">What will happen, one concrete sentence each.</param>
/// <param name="Page">The Razor Page the confirmed post goes to (as asp-page), normally the page of the first post.</param>
/// <param name="Handler">Its handler (as asp-page-handler), or null.</param>
/// <param name="RouteValues">Its route values (as asp-all-route-data), e.g. the id.</param>
/// <param name="Fields">What the user sent with the first post (name, value), posted again as hidden fields.</param>
/// <param name="Submit">The primary button's text: the step itself, e.g. "Ja, afsluiten zonder actie".</param>
/// <param name="CancelUrl">Back without doing anything: a link, not a post.</param>
/// <param name="HeadingLevel">2, or 3 inside a section that has its own h2 (the signal's page).</param>
public sealed record ConfirmStep(
    string Id,
    string Title,
    IReadOnlyList<string> Consequences,
    string Page,
    string? Handler,
    IReadOnlyDictionary<string, string> RouteValues,
    IReadOnlyList<KeyValuePair<string, string?>> Fields,
    string Submit,
    string CancelUrl,
    int HeadingLevel = 2)
{
    /// <summary>
    /// The field the confirmed post carries. Not "Confirm": on the signal's pages that name is the forwarding
    /// confirmation's request (<c>SignalPageModel.Confirm</c>), and one name keeps every page alike.
    /// </summary>
    public const string ConfirmField = "Confirmed";
}
