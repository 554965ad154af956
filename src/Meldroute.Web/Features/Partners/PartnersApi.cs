using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Infrastructure;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.Partners;

/// <summary>The partner network's JSON API: Table 1 and 2, the care map, and keeping partners up to date.</summary>
internal static class PartnersApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapPartnersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partners").WithTags("Partners").RequireAuthorization(Policies.PartnerReader);

        api.MapGet("", async (MeldrouteDbContext db, CancellationToken ct) => Results.Ok(await PartnerNetwork.ListAsync(db, ct)))
            .WithName("ListPartners");

        api.MapGet("/{id:int}", async (int id, MeldrouteDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                await PartnerNetwork.GetAsync(db, id, ct) is { } partner ? Results.Ok(partner) : Shared.Outcome<PartnerView>.NotFound().ToHttp(Results.Ok, t))
            .WithName("GetPartner");

        api.MapPut("/{id:int}", async (int id, PartnerRequest request, ClaimsPrincipal user, MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await PartnerNetwork.UpdateAsync(db, audit, clock, t, user, id, request, ct)).ToHttp(Results.Ok, t))
            .WithName("UpdatePartner")
            .RequireAuthorization(Policies.PartnerEditor);

        api.MapGet("/care-map", async ([AsParameters] CareMapQuery query, MeldrouteDbContext db, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await CareMap.GetAsync(db, t, query, ct)).ToHttp(Results.Ok, t))
            .WithName("GetCareMap");

        api.MapGet("/care-map/docx", async ([AsParameters] CareMapQuery query, MeldrouteDbContext db, IOptions<MeldrouteOptions> options, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
                (await CareMap.GetAsync(db, t, query, ct)).ToHttp(map => Results.File(CareMap.ToDocx(map, t, options.Value.MunicipalityName), DocxType, $"zorgkaart-{map.Form.ToString().ToLowerInvariant()}.docx"), t))
            .WithName("DownloadCareMap");
    }
}
