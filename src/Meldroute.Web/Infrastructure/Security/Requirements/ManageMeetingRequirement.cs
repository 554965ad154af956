using Meldroute.Web.Features.CaseTable;
using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>May the user manage this meeting: give its chair to someone, close it? Only specialist officers, who lead the case table (plan section 9), for every meeting.</summary>
public sealed class ManageMeetingRequirement : IAuthorizationRequirement;

internal sealed class ManageMeetingHandler() : RoleRule<ManageMeetingRequirement, CaseTableMeeting>(Roles.SpecialistOfficer);
