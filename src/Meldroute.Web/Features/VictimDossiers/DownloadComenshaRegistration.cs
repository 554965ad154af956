using System.Globalization;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using nietras.SeparatedValues;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>The file of a download: its bytes, type and name.</summary>
public sealed record DownloadedFile(byte[] Content, string ContentType, string FileName);

/// <summary>The formats the registration downloads in.</summary>
public enum ComenshaFormat
{
    Csv,
    Pdf,
}

/// <summary>
/// DownloadComenshaRegistration: the registration's data, to submit to CoMensha, as CSV (field, label, value; one line per
/// field) or as a printable PDF (<see cref="SheetPdf"/>): the registering municipality, the dossier's reference and the
/// registered fields, never a name or contact details. Only once the person's consent is recorded as given (409
/// before); every download is audited with its format.
/// </summary>
public static class DownloadComenshaRegistration
{
    public const string CsvType = "text/csv; charset=utf-8";

    public static async Task<Outcome<DownloadedFile>> HandleAsync(
        MeldrouteDbContext db, IAuthorizationService authorization, AuditTrail audit, IStringLocalizer t, string municipality,
        ClaimsPrincipal user, Guid dossierId, Guid victimId, ComenshaFormat format, CancellationToken cancellationToken)
    {
        const string action = "dossier.comensha.downloaded";
        var found = await GetComenshaRegistration.LoadAsync(db, authorization, audit, user, dossierId, victimId, action, cancellationToken);
        if (found is not var (dossier, _, registration))
        {
            return Outcome<DownloadedFile>.NotFound();
        }

        if (registration?.Consent != ComenshaConsent.Given)
        {
            return Outcome<DownloadedFile>.Conflict(t["Comensha_DownloadNeedsConsent"]);
        }

        await audit.RecordAsync(new AuditEntry(action, AuditOutcome.Success, VictimDossier.AuditObject, dossier.Reference, "comensha-registration: " + format.ToString().ToLowerInvariant()), cancellationToken);
        var fields = Fields(registration, dossier.Reference, municipality, t, CultureInfo.CurrentCulture);
        var name = $"{dossier.Reference}-comensha";
        return Outcome<DownloadedFile>.Ok(format == ComenshaFormat.Pdf
            ? new DownloadedFile(ToPdf(fields, dossier.Reference, t), "application/pdf", name + ".pdf")
            : new DownloadedFile(ToCsv(fields), CsvType, name + ".csv"));
    }

    /// <summary>The form's fields in order: a stable code, the label in the user's language and the value.</summary>
    public static IReadOnlyList<(string Code, string Label, string Value)> Fields(
        ComenshaRegistration r, string reference, string municipality, IStringLocalizer t, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(t);
        var input = ComenshaRules.ToRequest(r);
        string Country(string? code) => Countries.NameOf(code, culture, special => t["Country_" + special].Value);
        string Date(DateOnly? day) => day?.ToString("d", culture) ?? "—";
        return
        [
            ("organisation", t["Comensha_Organisation"], t["Comensha_OrganisationValue", municipality]),
            ("dossier", t["Comensha_Dossier"], reference),
            ("registeredOn", t["Comensha_RegisteredOn"], r.RegisteredOn is { } on ? Date(on) : t["Comensha_NotYetRegistered"].Value),
            ("consent", t["Comensha_Consent"], t["ComenshaConsent_" + r.Consent]),
            ("consentOn", t["Comensha_ConsentOn"], Date(r.ConsentOn)),
            ("consentBy", t["Comensha_ConsentBy"], r.ConsentBy is { } by ? t["ConsentSignedBy_" + by].Value : "—"),
            ("forms", t["Comensha_Forms"], string.Join(", ", input.Forms.Select(f => t["ComenshaForm_" + f].Value))),
            ("sector", t["Comensha_Sector"], t["Sector_" + r.Sector]),
            ("countryOfOrigin", t["Comensha_CountryOfOrigin"], Country(r.CountryOfOrigin)),
            ("nationality", t["Comensha_Nationality"], Country(r.Nationality)),
            ("ageGroup", t["Comensha_AgeGroup"], input.AgeGroup is { } age ? t["AgeGroup_" + age].Value : "—"),
            ("gender", t["Comensha_Gender"], input.Gender is { } gender ? t["Gender_" + gender].Value : "—"),
            ("signalledBy", t["Comensha_SignalledBy"], t["SignalledBy_" + r.SignalledBy]),
        ];
    }

    private static byte[] ToCsv(IReadOnlyList<(string Code, string Label, string Value)> fields)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = Sep.New(';').Writer(o => o with { Escape = true }).To(text))
        {
            foreach (var (code, label, value) in fields)
            {
                using var line = writer.NewRow();
                line["field"].Set(code);
                line["label"].Set(label);
                line["value"].Set(value);
            }
        }

        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static byte[] ToPdf(IReadOnlyList<(string Code, string Label, string Value)> fields, string reference, IStringLocalizer t)
    {
        var title = t["Comensha_PdfTitle", reference].Value;
        IEnumerable<SheetBlock> blocks =
        [
            SheetBlock.Title(title),
            SheetBlock.Paragraph(t["Comensha_PdfIntro"].Value),
            .. fields.Select(f => SheetBlock.Row(f.Label, f.Value)),
        ];
        return SheetPdf.Render(blocks, title, t["Comensha_PdfUnshownCharacters"].Value, t["Handover_PdfFooter"].Value, reference);
    }
}
