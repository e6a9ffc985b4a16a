using Pinger.Core.Config;
using Pinger.Host.Cli;
using Pinger.Host.Logging;
using Pinger.Protocol.Reports;
using Serilog;

namespace Pinger.Host.Notices;

/// <summary>
/// When reporting is on only because of a default (no admin file chose a level), says once per boot, at notice
/// priority, what is sent and how to change it: users must not learn about reporting from a packet capture.
/// The per-boot marker lives in the runtime directory, which systemd empties at boot.
/// </summary>
public sealed class FirstRunNotice(InvocationSettings settings, ILogger logger)
{
    /// <summary>The marker's file name in the runtime directory.</summary>
    public const string MarkerName = "default-level-notice-shown";

    /// <summary>Logs the notice unless the level was chosen by the admin or it was already shown this boot.</summary>
    public void ShowIfDue(EffectiveConfig config)
    {
        var marker = Path.Combine(settings.RuntimeDirectory, MarkerName);
        if (!config.LevelIsDefault || config.Level == Plugins.Sdk.MetricsLevel.Off || File.Exists(marker))
        {
            return;
        }

        logger.ForContext(LogPriority.PropertyName, LogPriority.Notice).Information(
            "Pinger sends an anonymous report at level {Level} (the default) to count installations: no identifier, " +
            "no host name, no address. See exactly what is sent with 'pinger --dry-run'; turn it off with " +
            "[reporting] level = \"off\" in /etc/pinger/config.d/90-disable.toml",
            LevelNames.Of(config.Level));
        try
        {
            Directory.CreateDirectory(settings.RuntimeDirectory);
            File.WriteAllText(marker, string.Empty);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.Debug("cannot write {Marker}: {Error}; the notice may repeat this boot", marker, e.Message);
        }
    }
}
