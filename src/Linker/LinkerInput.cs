namespace A64Asm.Linker;

/// <summary>One ELF relocatable object to link: a name for messages (usually the file name) and its bytes.</summary>
public sealed record LinkerInput(string Name, byte[] Bytes);
