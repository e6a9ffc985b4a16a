namespace Pinger.Plugins.Sdk.Parsing;

/// <summary>Reads the kernel command line (<c>/proc/cmdline</c>) the way the kernel splits it.</summary>
public static class KernelCommandLine
{
    /// <summary>
    /// The value of the first <c>name=value</c> argument, or null when it is absent. An argument given without
    /// <c>=</c> yields the empty string. Double quotes group words, as the kernel allows.
    /// </summary>
    public static string? FirstValue(string commandLine, string name)
    {
        foreach (var argument in Split(commandLine))
        {
            var equals = argument.IndexOf('=');
            var key = equals < 0 ? argument : argument[..equals];
            if (key == name)
            {
                return equals < 0 ? string.Empty : argument[(equals + 1)..];
            }
        }

        return null;
    }

    /// <summary>Splits a command line into arguments, removing the quotes that group words.</summary>
    public static IEnumerable<string> Split(string commandLine)
    {
        var current = new System.Text.StringBuilder();
        var inQuotes = false;
        foreach (var c in commandLine)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (char.IsWhiteSpace(c) && !inQuotes)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
