return A64Asm.Cli.App.Run(args, Console.Out, Console.Error);
