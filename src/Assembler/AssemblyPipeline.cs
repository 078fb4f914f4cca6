using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Layout;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using MacroExpander = A64Asm.Assembler.Macros.MacroExpander;
using MacroOptions = A64Asm.Assembler.Macros.MacroOptions;

namespace A64Asm.Assembler;

/// <summary>
/// The one run loop from lines to object. A reading stage expands macros and prepares each statement (a word found
/// in the statement memo, a line left for the direct encoder, or a parsed statement); an assembling stage lays out
/// and encodes them, in batches. With two threads the stages run on separate cores with a bounded queue between
/// them; with one, each batch is assembled as soon as it is full. When the macro layer asks about symbols (.if,
/// .ifdef), the reading stage first lets the assembling one take every statement handed over, so the answer is the
/// one of a line-by-line run. --timings measures this loop as it runs.
/// An error in a statement is kept and the run goes on with the next, as GNU as does, so that one run reports every
/// error (in line order, up to --max-errors); an error of the macro layer, which ends its expansion, ends the run.
/// </summary>
internal sealed class AssemblyPipeline
{
    // Few lines in flight: a collection that finds them queued must promote them, and that cost more than the
    // hand-offs saved by bigger batches (1M-line workload: 256 × 4 used the least CPU of 128-4096 × 2-16).
    private const int BatchSize = 256;
    private const int QueueBatches = 4;

    private sealed record Batch(List<Item> Lines, bool Barrier, ExceptionDispatchInfo? Error);

    /// <summary>A parsed statement; or a statement to place from the memo (<see cref="Hit"/>); or, when
    /// <see cref="Unparsed"/>, a line whose parse needs no state of the reading stage, left to the assembler.</summary>
    private readonly record struct Item(ParsedLine? Parsed, SourceLine? Memoized, MemoHit Hit, bool Unparsed = false, AsmError? Error = null);

    private readonly ObjectAssembler _assembler;
    private readonly StageTimes? _times;
    private readonly BlockingCollection<Batch>? _queue;
    private readonly SemaphoreSlim _caughtUp = new(0);
    private readonly CancellationTokenSource _cancel = new();
    private List<Item> _batch = new(BatchSize);
    private readonly List<ParsedLine> _parsed = new();
    private StatementParser? _fallback;
    private readonly StatementErrors _errors;

    private AssemblyPipeline(ObjectAssembler assembler, int threads, StageTimes? times, long maxErrors)
    {
        _assembler = assembler;
        _times = times;
        _errors = new StatementErrors(maxErrors);
        if (threads > 1)
            _queue = new BlockingCollection<Batch>(boundedCapacity: QueueBatches);
    }

    public static ObjectFile Run(IEnumerable<SourceLine> lines, ObjectAssembler assembler, MacroOptions macroOptions,
        IDiagnosticSink diagnostics, int threads, StageTimes? times, long maxErrors = AssemblerOptions.DefaultMaxErrors)
    {
        var pipeline = new AssemblyPipeline(assembler, threads, times, maxErrors);
        var expander = new MacroExpander(lines, new AssemblerMacroHost(assembler, pipeline.LetAssemblerCatchUp), macroOptions, diagnostics);
        if (pipeline._queue is null)
            pipeline.Read(expander);
        else
            pipeline.RunOnTwoThreads(expander);
        var start = times?.Start() ?? default;
        var obj = pipeline.Finish();
        times?.Add(StageTimes.Stage.Finish, start);
        if (times is not null)
        {
            times.MemoizedLines = assembler.MemoizedLines;
            times.TokenEncodedLines = assembler.TokenEncodedLines;
        }
        return obj;
    }

    /// <summary>The end of the run; after errors, only for the errors it adds (work that waited for later symbols).</summary>
    private ObjectFile Finish()
    {
        if (_errors.Count == 0)
            return _assembler.Finish();
        try
        {
            _assembler.Finish();
        }
        catch (AsmError e)
        {
            _errors.Add(e);
        }
        catch (Exception)
        {
            // State left half-done by a failed statement: the errors already found are the answer.
        }
        _errors.ThrowIfAny();
        throw new InvalidOperationException("unreachable: errors were recorded");
    }

    private void RunOnTwoThreads(MacroExpander expander)
    {
        var reader = Task.Factory.StartNew(() => Read(expander), _cancel.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var batch in _queue!.GetConsumingEnumerable(_cancel.Token))
            {
                Assemble(batch);
                if (batch.Barrier)
                    _caughtUp.Release();
            }
        }
        catch
        {
            _cancel.Cancel();
            try { reader.Wait(); } catch (AggregateException) { }
            throw;
        }
        reader.Wait();
    }

    /// <summary>The reading stage: expands, and prepares each statement for the assembling one.</summary>
    private void Read(MacroExpander expander)
    {
        var memo = _assembler.MemoForFinding;
        try
        {
            using var lines = expander.Expand().GetEnumerator();
            while (true)
            {
                var start = _times?.Start() ?? default;
                bool more = lines.MoveNext();
                _times?.Add(StageTimes.Stage.Macros, start);
                if (!more) break;
                start = _times?.Start() ?? default;
                Prepare(lines.Current, memo);
                _times?.Add(StageTimes.Stage.Parse, start);
                if (_batch.Count >= BatchSize)
                    HandOver(barrier: false);
            }
            HandOver(barrier: false);
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (_queue is not null)
        {
            // The statements before the error are assembled first, so an earlier error is the one reported.
            TryHandOver(new Batch(_batch, false, ExceptionDispatchInfo.Capture(e)));
        }
        catch (Exception e)
        {
            var failed = new Batch(_batch, false, ExceptionDispatchInfo.Capture(e));
            _batch = new List<Item>(BatchSize);
            Assemble(failed);
        }
        finally
        {
            _queue?.CompleteAdding();
        }
    }

    private void Prepare(SourceLine line, EncodedLineMemo? memo)
    {
        if (memo is not null && !line.Text.Contains(';') && memo.TryFind(line.Text, out var hit))
        {
            _batch.Add(new Item(null, line, hit));
        }
        else if (memo is not null && StatementParser.ParsesWithoutLineOrder(line.Text))
        {
            // The memo as it stands when the line is assembled, the direct encoder, or else a parse there: this
            // shares the work out between the threads, and finds words encoded earlier in the same batch.
            _batch.Add(new Item(null, line, default, Unparsed: true));
        }
        else
        {
            try
            {
                _assembler.Parse(line, _parsed);
            }
            catch (AsmError e)
            {
                // Reported in its place among the assembling stage's errors.
                _parsed.Clear();
                _batch.Add(new Item(null, null, default, Error: e));
                return;
            }
            foreach (var parsed in _parsed)
                _batch.Add(new Item(parsed, null, default));
            _parsed.Clear();
        }
    }

    /// <summary>The assembling stage, one batch in line order.</summary>
    private void Assemble(Batch batch)
    {
        var start = _times?.Start() ?? default;
        foreach (var item in batch.Lines)
        {
            if (item.Error is { } failed)
            {
                _errors.Add(failed);
                continue;
            }
            try
            {
                AssembleOne(item);
            }
            catch (AsmError e)
            {
                _errors.Add(e);
            }
            catch (Exception) when (_errors.Count > 0)
            {
                // State left half-done by an earlier failed statement: what matters is the errors already found.
                _errors.ThrowIfAny();
            }
        }
        _times?.Add(StageTimes.Stage.Assemble, start);
        if (batch.Error is { } fatal)
        {
            if (fatal.SourceException is AsmError ended)
                _errors.Add(ended);
            _errors.ThrowIfAny();
            fatal.Throw();
        }
    }

    private void AssembleOne(Item item)
    {
        if (item.Parsed is { } parsed)
            _assembler.AddParsed(parsed);
        else if (item.Unparsed ? !_assembler.TryAddMemoized(item.Memoized!) : !_assembler.TryPlaceMemoized(item.Hit))
            _assembler.AddParsed((_fallback ??= new StatementParser()).ParseLine(item.Memoized!));
    }

    private void HandOver(bool barrier)
    {
        var batch = new Batch(_batch, barrier, null);
        _batch = new List<Item>(BatchSize);
        if (_queue is null)
            Assemble(batch);
        else
            _queue.Add(batch, _cancel.Token);
    }

    private void TryHandOver(Batch batch)
    {
        try { _queue!.Add(batch, _cancel.Token); }
        catch (OperationCanceledException) { }
    }

    private void LetAssemblerCatchUp()
    {
        HandOver(barrier: true);
        if (_queue is not null)
            _caughtUp.Wait(_cancel.Token);
    }
}
