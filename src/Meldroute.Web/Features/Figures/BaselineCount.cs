using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Figures;

/// <summary>
/// A count from before Meldroute that the policy advisor enters (goal 2 compares with 2024, a year a real installation
/// did not count itself): how many signals of one form came from one source in one year, as the municipality counted
/// them then. Aggregates only; never personal data. One entry per year, form and source. The figures show entered
/// counts beside, never added to, what Meldroute counted.
/// </summary>
public sealed class BaselineCount : IVersioned, IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public int Id { get; set; }

    public int Year { get; set; }

    public FormCategory Form { get; set; }

    public SignalSource Source { get; set; }

    public int Count { get; set; }

    /// <summary>Where the number comes from (e.g. "registratie meldpunt 2024"); no personal data.</summary>
    public string? Note { get; set; }

    public DateTimeOffset EnteredAt { get; set; }

    public string? EnteredById { get; set; }

    /// <summary>Who entered or last changed it, as shown on the page (the account's name at the time).</summary>
    public string? EnteredByName { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The entry's key in its change list: year, form and source.</summary>
    public string Key => KeyOf(Year, Form, Source);

    public static string KeyOf(int year, FormCategory form, SignalSource source) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year}/{form}/{source}");
}

/// <summary>An entered count as the API and the page show it.</summary>
public sealed record BaselineCountView(int Id, int Year, FormCategory Form, SignalSource Source, int Count, string? Note, DateTimeOffset EnteredAt, string? EnteredBy, Guid Version)
{
    public static BaselineCountView From(BaselineCount b) => new(b.Id, b.Year, b.Form, b.Source, b.Count, b.Note, b.EnteredAt, b.EnteredByName, b.Version);
}

internal sealed class BaselineCountConfiguration : IEntityTypeConfiguration<BaselineCount>
{
    public void Configure(EntityTypeBuilder<BaselineCount> builder)
    {
        builder.HasIndex(b => new { b.MunicipalityId, b.Year, b.Form, b.Source }).IsUnique();
        builder.Property(b => b.Note).HasMaxLength(BaselineRules.NoteMax);
        builder.Property(b => b.EnteredById).HasMaxLength(64);
        builder.Property(b => b.EnteredByName).HasMaxLength(256);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Ignore(b => b.Key);
    }
}
