using Meldroute.Web.Features.Mailbox;
using Microsoft.Extensions.Configuration;

namespace Meldroute.Tests.Features.Mailbox;

/// <summary>
/// Mailbox:SenderDepartments:&lt;address&gt; from the secrets folder, as docs/operations.md sets it: one file per sender,
/// named with __ for :, since an address cannot be an environment variable's name.
/// </summary>
[Trait("Category", "Domain")]
public sealed class SenderDepartmentsSettingTests
{
    [Fact]
    public void A_file_per_sender_in_the_secrets_folder_maps_the_address_and_the_domain()
    {
        var folder = Directory.CreateTempSubdirectory("meldroute-secrets-").FullName;
        File.WriteAllText(Path.Combine(folder, "Mailbox__SenderDepartments__leerplicht@haarlemmermeer.nl"), "Leerplicht");
        File.WriteAllText(Path.Combine(folder, "Mailbox__SenderDepartments__haarlemmermeer.nl"), "Burgerzaken");

        var options = new ConfigurationBuilder().AddKeyPerFile(folder, optional: false).Build()
            .GetSection(MailboxOptions.Section).Get<MailboxOptions>()!;

        Assert.Equal("Leerplicht", options.DepartmentFor("Leerplicht@Haarlemmermeer.nl"));
        Assert.Equal("Burgerzaken", options.DepartmentFor("loket@haarlemmermeer.nl"));
        Assert.Null(options.DepartmentFor("iemand@elders.test"));
        Directory.Delete(folder, recursive: true);
    }
}
