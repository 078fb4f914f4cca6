using A64Asm.Assembler;
using A64Asm.Cli.Output;

namespace A64Asm.Cli.Commands;

/// <summary>
/// The gcc and gas spellings a kernel build uses (-nostdinc, -include FILE, -isystem DIR, -x LANG, -mabi=, -march=,
/// -mcpu=, -EB/-EL, -mbig-endian/-mlittle-endian, -Wa,...). System.CommandLine would read "-include" as "-I nclude" or
/// refuse one-dash long names, so these are taken out of argv before it parses the rest.
/// </summary>
public sealed class GnuDriverFlags
{
    /// <summary>-include FILE, in order.</summary>
    public List<string> ForcedIncludes { get; } = new();

    /// <summary>-isystem DIR, in order.</summary>
    public List<string> SystemIncludeDirs { get; } = new();

    /// <summary>-Wa,-I,DIR: gas's own -I, which only .include searches.</summary>
    public List<string> AssemblerIncludeDirs { get; } = new();

    /// <summary>-Wa,--defsym,NAME=VALUE.</summary>
    public List<string> Defsyms { get; } = new();

    /// <summary>The last of -EB/-EL/-mbig-endian/-mlittle-endian given; null when none was.</summary>
    public bool? BigEndian { get; private set; }

    /// <summary>-x assembler-with-cpp (true), -x assembler (false), -x none or no -x (null: by the file name).</summary>
    public bool? Preprocess { get; private set; }

    /// <summary>gcc's own -march= and -mcpu= (the last of each), and gas's, given through -Wa,.</summary>
    public string? Arch { get; private set; }
    public string? Cpu { get; private set; }
    public string? AsArch { get; private set; }
    public string? AsCpu { get; private set; }

    /// <summary>gas's -W / --no-warn: warnings are neither printed nor counted.</summary>
    public bool NoWarn { get; private set; }

    /// <summary>gas's --fatal-warnings: a run that warned fails, and writes nothing.</summary>
    public bool FatalWarnings { get; private set; }

    /// <summary>The last -fpic/-fPIC/-fpie/-fPIE (or -fno-... of one, which clears it).</summary>
    public string? Pic { get; private set; }

    /// <summary>gas's -g / --gen-debug (2) or --gdwarf-N / -gdwarf-N (N, 2 to 5): line rows from the source (null: none).</summary>
    public int? DwarfVersion { get; private set; }

    /// <summary>Removes the flags this class knows from <paramref name="args"/> and returns the rest, in order.</summary>
    /// <exception cref="CliError">A flag with a missing or unknown value, or a -Wa option a64asm cannot honour.</exception>
    public List<string> Extract(IReadOnlyList<string> args)
    {
        var rest = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            string? next = i + 1 < args.Count ? args[i + 1] : null;
            if (a == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }
            if (a == "-nostdinc")
                continue; // a64asm searches no system directories, so there is nothing to turn off
            if (TryWarningFlag(a) || TryDebugFlag(a, a))
                continue;
            if (Assembler.Preprocessing.TargetMacros.IsPicFlag(a))
            {
                Pic = a.StartsWith("-fno-", StringComparison.Ordinal) ? null : a;
                continue;
            }
            if (TryJoinedOrSeparate(a, "-include", next, "missing filename after '-include'", out string? file, ref i))
                ForcedIncludes.Add(file!);
            else if (TryJoinedOrSeparate(a, "-isystem", next, "missing path after '-isystem'", out string? dir, ref i))
                SystemIncludeDirs.Add(dir!);
            else if (TryJoinedOrSeparate(a, "-x", next, "missing argument to '-x'", out string? language, ref i))
                Preprocess = language switch
                {
                    "assembler-with-cpp" => true,
                    "assembler" => false,
                    "none" => null,
                    _ => throw new CliError($"language '{language}' is not one a64asm reads (-x assembler, -x assembler-with-cpp)"),
                };
            else if (a.StartsWith("-Wa,", StringComparison.Ordinal))
                ApplyAssemblerOptions(a);
            else if (!TryTargetFlag(a, a))
                rest.Add(a);
        }
        return rest;
    }

    /// <summary>Copies what was read into the assembler's options.</summary>
    public void ApplyTo(AssemblerOptions options)
    {
        options.ForcedIncludes.AddRange(ForcedIncludes);
        options.SystemIncludeDirs.AddRange(SystemIncludeDirs);
        options.AssemblerIncludeDirs.AddRange(AssemblerIncludeDirs);
        foreach (string s in Defsyms)
            options.Defsyms.Add(AssemblerOptions.ParseDefsym(s));
        options.BigEndian = BigEndian ?? false;
        options.Preprocess = Preprocess;
        options.Arch = Arch;
        options.Cpu = Cpu;
        options.AsArch = AsArch;
        options.AsCpu = AsCpu;
        options.Pic = Pic;
        options.DwarfVersion = DwarfVersion;
    }

    static bool TryJoinedOrSeparate(string a, string name, string? next, string missing, out string? value, ref int i)
    {
        value = null;
        if (!a.StartsWith(name, StringComparison.Ordinal))
            return false;
        if (a.Length > name.Length)
        {
            value = a[name.Length..];
            return true;
        }
        value = next ?? throw new CliError(missing);
        i++;
        return true;
    }

    bool TryWarningFlag(string a)
    {
        switch (a)
        {
            case "-W" or "--no-warn":
                NoWarn = true;
                return true;
            case "--fatal-warnings":
                FatalWarnings = true;
                return true;
            default:
                return false;
        }
    }

    /// <summary>gas's debug flags: -g/--gen-debug as gas takes it (a DWARF 2 unit over a version 3 line table),
    /// --gdwarf-N and -gdwarf-N for N = 2 to 5.</summary>
    bool TryDebugFlag(string a, string asWritten)
    {
        if (a is "-g" or "--gen-debug")
        {
            DwarfVersion = 2;
            return true;
        }
        string? version = a.StartsWith("--gdwarf-", StringComparison.Ordinal) ? a["--gdwarf-".Length..]
            : a.StartsWith("-gdwarf-", StringComparison.Ordinal) ? a["-gdwarf-".Length..] : null;
        // --gdwarf-sections and --gdwarf-cie-version= are other options (not taken).
        if (version is null || version.Length == 0 || !version.All(char.IsAsciiDigit))
            return false;
        switch (version)
        {
            case "2" or "3" or "4" or "5":
                DwarfVersion = version[0] - '0';
                return true;
            default:
                throw new CliError($"unrecognized DWARF version in '{asWritten}' (a64asm takes 2, 3, 4 or 5)");
        }
    }

    /// <summary>The target flags gcc and gas share; <paramref name="asWritten"/> names the option in messages (and
    /// starts with -Wa, when gas is given it).</summary>
    bool TryTargetFlag(string a, string asWritten)
    {
        bool forGas = asWritten.StartsWith("-Wa,", StringComparison.Ordinal);
        switch (a)
        {
            case "-EB" or "-mbig-endian":
                BigEndian = true;
                return true;
            case "-EL" or "-mlittle-endian":
                BigEndian = false;
                return true;
        }
        if (ValueOf(a, "-mabi=", asWritten) is { } abi)
        {
            if (abi == "ilp32")
                throw new CliError($"'{asWritten}' is not supported: a64asm assembles for the LP64 ABI only (ELF64 objects)");
            if (abi != "lp64")
                throw new CliError($"unrecognized argument in option '{asWritten}' (valid: lp64; ilp32 is not supported)");
            return true;
        }
        if (ValueOf(a, "-march=", asWritten) is { } arch)
        {
            TargetNames.CheckArch(arch, asWritten);
            if (forGas) AsArch = arch;
            else Arch = arch;
            return true;
        }
        if (ValueOf(a, "-mcpu=", asWritten) is { } cpu)
        {
            TargetNames.CheckCpu(cpu, asWritten, forGas);
            if (forGas) AsCpu = cpu;
            else Cpu = cpu;
            return true;
        }
        return false;
    }

    static string? ValueOf(string a, string prefix, string asWritten)
    {
        if (!a.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        return a.Length > prefix.Length ? a[prefix.Length..] : throw new CliError($"missing argument to '{asWritten}'");
    }

    /// <summary>-Wa,opt1,opt2: each comma-separated word is one gas argument, as gcc hands them to as.</summary>
    void ApplyAssemblerOptions(string whole)
    {
        string[] words = whole["-Wa,".Length..].Split(',');
        for (int i = 0; i < words.Length; i++)
        {
            string w = words[i];
            string? next = i + 1 < words.Length ? words[i + 1] : null;
            if (w.Length == 0)
                continue;
            if (w == "--defsym" || w.StartsWith("--defsym=", StringComparison.Ordinal))
            {
                string? value = w.Length > "--defsym".Length ? w["--defsym=".Length..] : next;
                if (string.IsNullOrEmpty(value))
                    throw new CliError($"'{whole}': --defsym needs NAME=VALUE");
                if (w == "--defsym") i++;
                Defsyms.Add(value);
            }
            else if (w.StartsWith("-I", StringComparison.Ordinal))
            {
                string? dir = w.Length > 2 ? w[2..] : next;
                if (string.IsNullOrEmpty(dir))
                    throw new CliError($"'{whole}': -I needs a directory");
                if (w.Length == 2) i++;
                AssemblerIncludeDirs.Add(dir);
            }
            else if (!TryWarningFlag(w) && !TryDebugFlag(w, $"-Wa,{w}") && !TryTargetFlag(w, $"-Wa,{w}"))
                throw new CliError($"assembler option '{w}' (from '{whole}') is not supported by a64asm");
        }
    }
}
