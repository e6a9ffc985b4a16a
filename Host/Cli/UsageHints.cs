using System.CommandLine;
using Pinger.Configuration;

namespace Pinger.Host.Cli;

/// <summary>"Did you mean" hints for the words of a command line that matched no option or command.</summary>
internal static class UsageHints
{
    /// <summary>One hint for each unmatched word that is close to an option or command of where it was typed.</summary>
    public static IEnumerable<string> ForUnmatched(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var options = OptionsIn(parse.CommandResult).SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct().ToArray();
        var commands = command.Subcommands.Select(c => c.Name).ToArray();
        foreach (var word in parse.UnmatchedTokens)
        {
            var candidates = word.StartsWith('-') ? options : commands;
            if (NearestName.Find(word, candidates) is { } suggestion)
            {
                yield return $"'{word}': did you mean '{suggestion}'?";
            }
        }
    }

    // The command's own options and the recursive ones of the commands above it.
    private static IEnumerable<Option> OptionsIn(System.CommandLine.Parsing.CommandResult result)
    {
        IEnumerable<Option> options = result.Command.Options;
        for (var parent = result.Parent as System.CommandLine.Parsing.CommandResult; parent is not null; parent = parent.Parent as System.CommandLine.Parsing.CommandResult)
        {
            options = options.Concat(parent.Command.Options.Where(o => o.Recursive));
        }

        return options.Where(o => !o.Hidden);
    }
}
