using Meldroute.Web.Features.Municipalities;
using System.Globalization;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>
/// The forms of exploitation CoMensha registers ("sector van uitbuiting": seksueel, overige arbeid, gedwongen
/// criminaliteit, orgaanhandel; comensha.nl, Registratie). Organ removal is out of the intake's scope by the plan's
/// decision, but a victim in care may turn out to be one, and CoMensha registers it.
/// </summary>
[Flags]
public enum ComenshaForms
{
    None = 0,
    Sexual = 1,
    Labour = 2,
    Criminal = 4,
    OrganRemoval = 8,
}

/// <summary>
/// Where the person was exploited, in the categories the Nationaal Rapporteur's victim monitor reports CoMensha's
/// registrations by (sex industry: window, club or brothel, home, escort, street, hotel, online; outside it: the labour
/// sectors; forced criminality by kind). Each belongs to one form (<see cref="ComenshaRules.FormOf"/>).
/// </summary>
public enum ExploitationSector
{
    Unknown,
    WindowProstitution,
    ClubOrBrothel,
    HomeProstitution,
    Escort,
    StreetProstitution,
    HotelProstitution,
    OnlineSexualServices,
    Pornography,
    SexualOther,
    Agriculture,
    DomesticWork,
    Hospitality,
    Manufacturing,
    Construction,
    TransportAndStorage,
    WholesaleAndRetail,
    OtherLabour,
    Drugs,
    TheftOrShoplifting,
    FraudOrMoneyMule,
    Begging,
    OtherCriminal,
}

/// <summary>Age at registration, in groups: the consent rule turns at 16 (UAVG art. 5), minority at 18, care for young adults at 23.</summary>
public enum AgeGroup
{
    Under12,
    Age12To15,
    Age16To17,
    Age18To23,
    Age24To29,
    Age30To39,
    Age40To49,
    Age50Plus,
    Unknown,
}

/// <summary>Gender, with HTCDS's values (prs_Gender: Male, Female, Transgender/NonConforming, Unknown).</summary>
public enum Gender
{
    Female,
    Male,
    TransgenderOrNonConforming,
    Unknown,
}

/// <summary>The person's written consent to the registration (needed when anyone but the police, KMar or the labour inspectorate registers).</summary>
public enum ComenshaConsent
{
    NotYetAsked,
    Given,
    Refused,
}

/// <summary>Who signed the consent: the person from 16, a parent or guardian below 16 (UAVG art. 5).</summary>
public enum ConsentSignedBy
{
    Victim,
    ParentOrGuardian,
}

/// <summary>Who signalled the possible victim (CoMensha's "type aanmelder" names police, KMar, the labour inspectorate, care coordination and other bodies).</summary>
public enum SignalledBy
{
    Municipality,
    Police,
    RoyalMarechaussee,
    LabourInspectorate,
    CareOrganisation,
    YouthCare,
    AsylumReception,
    VictimThemself,
    Other,
}

/// <summary>
/// What the coordinator registers with CoMensha for one possible victim of a dossier (issue 21 item 4), checked against
/// CoMensha's public description of its registration: form and sector of exploitation, country of origin, age, gender
/// (comensha.nl/onze-helpdesk/registratie), who signalled (type of aanmelder, "Het beeld van 2024", Verdieping III),
/// and the written consent a care organisation needs, from 16 the person's own and below 16 the parents' or guardian's
/// (NJI, "Melding en registratie van slachtoffers seksuele uitbuiting"; CoMensha's privacy statement). No name and no
/// contact details: the download carries only these fields. Nationality, country of origin, age group and gender say
/// who the person is and are encrypted with the dossier's key; the rest are codes, like the dossier's other codes.
/// Deleted with the dossier's content (<see cref="DossierPurge"/>).
/// </summary>
public sealed class ComenshaRegistration : IDossierPart, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DossierId { get; set; }

    /// <summary>The possible victim of the dossier this registration is for (one each).</summary>
    public Guid VictimId { get; set; }

    /// <summary>The day it was submitted to CoMensha; null while prepared but not yet submitted.</summary>
    public DateOnly? RegisteredOn { get; set; }

    public ComenshaConsent Consent { get; set; }

    public DateOnly? ConsentOn { get; set; }

    public ConsentSignedBy? ConsentBy { get; set; }

    public ComenshaForms Forms { get; set; }

    public ExploitationSector Sector { get; set; }

    public SignalledBy SignalledBy { get; set; }

    /// <summary>ISO 3166-1 alpha-2, or <see cref="Countries.Unknown"/>.</summary>
    [Encrypted]
    public string? CountryOfOrigin { get; set; }

    /// <summary>ISO 3166-1 alpha-2, <see cref="Countries.Stateless"/> or <see cref="Countries.Unknown"/>.</summary>
    [Encrypted]
    public string? Nationality { get; set; }

    /// <summary>An <see cref="VictimDossiers.AgeGroup"/> by name.</summary>
    [Encrypted]
    public string? AgeGroup { get; set; }

    /// <summary>A <see cref="VictimDossiers.Gender"/> by name.</summary>
    [Encrypted]
    public string? Gender { get; set; }

    public required string RecordedById { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// A registration's fields as entered (the API's PUT body and the page's form), before they are checked; with the
/// dossier's version as last read.
/// </summary>
public sealed class ComenshaRegistrationRequest : Shared.IVersionedRequest
{
    public Guid? Version { get; set; }

    public DateOnly? RegisteredOn { get; set; }

    public ComenshaConsent? Consent { get; set; }

    public DateOnly? ConsentOn { get; set; }

    public ConsentSignedBy? ConsentBy { get; set; }

    public List<ComenshaForms> Forms { get; set; } = [];

    public ExploitationSector? Sector { get; set; }

    public string? CountryOfOrigin { get; set; }

    public string? Nationality { get; set; }

    public AgeGroup? AgeGroup { get; set; }

    public Gender? Gender { get; set; }

    public SignalledBy? SignalledBy { get; set; }
}

/// <summary>The rules of a CoMensha registration, without I/O.</summary>
public static class ComenshaRules
{
    /// <summary>The forms one can choose, in CoMensha's order.</summary>
    public static readonly IReadOnlyList<ComenshaForms> Forms = [ComenshaForms.Sexual, ComenshaForms.Labour, ComenshaForms.Criminal, ComenshaForms.OrganRemoval];

    /// <summary>The form a sector belongs to; <see cref="ComenshaForms.None"/> for an unknown sector.</summary>
    public static ComenshaForms FormOf(ExploitationSector sector) => sector switch
    {
        ExploitationSector.Unknown => ComenshaForms.None,
        <= ExploitationSector.SexualOther => ComenshaForms.Sexual,
        <= ExploitationSector.OtherLabour => ComenshaForms.Labour,
        _ => ComenshaForms.Criminal,
    };

    public static bool IsUnder16(AgeGroup? age) => age is VictimDossiers.AgeGroup.Under12 or VictimDossiers.AgeGroup.Age12To15;

    public static bool IsMinor(AgeGroup? age) => IsUnder16(age) || age == VictimDossiers.AgeGroup.Age16To17;

    /// <summary>The group an age in whole years falls in.</summary>
    public static AgeGroup GroupOf(int years) => years switch
    {
        < 12 => VictimDossiers.AgeGroup.Under12,
        < 16 => VictimDossiers.AgeGroup.Age12To15,
        < 18 => VictimDossiers.AgeGroup.Age16To17,
        < 24 => VictimDossiers.AgeGroup.Age18To23,
        < 30 => VictimDossiers.AgeGroup.Age24To29,
        < 40 => VictimDossiers.AgeGroup.Age30To39,
        < 50 => VictimDossiers.AgeGroup.Age40To49,
        _ => VictimDossiers.AgeGroup.Age50Plus,
    };

    /// <summary>An age the dossier holds as text ("17"), when it is a whole number of years; anything else says nothing.</summary>
    public static AgeGroup? GroupOf(string? age) =>
        int.TryParse(age?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years <= 120 ? GroupOf(years) : null;

    /// <summary>
    /// The field errors of an input, as resource keys; empty when it may be saved. A registration date needs consent
    /// given before it; consent below 16 is the parents' or guardian's, from 16 the person's own.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Check(ComenshaRegistrationRequest input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var forms = Combine(input.Forms);
        if (forms == ComenshaForms.None || input.Forms.Any(f => !Forms.Contains(f)))
        {
            errors[nameof(input.Forms)] = "Comensha_FormsRequired";
        }

        if (input.Sector is not { } sector || !Enum.IsDefined(sector))
        {
            errors[nameof(input.Sector)] = "Comensha_Required";
        }
        else if (sector != ExploitationSector.Unknown && !forms.HasFlag(FormOf(sector)))
        {
            errors[nameof(input.Sector)] = "Comensha_SectorNotOfForm";
        }

        if (!Countries.IsOrigin(input.CountryOfOrigin))
        {
            errors[nameof(input.CountryOfOrigin)] = "Comensha_CountryRequired";
        }

        if (!Countries.IsNationality(input.Nationality))
        {
            errors[nameof(input.Nationality)] = "Comensha_CountryRequired";
        }

        Required(errors, nameof(input.AgeGroup), input.AgeGroup);
        Required(errors, nameof(input.Gender), input.Gender);
        Required(errors, nameof(input.SignalledBy), input.SignalledBy);
        Required(errors, nameof(input.Consent), input.Consent);

        if (input.Consent is ComenshaConsent.Given or ComenshaConsent.Refused)
        {
            if (input.ConsentOn is not { } consentOn || consentOn > today)
            {
                errors[nameof(input.ConsentOn)] = "Comensha_DateNotFuture";
            }
        }

        if (input.Consent == ComenshaConsent.Given)
        {
            if (input.ConsentBy is not { } by || !Enum.IsDefined(by))
            {
                errors[nameof(input.ConsentBy)] = "Comensha_Required";
            }
            else if (IsUnder16(input.AgeGroup) && by != ConsentSignedBy.ParentOrGuardian)
            {
                errors[nameof(input.ConsentBy)] = "Comensha_ConsentByParentUnder16";
            }
            else if (input.AgeGroup is { } age && age != VictimDossiers.AgeGroup.Unknown && !IsUnder16(age) && by != ConsentSignedBy.Victim)
            {
                errors[nameof(input.ConsentBy)] = "Comensha_ConsentByVictimFrom16";
            }
        }

        if (input.RegisteredOn is { } registeredOn)
        {
            if (input.Consent != ComenshaConsent.Given)
            {
                errors[nameof(input.RegisteredOn)] = "Comensha_RegisteredWithoutConsent";
            }
            else if (registeredOn > today || (input.ConsentOn is { } given && registeredOn < given))
            {
                errors[nameof(input.RegisteredOn)] = "Comensha_RegisteredOnRange";
            }
        }

        return errors;
    }

    /// <summary>Writes a checked input onto the registration; the consent's date and signer only where consent was asked.</summary>
    public static void Apply(ComenshaRegistration registration, ComenshaRegistrationRequest input)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(input);
        registration.RegisteredOn = input.RegisteredOn;
        registration.Consent = input.Consent!.Value;
        registration.ConsentOn = registration.Consent == ComenshaConsent.NotYetAsked ? null : input.ConsentOn;
        registration.ConsentBy = registration.Consent == ComenshaConsent.Given ? input.ConsentBy : null;
        registration.Forms = Combine(input.Forms);
        registration.Sector = input.Sector!.Value;
        registration.CountryOfOrigin = input.CountryOfOrigin;
        registration.Nationality = input.Nationality;
        registration.AgeGroup = input.AgeGroup!.Value.ToString();
        registration.Gender = input.Gender!.Value.ToString();
        registration.SignalledBy = input.SignalledBy!.Value;
    }

    /// <summary>A stored registration as the form shows it.</summary>
    public static ComenshaRegistrationRequest ToRequest(ComenshaRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return new ComenshaRegistrationRequest
        {
            RegisteredOn = registration.RegisteredOn,
            Consent = registration.Consent,
            ConsentOn = registration.ConsentOn,
            ConsentBy = registration.ConsentBy,
            Forms = Split(registration.Forms),
            Sector = registration.Sector,
            CountryOfOrigin = registration.CountryOfOrigin,
            Nationality = registration.Nationality,
            AgeGroup = Enum.TryParse<AgeGroup>(registration.AgeGroup, out var age) ? age : null,
            Gender = Enum.TryParse<Gender>(registration.Gender, out var gender) ? gender : null,
            SignalledBy = registration.SignalledBy,
        };
    }

    /// <summary>
    /// A first draft from what the dossier and its signal already say: the forms the officer classified (or the reporter
    /// chose), the age group when the age is a whole number, and who signalled from the signal's source. Nationality is
    /// free text in the dossier and is not guessed; consent is not yet asked.
    /// </summary>
    public static ComenshaRegistrationRequest Draft(ExploitationForms signalForms, SignalSource source, string? age) => new()
    {
        Consent = ComenshaConsent.NotYetAsked,
        Forms = Split(FromSignal(signalForms)),
        Sector = ExploitationSector.Unknown,
        AgeGroup = GroupOf(age),
        SignalledBy = source switch
        {
            SignalSource.InternalReport or SignalSource.Mailbox => VictimDossiers.SignalledBy.Municipality,
            SignalSource.PoliceBasisteam => VictimDossiers.SignalledBy.Police,
            _ => VictimDossiers.SignalledBy.Other,
        },
    };

    /// <summary>A signal's known forms as CoMensha's (a signal never has organ removal).</summary>
    public static ComenshaForms FromSignal(ExploitationForms forms) =>
        (forms.HasFlag(ExploitationForms.Sexual) ? ComenshaForms.Sexual : ComenshaForms.None)
        | (forms.HasFlag(ExploitationForms.Labour) ? ComenshaForms.Labour : ComenshaForms.None)
        | (forms.HasFlag(ExploitationForms.Criminal) ? ComenshaForms.Criminal : ComenshaForms.None);

    public static ComenshaForms Combine(IEnumerable<ComenshaForms> forms) => forms.Aggregate(ComenshaForms.None, (all, f) => all | f);

    public static List<ComenshaForms> Split(ComenshaForms forms) => [.. Forms.Where(f => forms.HasFlag(f))];

    private static void Required<T>(Dictionary<string, string> errors, string field, T? value)
        where T : struct, Enum
    {
        if (value is not { } v || !Enum.IsDefined(v))
        {
            errors[field] = "Comensha_Required";
        }
    }
}

internal sealed class ComenshaRegistrationConfiguration : IEntityTypeConfiguration<ComenshaRegistration>
{
    public void Configure(EntityTypeBuilder<ComenshaRegistration> builder)
    {
        builder.HasIndex(r => r.VictimId).IsUnique();
        builder.HasIndex(r => r.DossierId);
        builder.HasOne<DossierVictim>().WithMany().HasForeignKey(r => r.VictimId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.CountryOfOrigin).HasMaxLength(200);
        builder.Property(r => r.Nationality).HasMaxLength(200);
        builder.Property(r => r.AgeGroup).HasMaxLength(200);
        builder.Property(r => r.Gender).HasMaxLength(200);
        builder.Property(r => r.RecordedById).HasMaxLength(64);
    }
}
