using ColdStart.Cli;

return ColdStartApp.Run(args, CliConsole.System());
