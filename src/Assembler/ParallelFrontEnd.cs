using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Assembler.Layout;
using A64Asm.Assembler.Parsing.Syntax;
using MacroExpander = A64Asm.Assembler.Macros.MacroExpander;
using MacroOptions = A64Asm.Assembler.Macros.MacroOptions;

namespace A64Asm.Assembler;

/// <summary>
/// Runs macro expansion and parsing on a second thread while this one lays out and encodes, handing lines over in
/// batches. When the macro layer asks about symbols (.if, .ifdef), the parsing thread first waits until the
/// assembler has taken every line handed over, so the answer is the one a sequential run gives. Errors surface in
/// line order.
/// </summary>
internal sealed class ParallelFrontEnd
{
    private const int BatchSize = 512;

    private sealed record Batch(List<ParsedLine> Lines, bool Barrier, ExceptionDispatchInfo? Error);

    private readonly BlockingCollection<Batch> _queue = new(boundedCapacity: 16);
    private readonly SemaphoreSlim _caughtUp = new(0);
    private readonly CancellationTokenSource _cancel = new();
    private List<ParsedLine> _batch = new(BatchSize);

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
                foreach (var line in batch.Lines)
                    assembler.AddParsed(line);
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
            foreach (var line in expander.Expand())
            {
                assembler.Parse(line, _batch);
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
        _batch = new List<ParsedLine>(BatchSize);
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
