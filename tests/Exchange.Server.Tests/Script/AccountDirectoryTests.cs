using Exchange.Server.Script;

namespace Exchange.Server.Tests.Script;

public sealed class AccountDirectoryTests
{
    [Fact]
    public void NamesGetIdsFromOneInOrderOfFirstUse()
    {
        var accounts = new AccountDirectory();

        Assert.Equal(1, accounts.IdOf("B"));
        Assert.Equal(2, accounts.IdOf("A"));
        Assert.Equal(1, accounts.IdOf("B"));
        Assert.Equal(3, accounts.IdOf("1"));
        Assert.Equal("A", accounts.NameOf(2));
        Assert.Equal("1", accounts.NameOf(3));
    }

    [Fact]
    public void NamesAreCaseSensitive()
    {
        var accounts = new AccountDirectory();

        Assert.NotEqual(accounts.IdOf("a"), accounts.IdOf("A"));
    }

    [Fact]
    public void AnIdNeverIssuedIsWrittenAsItsNumber() => Assert.Equal("42", new AccountDirectory().NameOf(42));
}
