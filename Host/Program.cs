using Pinger.Host.Cli;

// Standard output carries only the report (or a command's text). Point Console.Out at standard error before
// any plugin loads, so nothing a plugin prints can end up in what --dry-run shows.
var output = Console.OpenStandardOutput();
var error = Console.Error;
Console.SetOut(error);
return await new PingerCommandLine(new StandardStreams(output, error)).RunAsync(args);
