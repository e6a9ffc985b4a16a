using Pinger.Protocol.Windows;

namespace Pinger.Server.Storage;

/// <summary>
/// The public release of one closed window, as kept: computed once, then served as it is. Storage holds the
/// content as opaque text; Publishing writes and reads it.
/// </summary>
/// <param name="Window">The window.</param>
/// <param name="Content">The release.</param>
/// <param name="ETag">A digest of the content, for HTTP caches.</param>
public sealed record StoredRelease(CountingWindow Window, string Content, string ETag);
