using Pinger.Server.Cli;

return await new ServerCommandLine(Console.Out, Console.Error).RunAsync(args).ConfigureAwait(false);
