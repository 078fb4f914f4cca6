using System.CommandLine;
using System.CommandLine.Parsing;
using A64Asm.Cli.Output;

namespace A64Asm.Cli;

/// <summary>
/// Turns what System.CommandLine finds wrong with a command line into one <see cref="UsageError"/> worded as GNU tools
/// word it (an unknown option, a missing value or operand, an extra operand), instead of its help page or its
/// .NET-typed messages. Options are declared as text, so type errors never reach it; their values are checked where
/// they are read (<see cref="Commands.OptionValues"/>).
/// </summary>
public static class CommandLineErrors
{
    /// <summary>What is wrong with <paramref name="parse"/>, one message a line: every unknown option (as gcc names
    /// each), else the first other problem; empty when there is none.</summary>
    public static IReadOnlyList<string> Find(ParseResult parse)
    {
        // System.CommandLine takes an unknown "--bogus" for an operand when one is expected; an option it is not.
        var unknown = UnknownOptions(parse).Select(o => $"unrecognized command-line option '{o}'").ToList();
        if (unknown.Count > 0)
            return unknown;
        return FirstProblem(parse) is { } problem ? [problem] : [];
    }

    static string? FirstProblem(ParseResult parse)
    {
        foreach (var error in parse.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult o when o.Tokens.Count == 0:
                    return ($"{OptionName(o)}: missing {o.Option.HelpName ?? "value"}");
                case OptionResult o:
                    return ($"{OptionName(o)}: given more than once");
                case ArgumentResult a when a.Tokens.Count == 0:
                    return ($"{CommandName(parse)}missing {a.Argument.Name} operand");
                case CommandResult c when c.Tokens.Count == 0 && c.Command.Arguments.Any():
                    return ($"{CommandName(parse)}missing {c.Command.Arguments[0].Name} operand");
            }
        }
        if (parse.UnmatchedTokens.Count > 0)
            return ($"{CommandName(parse)}unexpected operand '{parse.UnmatchedTokens[0]}'");
        return parse.Errors.Count > 0 ? parse.Errors[0].Message : null;
    }

    /// <summary>The "Try ..." line: where the options of the command that was run are listed.</summary>
    public static string TryHelp(string[] args, IReadOnlySet<string> subcommands) =>
        args.Length > 0 && subcommands.Contains(args[0]) ? $"Try 'a64asm {args[0]} --help'" : "Try 'a64asm --help'";

    static string OptionName(OptionResult o) => o.IdentifierToken?.Value ?? o.Option.Name;

    static string CommandName(ParseResult parse) =>
        parse.CommandResult.Command is RootCommand ? "" : parse.CommandResult.Command.Name + ": ";

    /// <summary>
    /// A word spelled as an option (a dash and more) that no option took: neither a value an option consumed nor
    /// anything after "--".
    /// </summary>
    static IEnumerable<string> UnknownOptions(ParseResult parse)
    {
        var values = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        foreach (var child in parse.CommandResult.Children)
            if (child is OptionResult o)
                foreach (var t in o.Tokens)
                    values.Add(t);
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
                break;
            if (token.Type == TokenType.Argument && LooksLikeOption(token.Value) && !values.Contains(token))
                yield return token.Value;
        }
    }

    static bool LooksLikeOption(string word) => word.Length > 1 && word[0] == '-';
}
