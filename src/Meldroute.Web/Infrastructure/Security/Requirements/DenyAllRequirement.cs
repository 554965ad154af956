using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>Never met: the fallback for anything that does not name its policy. It has no handler on purpose.</summary>
public sealed class DenyAllRequirement : IAuthorizationRequirement;
