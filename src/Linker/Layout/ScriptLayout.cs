using A64Asm.Linker.Input;
using A64Asm.Linker.Script;

namespace A64Asm.Linker.Layout;

/// <summary>A symbol a script assigns, with its value and where the assignment is.</summary>
internal sealed record ScriptSymbol(string Name, ulong Value, ScriptPosition At);

/// <summary>
/// Lays out a link by a <see cref="LinkerScript"/> as ld does for the subset it takes: input sections go to the first
/// statement in script order that matches them (file by file, each file's sections in order), '.' moves through the
/// script, an output section starts at its address expression or at '.' aligned to its largest input, padding is
/// zeros (a script without a fill has no NOP fill in ld either), /DISCARD/ drops what it matches, and sections no
/// statement matches are orphans placed as ld places them: after the output section named .text, .rodata, .data or
/// .bss of their kind, or else after the last one holding that kind, or else at the end.
/// </summary>
internal sealed class ScriptLayout : IScriptContext
{
    private readonly LinkerScript _script;
    private readonly LinkerOptions _options;
    private readonly SymbolResolver _globals;
    private readonly HashSet<string> _referenced;
    private readonly HashSet<InputSection> _placed = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, ulong> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ulong Address, ulong Size)> _sections = new(StringComparer.Ordinal);
    private readonly List<ScriptSymbol> _assigned = new();
    private readonly List<MapOutput> _map = new();
    private List<MapInput>? _mapLines;
    private ulong _dot;

    private ScriptLayout(LinkerScript script, LinkerOptions options, SymbolResolver globals, IEnumerable<string> referenced)
    {
        _script = script;
        _options = options;
        _globals = globals;
        _referenced = new HashSet<string>(referenced, StringComparer.Ordinal);
    }

    /// <summary>One output section of the plan: its statement (null for an orphan) and its body, each input statement
    /// replaced by the sections it took.</summary>
    private sealed record Plan(string Name, OutputSectionStatement? Statement, List<object> Body)
    {
        public IEnumerable<InputSection> Inputs => Body.OfType<List<InputSection>>().SelectMany(l => l);
    }

    /// <summary>The layout as -Map shows it: output sections, and the script's assignments where they are, with values
    /// and the padding '.' moves leave (input sections carry no symbols yet).</summary>
    public IReadOnlyList<MapOutput> Map => _map;

    public static (IReadOnlyList<OutputSection> Outputs, IReadOnlyList<ScriptSymbol> Symbols, IReadOnlySet<InputSection> Discarded, IReadOnlyList<MapOutput> Map) Build(
        IReadOnlyList<InputObject> objects, LinkerScript script, LinkerOptions options, SymbolResolver globals)
    {
        var layout = new ScriptLayout(script, options, globals, SymbolResolver.Referenced(objects));
        var alloc = objects.SelectMany(o => o.Sections).OfType<InputSection>().Where(s => s.IsAlloc && !s.Dropped).ToList();
        var (items, discarded) = Assign(script, alloc);
        var outputs = layout.Place(items);
        return (outputs.Where(o => o.Size > 0).ToList(), layout._assigned, discarded, layout._map);
    }

    private static (List<object> Items, HashSet<InputSection> Discarded) Assign(LinkerScript script, List<InputSection> alloc)
    {
        var taken = new HashSet<InputSection>(ReferenceEqualityComparer.Instance);
        var items = new List<object>();
        var discarded = new HashSet<InputSection>(ReferenceEqualityComparer.Instance);
        foreach (var statement in script.Statements)
        {
            if (statement is not OutputSectionStatement output)
            {
                items.Add(statement);
                continue;
            }
            var plan = new Plan(output.Name, output, new List<object>());
            foreach (var inner in output.Body)
            {
                if (inner is not InputSectionStatement wanted)
                {
                    plan.Body.Add(inner);
                    continue;
                }
                var matches = alloc.Where(s => !taken.Contains(s) && FileMatches(wanted.FilePattern, s.Owner.Name)
                    && wanted.Patterns.Any(p => DefaultScript.Matches(p, s.Name))).ToList();
                taken.UnionWith(matches);
                plan.Body.Add(matches);
            }
            if (output.Discards)
            {
                discarded.UnionWith(plan.Inputs);
                foreach (var input in plan.Inputs) input.Dropped = true;
            }
            // /DISCARD/ stays in the statement list: where orphans go depends on what follows a section.
            items.Add(plan);
        }
        PlaceOrphans(items, alloc.Where(s => !taken.Contains(s)));
        return (items, discarded);
    }

    /// <summary>True when a KEEP statement of the script matches <paramref name="section"/> (a --gc-sections root).</summary>
    public static bool Keeps(LinkerScript script, InputSection section) =>
        Statements(script, _ => true).Any(s => s.Keep && Matches(s, section));

    /// <summary>True when the first statement of the script that matches <paramref name="section"/> is in /DISCARD/.</summary>
    public static bool Discards(LinkerScript script, InputSection section) =>
        script.Statements.OfType<OutputSectionStatement>()
            .SelectMany(o => o.Body.OfType<InputSectionStatement>().Select(s => (o.Discards, s)))
            .FirstOrDefault(x => Matches(x.s, section)).Discards;

    private static IEnumerable<InputSectionStatement> Statements(LinkerScript script, Func<OutputSectionStatement, bool> which) =>
        script.Statements.OfType<OutputSectionStatement>().Where(which).SelectMany(o => o.Body).OfType<InputSectionStatement>();

    private static bool Matches(InputSectionStatement statement, InputSection section) =>
        FileMatches(statement.FilePattern, section.Owner.Name) && statement.Patterns.Any(p => DefaultScript.Matches(p, section.Name));

    private static bool FileMatches(string pattern, string file) =>
        DefaultScript.Matches(pattern, file) || DefaultScript.Matches(pattern, Path.GetFileName(file));

    private static void PlaceOrphans(List<object> items, IEnumerable<InputSection> orphans)
    {
        var byName = new Dictionary<string, Plan>(StringComparer.Ordinal);
        var lastOf = new Dictionary<string, Plan>(StringComparer.Ordinal);
        foreach (var section in orphans)
        {
            if (byName.TryGetValue(section.Name, out var existing))
            {
                ((List<InputSection>)existing.Body[0]).Add(section);
                continue;
            }
            var plans = items.OfType<Plan>().Where(p => p.Statement?.Discards != true).ToList();
            var kind = DefaultScript.OrphanAnchor(section);
            // ld: after the last orphan of this kind, else the output section named for the kind, else the last one
            // whose contents are most alike (lang_output_section_find_by_flags), else at the end.
            var anchor = lastOf.GetValueOrDefault(kind)
                ?? plans.LastOrDefault(p => p.Name == kind && p.Statement is not null)
                ?? Alike(section).Select(alike => plans.LastOrDefault(p => p.Inputs.Any() && alike(p))).FirstOrDefault(p => p is not null);
            var plan = new Plan(section.Name, null, [new List<InputSection> { section }]);
            items.Insert(anchor is null ? items.Count : InsertionPoint(items, items.IndexOf(anchor)), plan);
            lastOf[kind] = plan;
            byName[section.Name] = plan;
        }
    }

    /// <summary>
    /// Where an orphan goes after the output section at <paramref name="after"/> (ld's insert_os_after): past the
    /// symbol assignments that follow it, but before a '.' assignment that leads to the next output section, so
    /// that the orphan does not land after an address jump meant for that section.
    /// </summary>
    private static int InsertionPoint(List<object> items, int after)
    {
        int dotAssignment = -1;
        bool ignoreFirst = after == 0;
        for (int i = after + 1; i < items.Count; i++)
        {
            if (items[i] is AssignmentStatement assignment)
            {
                if (dotAssignment < 0 && assignment.MovesDot)
                {
                    if (!ignoreFirst) dotAssignment = i;
                    ignoreFirst = false;
                }
                continue;
            }
            return dotAssignment >= 0 ? dotAssignment : i;
        }
        return items.Count;
    }

    /// <summary>Tests of decreasing likeness between an orphan and an output section, as ld tries its section flags.</summary>
    private static IEnumerable<Func<Plan, bool>> Alike(InputSection orphan)
    {
        static bool Any(Plan p, Func<InputSection, bool> test) => p.Inputs.Any(test);
        if (orphan.IsExecutable)
        {
            yield return p => Any(p, i => i.IsExecutable);
            yield return p => !Any(p, i => i.IsWritable);
        }
        else if (orphan.IsNoBits)
        {
            yield return p => p.Inputs.All(i => i.IsNoBits);
            yield return p => Any(p, i => i.IsWritable);
        }
        else if (orphan.IsWritable)
        {
            yield return p => Any(p, i => i.IsWritable && !i.IsNoBits);
            yield return p => Any(p, i => i.IsWritable);
        }
        else
        {
            yield return p => !Any(p, i => i.IsWritable || i.IsExecutable);
            yield return p => !Any(p, i => i.IsWritable);
        }
    }

    private List<OutputSection> Place(List<object> items)
    {
        var outputs = new List<OutputSection>();
        _dot = 0;
        foreach (var item in items)
        {
            if (item is AssignmentStatement assignment)
                Assign(assignment, inSection: false);
            else if (item is Plan { Statement.Discards: false } or Plan { Statement: null })
                outputs.Add(Place((Plan)item));
        }
        return outputs;
    }

    private OutputSection Place(Plan plan)
    {
        var output = new OutputSection(plan.Name, null, inDataSegment: false);
        output.Inputs.AddRange(plan.Inputs);
        var lines = _mapLines = new List<MapInput>();
        ulong address = _options.SectionStarts.TryGetValue(plan.Name, out var start) ? start
            : plan.Statement?.Address?.Evaluate(this) ?? SectionLayout.AlignUp(_dot, output.Alignment);
        if (plan.Statement?.Align is { } align)
            address = SectionLayout.AlignUp(address, align.Evaluate(this));
        _dot = address;
        foreach (var part in plan.Body)
        {
            if (part is AssignmentStatement assignment)
            {
                Assign(assignment, inSection: true);
                continue;
            }
            foreach (var input in (List<InputSection>)part)
            {
                ulong at = SectionLayout.AlignUp(_dot, input.Alignment);
                if (at < _dot || input.Size > ulong.MaxValue - at)
                    throw new LinkError($"{input.Owner.Name}: {input.Name} (0x{input.Size:x} bytes, aligned to 0x{input.Alignment:x}) takes section {plan.Name} past the end of the address space");
                if (at > _dot) lines.Add(new MapInput("*fill*", "", _dot, at - _dot, [], ""));
                lines.Add(new MapInput(input.Name, input.Owner.Name, at, input.Size, []) { Source = input });
                input.Address = at;
                output.Offsets.Add(at - address);
                _placed.Add(input);
                _dot = at + input.Size;
            }
        }
        output.Placed(address, _dot - address);
        _mapLines = null;
        if (_dot > address) _map.Add(new MapOutput(plan.Name, address, _dot - address, lines));
        _sections[plan.Name] = (address, _dot - address);
        return output;
    }

    private void Assign(AssignmentStatement assignment, bool inSection)
    {
        ulong value = assignment.Value.Evaluate(this);
        if (assignment.Operator != "=")
        {
            ulong old = assignment.MovesDot ? _dot : new SymbolExpression(assignment.At, assignment.Symbol).Evaluate(this);
            value = assignment.Operator == "+" ? old + value : old - value;
        }
        // ld prints "x += E" as "x = (x + E)".
        var text = assignment.Operator == "=" ? $"{assignment.Symbol} = {assignment.Value.Text}"
            : $"{assignment.Symbol} = ({assignment.Symbol} {assignment.Operator} {assignment.Value.Text})";
        if (assignment.MovesDot)
        {
            if (inSection && value < _dot)
                throw new ScriptError(assignment.At, $"cannot move location counter backwards (from 0x{_dot:x} to 0x{value:x})");
            MapLine(value, text);
            if (_mapLines is not null && value > _dot) _mapLines.Add(new MapInput("*fill*", "", _dot, value - _dot, [], ""));
            _dot = value;
            return;
        }
        if (assignment.Provide && (!_referenced.Contains(assignment.Symbol) || _globals.TryGet(assignment.Symbol, out _)))
        {
            MapLine(value, $"PROVIDE ({assignment.Symbol} = {assignment.Value.Text})", notProvided: true);
            return;
        }
        MapLine(value, assignment.Provide ? $"PROVIDE ({assignment.Symbol} = {assignment.Value.Text})" : text);
        _symbols[assignment.Symbol] = value;
        _assigned.Add(new ScriptSymbol(assignment.Symbol, value, assignment.At));
    }

    private void MapLine(ulong value, string text, bool notProvided = false)
    {
        if (_mapLines is not null) _mapLines.Add(new MapInput("", "", value, 0, []) { Assignment = text, NotProvided = notProvided });
        else _map.Add(new MapOutput("", value, 0, []) { Assignment = text, NotProvided = notProvided });
    }

    ulong? IScriptContext.Dot => _dot;

    bool IScriptContext.TryGetSymbol(string name, out ulong value, out string? problem)
    {
        problem = null;
        if (_symbols.TryGetValue(name, out value)) return true;
        if (!_globals.TryGet(name, out var definition)) return false;
        var symbol = definition.Symbol;
        if (!symbol.IsAbsolute && definition.Object.Sections.ElementAtOrDefault(symbol.SectionIndex) is { } section && !_placed.Contains(section))
        {
            problem = $"symbol '{name}' is used before its section {section.Name} ({definition.Object.Name}) is placed";
            return false;
        }
        value = SymbolResolver.ValueOf(definition.Object, symbol);
        return true;
    }

    bool IScriptContext.TryGetSection(string name, out ulong address, out ulong size)
    {
        var found = _sections.TryGetValue(name, out var s);
        (address, size) = s;
        return found;
    }
}
