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
/// Runs macro expansion and parsing on a second thread while this one lays out and encodes, handing lines over in
/// batches. When the macro layer asks about symbols (.if, .ifdef), the parsing thread first waits until the
/// assembler has taken every line handed over, so the answer is the one a sequential run gives. Errors surface in
/// line order. A statement whose text is in the statement memo is not parsed here: it goes over with the word
/// found, and the assembler places it if the names it depends on are still undefined at that point, or else
/// parses it on its own thread (with a parser of its own: such a statement has no labels or local references).
/// A line whose parse needs none of the parsing thread's state (<see cref="StatementParser.ParsesWithoutLineOrder"/>)
/// goes over unparsed, and the assembler encodes it from its tokens or parses it itself, which shares the work out
/// evenly between the two threads.
/// </summary>
internal sealed class ParallelFrontEnd
{
    // Few lines in flight: a collection that finds them queued must promote them, and that cost more than the
    // hand-offs saved by bigger batches (1M-line workload: 256 × 4 used the least CPU of 128-4096 × 2-16).
    private const int BatchSize = 256;
    private const int QueueBatches = 4;

    private sealed record Batch(List<Item> Lines, bool Barrier, ExceptionDispatchInfo? Error);

    /// <summary>A parsed statement; or a statement to place from the memo (<see cref="Hit"/>); or, when
    /// <see cref="Unparsed"/>, a line whose parse needs no state of the parsing thread, left to the assembler.</summary>
    private readonly record struct Item(ParsedLine? Parsed, SourceLine? Memoized, MemoHit Hit, bool Unparsed = false);

    private readonly BlockingCollection<Batch> _queue = new(boundedCapacity: QueueBatches);
    private readonly SemaphoreSlim _caughtUp = new(0);
    private readonly CancellationTokenSource _cancel = new();
    private List<Item> _batch = new(BatchSize);
    private readonly List<ParsedLine> _parsed = new();
    private StatementParser? _fallback;

    public static ObjectFile Run(IEnumerable<SourceLine> lines, ObjectAssembler assembler, MacroOptions macroOptions,
        IDiagnosticSink diagnostics) => new ParallelFrontEnd().Execute(lines, assembler, macroOptions, diagnostics);

    private ObjectFile Execute(IEnumerable<SourceLine> lines, ObjectAssembler assembler, MacroOptions macroOptions, IDiagnosticSink diagnostics)
    {
        var host = new AssemblerMacroHost(assembler, WaitForAssembler);
        var expander = new MacroExpander(lines, host, macroOptions, diagnostics);
        var producer = Task.Factory.StartNew(() => Produce(expander, assembler), _cancel.Token,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var batch in _queue.GetConsumingEnumerable(_cancel.Token))
            {
                foreach (var item in batch.Lines)
                {
                    if (item.Parsed is { } parsed)
                        assembler.AddParsed(parsed);
                    else if (item.Unparsed ? !assembler.TryAddEncodedFromTokens(item.Memoized!) : !assembler.TryPlaceMemoized(item.Hit))
                        assembler.AddParsed((_fallback ??= new StatementParser()).ParseLine(item.Memoized!));
                }
                batch.Error?.Throw();
                if (batch.Barrier)
                    _caughtUp.Release();
            }
        }
        catch
        {
            _cancel.Cancel();
            try { producer.Wait(); } catch (AggregateException) { }
            throw;
        }
        producer.Wait();
        return assembler.Finish();
    }

    private void Produce(MacroExpander expander, ObjectAssembler assembler)
    {
        try
        {
            var memo = assembler.MemoForFinding;
            bool direct = assembler.DirectEncodingActive;
            foreach (var line in expander.Expand())
            {
                if (memo is not null && !line.Text.Contains(';') && memo.TryFind(line.Text, out var hit))
                {
                    _batch.Add(new Item(null, line, hit));
                }
                else if (direct && StatementParser.ParsesWithoutLineOrder(line.Text))
                {
                    // Encoding from tokens (or parsing, where that fails) is then the assembler's: it balances the threads.
                    _batch.Add(new Item(null, line, default, Unparsed: true));
                }
                else
                {
                    assembler.Parse(line, _parsed);
                    foreach (var parsed in _parsed)
                        _batch.Add(new Item(parsed, null, default));
                    _parsed.Clear();
                }
                if (_batch.Count >= BatchSize)
                    Flush(barrier: false);
            }
            Flush(barrier: false);
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            TryAdd(new Batch(_batch, false, ExceptionDispatchInfo.Capture(e)));
        }
        finally
        {
            _queue.CompleteAdding();
        }
    }

    private void Flush(bool barrier)
    {
        _queue.Add(new Batch(_batch, barrier, null), _cancel.Token);
        _batch = new List<Item>(BatchSize);
    }

    private void TryAdd(Batch batch)
    {
        try { _queue.Add(batch, _cancel.Token); }
        catch (OperationCanceledException) { }
    }

    private void WaitForAssembler()
    {
        Flush(barrier: true);
        _caughtUp.Wait(_cancel.Token);
    }
}
