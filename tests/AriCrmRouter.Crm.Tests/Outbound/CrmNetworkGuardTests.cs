using System.ComponentModel.DataAnnotations;

namespace AriCrmRouter.Crm.Tests.Outbound;

public sealed class CrmNetworkGuardTests
{
    [Theory]
    [InlineData("", "127.0.0.1", false)]
    [InlineData("", "127.1.2.3", false)]
    [InlineData("", "0.0.0.0", false)]
    [InlineData("", "10.20.30.40", false)]
    [InlineData("", "172.16.0.1", false)]
    [InlineData("", "172.31.255.254", false)]
    [InlineData("", "192.168.1.10", false)]
    [InlineData("", "169.254.169.254", false)]
    [InlineData("", "100.100.100.200", false)]
    [InlineData("", "192.0.0.192", false)]
    [InlineData("", "224.0.0.1", false)]
    [InlineData("", "255.255.255.255", false)]
    [InlineData("", "::", false)]
    [InlineData("", "::1", false)]
    [InlineData("", "fe80::1", false)]
    [InlineData("", "fd00:ec2::254", false)]
    [InlineData("", "fc00::5", false)]
    [InlineData("", "ff02::1", false)]
    [InlineData("", "::ffff:127.0.0.1", false)]
    [InlineData("", "::ffff:169.254.169.254", false)]
    [InlineData("", "64:ff9b::a9fe:a9fe", false)]
    [InlineData("", "2002:c0a8:0101::1", false)]
    [InlineData("", "93.184.216.34", true)]
    [InlineData("", "8.8.8.8", true)]
    [InlineData("", "172.32.0.1", true)]
    [InlineData("", "2606:4700:4700::1111", true)]
    [InlineData("", "::ffff:8.8.8.8", true)]
    [InlineData("127.0.0.0/8, 10.1.2.0/24", "127.0.0.1", true)]
    [InlineData("127.0.0.0/8, 10.1.2.0/24", "::ffff:127.0.0.1", true)]
    [InlineData("127.0.0.0/8, 10.1.2.0/24", "10.1.2.3", true)]
    [InlineData("127.0.0.0/8, 10.1.2.0/24", "10.1.3.1", false)]
    [InlineData("127.0.0.0/8, 10.1.2.0/24", "169.254.169.254", false)]
    [InlineData("127.0.0.0/8, 10.1.2.0/24", "::1", false)]
    public void IsAllowed_AllowedNetworks_AllowExactlyThoseBesidesPublicAddresses(string allowedNetworks, string address, bool expected)
    {
        Assert.True(CrmNetworkGuard.TryParseNetworks(allowedNetworks, out var allowed, out _));
        var guard = new CrmNetworkGuard(allowed);

        Assert.Equal(expected, guard.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("localhost")]
    [InlineData("127.0.0.0/8,banana")]
    public void Validate_AllowedPrivateNetworksNotInCidrForm_FailsNamingTheEntry(string networks)
    {
        var options = new CrmOptions { AllowedPrivateNetworks = networks };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(CrmOptions.AllowedPrivateNetworks)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.0/8,::1/128")]
    [InlineData("10.0.0.5 192.168.0.0/16")]
    public void Validate_AllowedPrivateNetworksInCidrForm_Passes(string networks)
    {
        var options = new CrmOptions { AllowedPrivateNetworks = networks };

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }
}
