namespace A64Asm.Isa.Fluent;

/// <summary>A position in the code, created by <see cref="A64CodeAssembler.CreateLabel"/> and bound once with <see cref="A64CodeAssembler.Label"/>.</summary>
public readonly record struct A64Label(int Id, string Name)
{
    public override string ToString() => Name;
}

/// <summary>An instruction the encoder rejected, or a label that was never bound or is out of range.</summary>
public sealed class A64AssemblerException(string message) : Exception(message);
