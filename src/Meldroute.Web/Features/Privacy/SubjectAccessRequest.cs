using System.Text.RegularExpressions;
using Meldroute.Web.Features.Shared;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Privacy;

/// <summary>
/// A subject access request (AVG art. 15), the body of FindSubjectData and ExportSubjectData. The name is looked up
/// through the keyed hash index (<see cref="Infrastructure.Privacy.SubjectIndex"/>) in the people of signals and the
/// victims of dossiers — nothing is decrypted to search. Both the search and the export are audited with the request's
/// reference, never the name. Free text is not searched (that would mean decrypting everything); it is part of the
/// export of each record found.
/// </summary>
public sealed partial class SubjectAccessRequest
{
    /// <summary>The name as the person gave it; compared exactly after normalisation (case, accents, spacing).</summary>
    public string? Name { get; set; }

    /// <summary>The request's own case number, e.g. AVG-2026-014 — recorded in the audit log instead of the name.</summary>
    public string? RequestReference { get; set; }

    /// <summary>FindSubjectData and ExportSubjectData's rule for the body: a name and a case number (not a name) are required; null when valid.</summary>
    public static Dictionary<string, string[]>? Validate(SubjectAccessRequest r, IStringLocalizer t)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Name), r.Name, 500, t, required: true);
        if (string.IsNullOrWhiteSpace(r.RequestReference) || !RequestReferencePattern().IsMatch(r.RequestReference.Trim()))
        {
            errors[nameof(r.RequestReference)] = [t["Subject_RequestReferenceRule"]];
        }

        return errors.Count > 0 ? errors : null;
    }

    /// <summary>A case number, not a name: letters, digits and - / . only, up to 50.</summary>
    [GeneratedRegex(@"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9\-/.]{1,49}$")]
    private static partial Regex RequestReferencePattern();
}
