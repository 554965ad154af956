using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Setup;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Indicators;

public sealed record IndicatorView(string Code, ExploitationForms Form, string TextNl, string TextEn, bool Active);

/// <summary>ListIndicators' answer: the checklist and its version, which UpdateIndicators needs back.</summary>
public sealed record IndicatorList(IReadOnlyList<IndicatorView> Indicators, Guid Version);

public sealed class IndicatorInput
{
    public string? Code { get; set; }

    /// <summary>The form it belongs to; None (or empty) for "any form".</summary>
    public ExploitationForms? Form { get; set; }

    public string? TextNl { get; set; }

    public string? TextEn { get; set; }

    public bool Active { get; set; } = true;
}

/// <summary>UpdateIndicators' body: indicators to add or change, by code; the version of the list as read.</summary>
public sealed class IndicatorsRequest
{
    public Guid? Version { get; set; }

    public List<IndicatorInput> Indicators { get; set; } = [];
}

/// <summary>
/// ListIndicators and UpdateIndicators: the checklist of indicators the intake offers. The administrator adds an
/// indicator, rewords one, or retires it (Active false): a retired indicator is offered no more but stays, with its
/// text, on the signals that named it; none is ever deleted. Indicators left out of the request stay as they are.
/// </summary>
public static class UpdateIndicators
{
    private static readonly ExploitationForms[] Forms = [ExploitationForms.None, ExploitationForms.Sexual, ExploitationForms.Labour, ExploitationForms.Criminal];

    public static async Task<IndicatorList> ListAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        var all = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        return new IndicatorList([.. all.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => new IndicatorView(i.Code, i.Form, i.TextNl, i.TextEn, i.Active))], IndicatorRules.Version(all));
    }

    public static async Task<Outcome<IndicatorList>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, IMemoryCache cache, ClaimsPrincipal user, IndicatorsRequest r, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < r.Indicators.Count; n++)
        {
            var i = r.Indicators[n];
            var prefix = $"{nameof(r.Indicators)}[{n}].";
            var code = i.Code?.Trim() ?? "";
            if (!IndicatorRules.IsCode(code))
            {
                errors[prefix + nameof(i.Code)] = [t["Indicator_CodeInvalid"]];
            }
            else if (!codes.Add(code))
            {
                errors[prefix + nameof(i.Code)] = [t["Indicator_CodeTwice"]];
            }

            if (i.Form is { } form && !Forms.Contains(form))
            {
                errors[prefix + nameof(i.Form)] = [t["Indicator_FormInvalid"]];
            }

            TextRules.Check(errors, prefix + nameof(i.TextNl), i.TextNl, IndicatorRules.TextMax, t, required: true);
            TextRules.Check(errors, prefix + nameof(i.TextEn), i.TextEn, IndicatorRules.TextMax, t, required: true);
        }

        if (errors.Count > 0)
        {
            return Outcome<IndicatorList>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.Indicators.ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken);
        if (r.Version is { } version && version != IndicatorRules.Version(stored.Values))
        {
            return Outcome<IndicatorList>.Conflict(t["Indicator_ChangedByOther"]);
        }

        var changed = Apply(db, stored, r.Indicators.Select(i => (i.Code!.Trim(), i.Form ?? ExploitationForms.None, TextRules.Clean(i.TextNl)!, TextRules.Clean(i.TextEn)!, i.Active)), user, clock.GetUtcNow());
        if (changed > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEntry("indicators.updated", AuditOutcome.Success, "indicators", null, $"changed={changed}"), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            ReferenceData.Forget(cache, db);
        }

        return Outcome<IndicatorList>.Ok(await ListAsync(db, cancellationToken));
    }

    /// <summary>Adds or changes indicators by code (the import uses it too); returns how many changed.</summary>
    public static int Apply(
        MeldrouteDbContext db, Dictionary<string, Indicator> stored, IEnumerable<(string Code, ExploitationForms Form, string TextNl, string TextEn, bool Active)> wanted,
        ClaimsPrincipal? user, DateTimeOffset at)
    {
        var changed = 0;
        foreach (var (code, form, nl, en, active) in wanted)
        {
            if (!stored.TryGetValue(code, out var indicator))
            {
                indicator = new Indicator { Code = code, Form = form, TextNl = nl, TextEn = en, Active = active };
                db.Indicators.Add(indicator);
                stored[code] = indicator;
                ReferenceChange.Record(db, ReferenceChange.Indicator, code, null, IndicatorRules.Fields(indicator), user, at);
                changed++;
                continue;
            }

            var before = IndicatorRules.Fields(indicator);
            (indicator.Form, indicator.TextNl, indicator.TextEn, indicator.Active) = (form, nl, en, active);
            if (ReferenceChange.Record(db, ReferenceChange.Indicator, code, before, IndicatorRules.Fields(indicator), user, at))
            {
                changed++;
            }
        }

        return changed;
    }
}
