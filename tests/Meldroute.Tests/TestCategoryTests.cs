using System.Reflection;

namespace Meldroute.Tests;

/// <summary>
/// Every test class says what kind of test it is, so `./test.sh --filter Category=Domain` (or Integration, Browser,
/// Process) runs a known subset: exactly one class-level [Trait("Category", …)] with one of the four values, and none
/// on a method (a method's trait would add a second category to its tests).
/// </summary>
[Trait("Category", "Domain")]
public sealed class TestCategoryTests
{
    /// <summary>
    /// Domain: no I/O (no host, no database, no files). Integration: an in-process app (WebApplicationFactory) or a
    /// database. Browser: Playwright and Chromium. Process: the app or an operator command as a separate OS process,
    /// or an external server such as dovecot.
    /// </summary>
    private static readonly string[] Categories = ["Domain", "Integration", "Browser", "Process"];

    private static IEnumerable<Type> TestClasses() =>
        typeof(TestCategoryTests).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }
            && t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Any(m => m.IsDefined(typeof(FactAttribute), inherit: true)));

    /// <summary>The Category traits on a class and its base classes, as xunit reads them (class-level traits are inherited).</summary>
    private static List<string> CategoriesOf(Type type)
    {
        var values = new List<string>();
        for (var t = type; t is not null; t = t.BaseType)
        {
            values.AddRange(CategoryValues(t.GetCustomAttributesData()));
        }

        return values;
    }

    private static IEnumerable<string> CategoryValues(IEnumerable<CustomAttributeData> attributes) =>
        attributes.Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == "Category")
            .Select(a => (string?)a.ConstructorArguments[1].Value ?? "");

    [Fact]
    public void Every_test_class_has_exactly_one_known_category()
    {
        var classes = TestClasses().ToList();
        Assert.NotEmpty(classes);
        var wrong = classes.Select(c => (c.FullName, Categories: CategoriesOf(c)))
            .Where(c => c.Categories.Count != 1 || !Categories.Contains(c.Categories[0], StringComparer.Ordinal))
            .Select(c => $"{c.FullName}: [{string.Join(", ", c.Categories)}]")
            .ToList();
        Assert.True(wrong.Count == 0, "Give each test class one [Trait(\"Category\", \"Domain|Integration|Browser|Process\")]:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void No_test_method_carries_its_own_category()
    {
        var methods = TestClasses().SelectMany(c => c.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => CategoryValues(m.GetCustomAttributesData()).Any()).Select(m => $"{c.FullName}.{m.Name}")).ToList();
        Assert.True(methods.Count == 0, "Put the Category trait on the class, not on a method:\n" + string.Join("\n", methods));
    }
}
