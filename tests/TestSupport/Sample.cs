namespace A64Asm.TestSupport;

/// <summary>samples/relocate_kernel.S, the file most oracle tests build both ways.</summary>
public static class Sample
{
    public static string Path => Repo.Path("samples/relocate_kernel.S");

    public static string IncludeDir => Repo.Path("samples/include");

    /// <summary>The preprocessor arguments that build it for one page size (PAGE_SHIFT 12, 14 or 16).</summary>
    public static string[] CppArgs(int pageShift) => ["-I", IncludeDir, $"-DPAGE_SHIFT={pageShift}"];
}
