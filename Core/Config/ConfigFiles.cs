using Pinger.Configuration;

namespace Pinger.Core.Config;

/// <summary>
/// The client's config files as read from disk and parsed, not yet checked: <see cref="ConfigLoader.Check"/>
/// checks them, first without probes (to decide the level before any plugin loads), then against the probes loaded.
/// </summary>
/// <param name="DropIns">The drop-ins, in merge order.</param>
/// <param name="Legacy">The old pinger's files, read only for its opt-out.</param>
/// <param name="Notes">Files and directories left out (ignored, masked, replaced, missing), and why.</param>
public sealed record ConfigFiles(IReadOnlyList<ParsedDropIn> DropIns, IReadOnlyList<ParsedDropIn> Legacy, IReadOnlyList<ConfigDiagnostic> Notes);
