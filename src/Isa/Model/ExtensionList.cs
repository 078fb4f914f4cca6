namespace A64Asm.Isa;

/// <summary>
/// GNU as's checks on the "+ext" list of -march=, -mcpu=, .arch and .cpu: every name known, and no addition after a
/// removal ("+nosimd+crc" is refused: GNU applies the list in order and wants it written adds first). gcc's -mcpu= is
/// not checked for order: gcc rewrites the core's list before gas sees it.
/// </summary>
public static class ExtensionList
{
    public const string AddAfterRemove = "must specify extensions to add before specifying those to remove";

    /// <summary>GNU's complaint about <paramref name="extensions"/> (the parts after the first '+'), in GNU's words;
    /// null when it has none. <paramref name="checkOrder"/>: false for a list gcc rewrites.</summary>
    public static string? Problem(IReadOnlyList<string> extensions, bool checkOrder = true)
    {
        bool removed = false;
        for (int i = 0; i < extensions.Count; i++)
        {
            string extension = extensions[i];
            if (extension.Length == 0)
                return "missing architectural extension";
            bool remove = extension.StartsWith("no", StringComparison.Ordinal) && !ArchFeatures.KnownExtensions.Contains(extension);
            if (!remove && removed && checkOrder)
                return AddAfterRemove;
            removed |= remove;
            string name = remove ? extension[2..] : extension;
            // GNU names the rest of the value from the unknown name on, without its "no".
            if (!ArchFeatures.KnownExtensions.Contains(name))
                return $"unknown architectural extension `{string.Join('+', extensions.Skip(i + 1).Prepend(name))}'";
        }
        return null;
    }
}
