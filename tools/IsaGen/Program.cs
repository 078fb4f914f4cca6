using System.Security.Cryptography;
using System.Text;
using IsaGen;

// IsaGen [repo-root]: parse and lint src/Isa/Table/*.isa, then write src/Isa/Generated/*.g.cs.
// IsaGen [repo-root] --samples SEED N: write nothing; print N random words per row ("file id word") for
// tools/gen-dis-vectors.sh. Any lint error exits 1 without writing.
int samplesAt = Array.IndexOf(args, "--samples");
string root = args.Where((a, i) => !a.StartsWith("--") && (samplesAt < 0 || i < samplesAt || i > samplesAt + 2)).FirstOrDefault() ?? FindRoot();
string tableDir = Path.Combine(root, "src/Isa/Table");
var table = new Table();
var files = Directory.GetFiles(tableDir, "*.isa").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();
table.Sha256 = TableHash.Compute(files);
table.Files = files.Select(f => "src/Isa/Table/" + Path.GetFileName(f)).ToList();
TableLoader.Load(table, files.Select(f => (f, File.ReadAllText(f))));
if (table.Errors.Count > 0)
{
    foreach (var e in table.Errors) Console.Error.WriteLine("error: " + e);
    Console.Error.WriteLine($"{table.Errors.Count} error(s); nothing written");
    return 1;
}
if (samplesAt >= 0)
{
    Samples.Write(table, int.Parse(args[samplesAt + 1]), int.Parse(args[samplesAt + 2]), Console.Out);
    return 0;
}
new Emitter(table, Path.Combine(root, "src/Isa/Generated")).EmitAll();
Console.WriteLine($"IsaGen: {table.Rows.Count(r => !r.IsAlias)} forms, {table.Rows.Count(r => r.IsAlias)} aliases, {table.Kinds.Count} operand kinds, {table.Side.Count} side-table entries");
return 0;

static string FindRoot()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "A64Asm.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("run inside the repository or pass its root");
}

static class TableHash
{
    /// <summary>SHA-256 over each table file's name and bytes in ordinal name order (tests/Isa.Tests repeats this).</summary>
    public static string Compute(IEnumerable<string> files)
    {
        using var sha = SHA256.Create();
        var all = new MemoryStream();
        foreach (var f in files)
        {
            var name = Encoding.UTF8.GetBytes(Path.GetFileName(f) + "\n");
            all.Write(name);
            all.Write(File.ReadAllBytes(f));
        }
        return Convert.ToHexStringLower(sha.ComputeHash(all.ToArray()));
    }
}

static class TableLoader
{
    /// <summary>Parses the files (name, text), numbers the rows (forms first: index = Code), resolves aliases, lints.</summary>
    public static void Load(Table table, IEnumerable<(string Name, string Text)> files)
    {
        foreach (var (f, text) in files)
        {
            switch (Path.GetFileName(f))
            {
                case "operands.isa": TableParser.ParseOperandKinds(table, f, text); break;
                // Side tables: sys.isa and the system registers' sysreg-*.isa.
                case var name when name == "sys.isa" || name.StartsWith("sysreg-", StringComparison.Ordinal):
                    TableParser.ParseSideTables(table, f, text); break;
                default: TableParser.ParseInstructions(table, f, text); break;
            }
        }
        int index = 1;
        foreach (var r in table.Rows.Where(r => !r.IsAlias)) r.Index = index++;
        foreach (var r in table.Rows.Where(r => r.IsAlias)) r.Index = index++;
        Resolver.ResolveAliases(table);
        Resolver.Lint(table);
    }
}
