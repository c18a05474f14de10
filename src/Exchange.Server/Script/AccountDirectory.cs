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

    /// <summary>The name behind <paramref name="id"/>; an id the console never issued is written as its number.</summary>
    public string NameOf(long id) =>
        id >= 1 && id <= _names.Count ? _names[(int)(id - 1)] : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
