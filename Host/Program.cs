using Pinger.Core;
using Pinger.Host.Cli;

if (PhaseTimings.IsEnabled)
{
    PhaseTimings.Add("runtime start-up until Main", DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime);
}

// Standard output carries only the report (or a command's text). Point Console.Out, and file descriptor 1 itself,
// at standard error before any plugin loads, so what a plugin prints does not end up in what --dry-run shows (a
// hostile plugin is another matter: see StandardOutputGuard). An early exit by a plugin is reported, not silent.
var output = StandardOutputGuard.Take();
var error = Console.Error;
Console.SetOut(error);
UnfinishedExitWatch.Start(error);
var status = await new PingerCommandLine(new StandardStreams(output, error)).RunAsync(args);
UnfinishedExitWatch.Finish();
return status;
