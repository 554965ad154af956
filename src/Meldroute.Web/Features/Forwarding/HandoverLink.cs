using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Meldroute.Web.Features.Forwarding;

/// <summary>
/// A one-time link to one route's hand-over sheet, for a partner without an account (IssueHandoverLink). Only the
/// SHA-256 of its random token is stored, so neither the database nor a backup can open it. It stops working at
/// receipt, at expiry, when a newer link replaces it, or when the route is handed over by another channel.
/// </summary>
public sealed class HandoverLink : IMunicipalityOwned
{
    /// <summary>The municipality it belongs to (<see cref="Municipality"/>); stamped by the context on insert.</summary>
    public int MunicipalityId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SignalId { get; set; }

    public Guid RouteId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token; the token itself exists only in the URL given to the officer.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public required string IssuedById { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set when a newer link for the same route replaced this one.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? FirstOpenedAt { get; set; }

    public int Openings { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>Who confirmed receipt at the partner (a professional's name, kept as proof of delivery).</summary>
    [Encrypted]
    public string? ReceivedByName { get; set; }

    [Encrypted]
    public string? ReceivedByOrganisation { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class HandoverLinkConfiguration : IEntityTypeConfiguration<HandoverLink>
{
    public void Configure(EntityTypeBuilder<HandoverLink> builder)
    {
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.RouteId);
        builder.Property(l => l.IssuedById).HasMaxLength(64);
        builder.Property(l => l.ReceivedByName).HasMaxLength(200);
        builder.Property(l => l.ReceivedByOrganisation).HasMaxLength(200);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasOne<Signal>().WithMany().HasForeignKey(l => l.SignalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DecisionRoute>().WithMany().HasForeignKey(l => l.RouteId).OnDelete(DeleteBehavior.Cascade);
    }
}
