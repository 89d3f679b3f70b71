using OgpData.Cli;

return await CommandLine.RunAsync(args, Console.Out, Console.Error, progress: Progress.ForConsole());
