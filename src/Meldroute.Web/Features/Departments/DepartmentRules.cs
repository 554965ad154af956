namespace Meldroute.Web.Features.Departments;

/// <summary>The limits of a department's fields, shared by its API, its page and the reference-data import.</summary>
public static class DepartmentRules
{
    public const int NameMax = 300;
    public const int EmployeesMax = 100_000;

    public static IReadOnlyDictionary<string, object?> Fields(Department d) => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["Name"] = d.Name, ["HasPublicContact"] = d.HasPublicContact, ["PublicContactEmployees"] = d.PublicContactEmployees,
    };
}
