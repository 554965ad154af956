using Meldroute.Web.Features.VictimDossiers;
using Microsoft.AspNetCore.Authorization;

namespace Meldroute.Web.Infrastructure.Security;

/// <summary>May the user manage this victim dossier: consent, partners, B8 dates, access grants, closure? Only the victim-care coordinator, for every dossier.</summary>
public sealed class ManageDossierRequirement : IAuthorizationRequirement;

internal sealed class ManageDossierHandler() : RoleRule<ManageDossierRequirement, VictimDossier>(Roles.VictimCareCoordinator);
