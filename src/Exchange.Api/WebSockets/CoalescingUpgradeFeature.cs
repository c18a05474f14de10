using Microsoft.AspNetCore.Http.Features;

namespace Exchange.Api.WebSockets;

/// <summary>Wraps Kestrel's HTTP/1.1 upgrade so that the WebSocket the middleware creates writes through a
/// <see cref="CoalescingStream"/> the hub can hold and release (installed before the WebSocket middleware, on /ws).</summary>
internal sealed class CoalescingUpgradeFeature(IHttpUpgradeFeature inner) : IHttpUpgradeFeature
{
    public bool IsUpgradableRequest => inner.IsUpgradableRequest;

    /// <summary>The upgraded stream, once <see cref="UpgradeAsync"/> has run.</summary>
    public CoalescingStream? Stream { get; private set; }

    public async Task<Stream> UpgradeAsync() => Stream = new CoalescingStream(await inner.UpgradeAsync().ConfigureAwait(false));
}
