using System.Globalization;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Features.VictimDossiers;

namespace Meldroute.Tests.Features.VictimDossiers;

/// <summary>The rules of a CoMensha registration (issue 21 item 4): consent, the registration date, sectors and countries.</summary>
[Trait("Category", "Domain")]
public sealed class ComenshaRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static ComenshaRegistrationRequest Valid() => new()
    {
        Consent = ComenshaConsent.Given,
        ConsentOn = Today.AddDays(-10),
        ConsentBy = ConsentSignedBy.Victim,
        RegisteredOn = Today.AddDays(-2),
        Forms = [ComenshaForms.Labour],
        Sector = ExploitationSector.Agriculture,
        CountryOfOrigin = "RO",
        Nationality = "RO",
        AgeGroup = AgeGroup.Age24To29,
        Gender = Gender.Male,
        SignalledBy = SignalledBy.LabourInspectorate,
    };

    private static IReadOnlyDictionary<string, string> Check(Action<ComenshaRegistrationRequest> change)
    {
        var request = Valid();
        change(request);
        return ComenshaRules.Check(request, Today);
    }

    [Fact]
    public void A_complete_registration_with_consent_is_valid_and_survives_the_round_trip()
    {
        Assert.Empty(ComenshaRules.Check(Valid(), Today));
        var stored = new ComenshaRegistration { RecordedById = "x" };
        ComenshaRules.Apply(stored, Valid());
        Assert.Equal(("Age24To29", "Male", ComenshaForms.Labour), (stored.AgeGroup, stored.Gender, stored.Forms));
        var back = ComenshaRules.ToRequest(stored);
        Assert.Equivalent(Valid(), back);
    }

    [Fact]
    public void Below_16_the_parents_or_guardian_consent_and_from_16_the_person()
    {
        Assert.Equal("Comensha_ConsentByParentUnder16", Check(r => r.AgeGroup = AgeGroup.Age12To15)["ConsentBy"]);
        Assert.Empty(Check(r => (r.AgeGroup, r.ConsentBy) = (AgeGroup.Under12, ConsentSignedBy.ParentOrGuardian)));
        Assert.Equal("Comensha_ConsentByVictimFrom16", Check(r => (r.AgeGroup, r.ConsentBy) = (AgeGroup.Age16To17, ConsentSignedBy.ParentOrGuardian))["ConsentBy"]);
        Assert.Empty(Check(r => (r.AgeGroup, r.ConsentBy) = (AgeGroup.Unknown, ConsentSignedBy.ParentOrGuardian)));
        Assert.Equal("Comensha_Required", Check(r => r.ConsentBy = null)["ConsentBy"]);
        Assert.Equal("Comensha_DateNotFuture", Check(r => r.ConsentOn = Today.AddDays(1))["ConsentOn"]);
    }

    [Fact]
    public void A_registration_date_needs_consent_given_before_it_and_not_in_the_future()
    {
        Assert.Equal("Comensha_RegisteredWithoutConsent", Check(r => (r.Consent, r.ConsentBy) = (ComenshaConsent.Refused, null))["RegisteredOn"]);
        Assert.Equal("Comensha_RegisteredWithoutConsent", Check(r => (r.Consent, r.ConsentOn) = (ComenshaConsent.NotYetAsked, null))["RegisteredOn"]);
        Assert.Equal("Comensha_RegisteredOnRange", Check(r => r.RegisteredOn = Today.AddDays(1))["RegisteredOn"]);
        Assert.Equal("Comensha_RegisteredOnRange", Check(r => r.RegisteredOn = Today.AddDays(-11))["RegisteredOn"]);
        // Prepared, not yet asked: valid without a date, and the consent's date and signer are not kept.
        var prepared = Valid();
        (prepared.Consent, prepared.RegisteredOn) = (ComenshaConsent.NotYetAsked, null);
        Assert.Empty(ComenshaRules.Check(prepared, Today));
        var stored = new ComenshaRegistration { RecordedById = "x" };
        ComenshaRules.Apply(stored, prepared);
        Assert.Equal((null, null), (stored.ConsentOn, stored.ConsentBy));
    }

    [Fact]
    public void A_sector_belongs_to_a_chosen_form_and_every_field_is_required()
    {
        Assert.Equal("Comensha_SectorNotOfForm", Check(r => r.Sector = ExploitationSector.Escort)["Sector"]);
        Assert.Empty(Check(r => (r.Forms, r.Sector) = ([ComenshaForms.Sexual, ComenshaForms.Labour], ExploitationSector.Escort)));
        Assert.Empty(Check(r => r.Sector = ExploitationSector.Unknown));
        Assert.Equal("Comensha_FormsRequired", Check(r => r.Forms = [])["Forms"]);
        Assert.Equal("Comensha_FormsRequired", Check(r => r.Forms = [ComenshaForms.Sexual | ComenshaForms.Labour])["Forms"]);
        var empty = ComenshaRules.Check(new ComenshaRegistrationRequest(), Today);
        Assert.Equal(["AgeGroup", "Consent", "CountryOfOrigin", "Forms", "Gender", "Nationality", "Sector", "SignalledBy"], empty.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ComenshaForms.Sexual, ComenshaRules.FormOf(ExploitationSector.Pornography));
        Assert.Equal(ComenshaForms.Labour, ComenshaRules.FormOf(ExploitationSector.OtherLabour));
        Assert.Equal(ComenshaForms.Criminal, ComenshaRules.FormOf(ExploitationSector.Begging));
    }

    [Fact]
    public void Countries_are_ISO_codes_with_their_group_and_a_nationality_may_be_stateless()
    {
        Assert.Equal("Comensha_CountryRequired", Check(r => r.Nationality = "Roemeens")["Nationality"]);
        Assert.Equal("Comensha_CountryRequired", Check(r => r.CountryOfOrigin = Countries.Stateless)["CountryOfOrigin"]);
        Assert.Empty(Check(r => (r.Nationality, r.CountryOfOrigin) = (Countries.Stateless, Countries.Unknown)));
        Assert.Equal(NationalityGroup.NL, Countries.GroupOf("NL"));
        Assert.Equal(NationalityGroup.NL, Countries.GroupOf("CW"));
        Assert.Equal(NationalityGroup.EU, Countries.GroupOf("RO"));
        Assert.Equal(NationalityGroup.EU, Countries.GroupOf("NO"));
        Assert.Equal(NationalityGroup.EuropeOther, Countries.GroupOf("UA"));
        Assert.Equal(NationalityGroup.EuropeOther, Countries.GroupOf("XK"));
        Assert.Equal(NationalityGroup.Africa, Countries.GroupOf("NG"));
        Assert.Equal(NationalityGroup.Asia, Countries.GroupOf("VN"));
        Assert.Equal(NationalityGroup.Americas, Countries.GroupOf("CO"));
        Assert.Equal(NationalityGroup.Stateless, Countries.GroupOf(Countries.Stateless));
        Assert.Equal(NationalityGroup.Unknown, Countries.GroupOf(null));
        Assert.True(Countries.All.Count > 240);
        Assert.Equal(Countries.All.Count, Countries.All.Select(c => c.Code).Distinct().Count());
        Assert.Equal("Roemenië", Countries.NameOf("RO", new CultureInfo("nl-NL"), _ => "?"));
        Assert.Equal("Romania", Countries.NameOf("RO", new CultureInfo("en-GB"), _ => "?"));
        Assert.Equal("staatloos", Countries.NameOf(Countries.Stateless, new CultureInfo("nl-NL"), s => s == Countries.Stateless ? "staatloos" : "onbekend"));
    }

    [Fact]
    public void The_first_draft_takes_the_forms_the_age_and_who_signalled_from_the_dossier_and_its_signal()
    {
        var draft = ComenshaRules.Draft(ExploitationForms.Criminal | ExploitationForms.Unknown, SignalSource.PoliceBasisteam, " 17 ");
        Assert.Equal([ComenshaForms.Criminal], draft.Forms);
        Assert.Equal(AgeGroup.Age16To17, draft.AgeGroup);
        Assert.Equal(SignalledBy.Police, draft.SignalledBy);
        Assert.Equal(ComenshaConsent.NotYetAsked, draft.Consent);
        Assert.Null(draft.Nationality);
        Assert.Null(ComenshaRules.Draft(ExploitationForms.Labour, SignalSource.InternalReport, "ongeveer 30").AgeGroup);
        Assert.Equal(SignalledBy.Municipality, ComenshaRules.Draft(ExploitationForms.Labour, SignalSource.Mailbox, null).SignalledBy);
        Assert.Equal(AgeGroup.Age50Plus, ComenshaRules.GroupOf(64));
        Assert.Equal(AgeGroup.Age18To23, ComenshaRules.GroupOf(23));
    }
}
