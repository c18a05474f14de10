namespace Exchange.Server.Script;

/// <summary>Maps the console's account names to the engine's positive account ids (1, 2, 3, … in order of
/// first appearance) and back. A name is only text: "7" is a name like any other and may get id 1.</summary>
internal sealed class AccountDirectory
{
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    /// <summary>The id of <paramref name="name"/>, assigning the next one on first use.</summary>
    public long IdOf(string name)
    {
        if (!_ids.TryGetValue(name, out long id))
        {
            _names.Add(name);
            id = _names.Count;
            _ids.Add(name, id);
        }
        return id;
    }

    /// <summary>Registers the exchange's configured accounts first, so their names get their configured ids.
    /// The ids must be 1, 2, 3, … in order.</summary>
    public void Preassign(IEnumerable<(string Name, long Id)> accounts)
    {
        foreach (var (name, id) in accounts)
        {
            if (IdOf(name) != id)
            {
                throw new ArgumentException($"Account {name} must have id {_names.Count} here (configured {id}).", nameof(accounts));
            }
        }
    }

    /// <summary>The name behind <paramref name="id"/>; an id the console never issued is written as its number.</summary>
    public string NameOf(long id) =>
        id >= 1 && id <= _names.Count ? _names[(int)(id - 1)] : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
