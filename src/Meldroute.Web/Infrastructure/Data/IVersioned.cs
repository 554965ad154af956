namespace Meldroute.Web.Infrastructure.Data;

/// <summary>An entity whose <see cref="Version"/> changes on every save (<see cref="MeldrouteDbContext"/>), so that concurrent edits are detected.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
