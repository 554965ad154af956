using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Home;

/// <summary>One number (or state) of a dashboard block, in words, with the list it counts.</summary>
/// <param name="Key">What the item is, stable within its block ("late", "awaiting-balancing"): for API clients and tests.</param>
/// <param name="Count">The number; null when the item is a state, or a figure that is suppressed.</param>
/// <param name="Text">The item in the user's language, with its number ("1 signaal te laat").</param>
/// <param name="Url">The list the number counts, with its filter where that list has one (app-relative).</param>
/// <param name="Attention">Something needs doing (late signals, a chain that no longer matches its anchor): shown with a word, not by colour alone.</param>
/// <param name="Suppressed">A figure below the suppression threshold: <see cref="Text"/> shows it as the figures do ("&lt; 5", "x").</param>
public sealed record DashboardItem(string Key, long? Count, string Text, string Url, bool Attention = false, bool Suppressed = false);

/// <summary>The block of one role: its title (the role's name) and its items.</summary>
public sealed record DashboardBlock(string Role, string Title, IReadOnlyList<DashboardItem> Items);

/// <summary>The blocks of every role the signed-in user has, in the order of <see cref="Infrastructure.Security.Roles.All"/>.</summary>
public sealed record Dashboard(IReadOnlyList<DashboardBlock> Blocks);

/// <summary>What the dashboard's blocks read, bound per request (the API) or built by the start page.</summary>
public sealed record DashboardServices(
    MeldrouteDbContext Db, IServiceScopeFactory Scopes, AuditAnchor Anchor, TimeProvider Clock, IStringLocalizer<SharedResource> T, IOptions<FiguresOptions> Figures, IOptions<RetentionOptions> Retention);

/// <summary>How a block is built: from the services and the user it is for.</summary>
public delegate Task<DashboardBlock> DashboardBlockBuilder(DashboardServices services, ClaimsPrincipal user, CancellationToken cancellationToken);
