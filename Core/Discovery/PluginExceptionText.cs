using System.Diagnostics;
using System.Reflection;
using Pinger.Plugins.Sdk;

namespace Pinger.Core.Discovery;

/// <summary>
/// How an exception out of a plugin's code is told in the log: its type and a fixed sentence, never its message, which
/// is the plugin's own text and may hold whatever it read (a host name, a secret). The one exception is a declaration
/// the SDK refused while a probe was being created: that message is the SDK's sentence about the declaration, which the
/// vendor needs to see to fix it.
/// </summary>
public static class PluginExceptionText
{
    private static readonly Assembly Sdk = typeof(IProbe).Assembly;

    /// <summary>What to log for <paramref name="exception"/>, thrown by a probe's constructor, descriptor or collection.</summary>
    public static string Describe(Exception exception)
    {
        var thrown = Unwrap(exception);
        var type = thrown.GetType().Name;
        return ThrownBySdk(thrown)
            ? $"{type}: {thrown.Message}"
            : $"threw {type} (the plugin's exception message is not shown)";
    }

    private static Exception Unwrap(Exception exception) => exception switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };

    // The innermost frame outside the runtime's own libraries says whose code decided to throw (argument helpers such
    // as ArgumentException.ThrowIfNullOrWhiteSpace throw from the runtime on the SDK's behalf).
    private static bool ThrownBySdk(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: false).GetFrames())
        {
            var assembly = frame.GetMethod()?.DeclaringType?.Assembly;
            if (assembly is null || assembly == typeof(object).Assembly || assembly.GetName().Name?.StartsWith("System.", StringComparison.Ordinal) == true)
            {
                continue;
            }

            return assembly == Sdk;
        }

        return false;
    }
}
