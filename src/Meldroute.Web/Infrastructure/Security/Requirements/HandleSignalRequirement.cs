using Meldroute.Web.Features.Signals;
using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>May the user handle this signal: analyse, schedule, decide, forward, close? Only specialist officers, for every signal.</summary>
public sealed class HandleSignalRequirement : IAuthorizationRequirement;

internal sealed class HandleSignalHandler() : RoleRule<HandleSignalRequirement, Signal>(Roles.SpecialistOfficer);
