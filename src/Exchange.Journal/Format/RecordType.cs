namespace Exchange.Journal.Format;

/// <summary>What a journal record carries. Values are part of the on-disk format.</summary>
public enum RecordType : byte
{
    /// <summary>A sequenced <see cref="Exchange.Core.Commands.Command"/>.</summary>
    Command = 1,
    /// <summary>Reserved for markers (e.g. snapshot taken at a sequence); not written yet.</summary>
    Marker = 2,
}
