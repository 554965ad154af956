namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>
/// Deletes a closed dossier's content for good when its retention term has passed: the victims, notes, consent
/// records, partners' involvement, access grants, CoMensha registrations and the closure note. What remains is the reference, the dates, the
/// closure reason code and the receipt. No I/O: the caller loads the aggregate and saves it.
/// </summary>
public static class DossierPurge
{
    public const string Rule = "retention-victim-dossier";

    public static DossierDeletionReceipt Apply(VictimDossier dossier, DateTimeOffset at)
    {
        var receipt = new DossierDeletionReceipt
        {
            PurgedAt = at,
            Rule = Rule,
            Victims = dossier.Victims.Count,
            Notes = dossier.Notes.Count,
            Consents = dossier.Consents.Count,
            Partners = dossier.Partners.Count,
            Grants = dossier.Grants.Count,
            Registrations = dossier.Registrations.Count,
        };
        dossier.Registrations.Clear();
        dossier.Victims.Clear();
        dossier.Notes.Clear();
        dossier.Consents.Clear();
        dossier.Partners.Clear();
        dossier.Grants.Clear();
        dossier.ClosureNote = null;
        dossier.ReflectionPeriodStart = null;
        dossier.ReflectionPeriodEnd = null;
        dossier.DeletionReceipt = receipt;
        return receipt;
    }
}
