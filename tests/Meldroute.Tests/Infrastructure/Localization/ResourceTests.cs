using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Meldroute.Tests.Infrastructure.Localization;

/// <summary>Every text the UI asks for exists in Dutch and in English.</summary>
[Trait("Category", "Integration")]
public sealed partial class ResourceTests
{
    private static readonly string Web = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Meldroute.Web"));

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Web, "Resources", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Dutch_and_English_resources_have_the_same_keys_and_no_empty_text()
    {
        var dutch = Keys("SharedResource.resx");
        var english = Keys("SharedResource.en.resx");

        Assert.Empty(dutch.Except(english));
        Assert.Empty(english.Except(dutch));
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.en.resx" })
        {
            var empty = XDocument.Load(Path.Combine(Web, "Resources", file)).Root!.Elements("data").Where(d => string.IsNullOrWhiteSpace((string?)d.Element("value"))).Select(d => (string)d.Attribute("name")!);
            Assert.Empty(empty);
        }
    }

    [Fact]
    public void Every_literal_key_used_in_pages_and_code_exists()
    {
        var keys = Keys("SharedResource.resx");
        var used = Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        var attributeKeys = Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => AttributeKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["k"].Value));
        used.UnionWith(attributeKeys);
        // Texts with a count are two keys each (Plurals.Plural): "1 melding" and "{0} meldingen".
        used.UnionWith(Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => PluralKey().Matches(File.ReadAllText(f)).SelectMany(m => new[] { m.Groups[1].Value + "_One", m.Groups[1].Value + "_Other" })));
        // Keys composed at run time.
        used.UnionWith(Meldroute.Web.Infrastructure.Security.Roles.All.SelectMany(r => new[] { "Role_" + r, "RoleDescription_" + r }));
        used.UnionWith(Enum.GetNames<Meldroute.Web.Features.Audit.AuditBreak>().Select(b => "AuditBreak_" + b));
        used.UnionWith(Enum.GetNames<Meldroute.Web.Features.Partners.PartnerKind>().Select(k => "PartnerKind_" + k));
        used.UnionWith(new[] { "Name", "Kind", "Roles", "Forms", "Contacts" }.Select(f => "PartnerField_" + f));
        used.UnionWith(Meldroute.Web.Features.Partners.PartnerNetwork.Columns.Select(c => c.TextKey));
        used.UnionWith(Meldroute.Web.Features.Partners.CareMap.Routes.Select(r => "Route_" + r));
        used.UnionWith(Meldroute.Web.Features.Agenda.AgendaActivityRules.Goals.Select(g => "Goal_" + g));
        used.UnionWith(Enum.GetNames<Meldroute.Web.Features.Agenda.AgendaStatus>().Select(s => "AgendaStatus_" + s));
        used.UnionWith(Enum.GetNames<Meldroute.Web.Features.Framework.BlockStatus>().Select(s => "BlockStatus_" + s));
        used.UnionWith(["Framework_OnTarget", "Framework_BelowTarget"]);
        used.UnionWith(new[] { "Analysis", "Close", "Feedback", "MeetingId", "Decision", "Balancing", "Confirm" }.Select(step => "Saved_" + step));
        used.UnionWith(["Saved_BalancingRoute", "Saved_ConfirmRoute"]);
        // The signal page's procedure (issue 19 item 2): every step's name, every action's name and sentence, every block.
        var nextActions = Enum.GetValues<Meldroute.Web.Features.Signals.NextActionCode>();
        var mainActions = nextActions.Where(c => c != Meldroute.Web.Features.Signals.NextActionCode.RecordUrgentDecision).ToList();
        used.UnionWith(Enum.GetNames<Meldroute.Web.Features.Signals.ProcedureStep>().Select(s => "Step_" + s));
        used.UnionWith(nextActions.Select(c => "NextActionName_" + c));
        used.UnionWith(mainActions.Select(c => "NextAction_" + c));
        used.UnionWith(mainActions.Where(c => c != Meldroute.Web.Features.Signals.NextActionCode.None).Select(c => "NextAction_Go" + c));
        used.UnionWith(Enum.GetNames<Meldroute.Web.Features.Signals.BlockReason>().Select(r => "Blocked_" + r));
        used.UnionWith(Meldroute.Web.Features.Agenda.GrowthModel.Levels.SelectMany(l => new[] { l.NameKey, l.DescriptionKey }));
        used.UnionWith(["Identity_PasswordMismatch", "Identity_PasswordTooShort", "Identity_Other", "TwoFactor_Title", "TwoFactor_Intro", "TwoFactor_Code", "Recovery_Title", "Recovery_Intro", "Recovery_Code"]);

        Assert.NotEmpty(used);
        var missing = used.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Missing resource keys: " + string.Join(", ", missing));
    }

    [GeneratedRegex("""\b[Tt]\["([A-Za-z]+_[A-Za-z_]+)"\]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"\.Plural\(""([A-Za-z]+_[A-Za-z_]+)""")]
    private static partial Regex PluralKey();

    [GeneratedRegex(@"(?:ErrorMessage|Name) = ""(?<k>[A-Za-z]+_[A-Za-z_]+)""|new\(""(?<k>Nav_[A-Za-z]+)""")]
    private static partial Regex AttributeKey();
}
