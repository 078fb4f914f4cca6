namespace A64Asm.Assembler.Layout;

/// <summary>LEB128, DWARF's variable-length numbers: for .uleb128/.sleb128, call frames and line tables alike.</summary>
internal static class Leb128
{
    /// <summary>The value's bits as an unsigned number (a negative value is its 64-bit two's complement, as gas).</summary>
    public static void Unsigned(List<byte> to, long value)
    {
        ulong v = (ulong)value;
        do
        {
            byte b = (byte)(v & 0x7f);
            v >>= 7;
            to.Add(v != 0 ? (byte)(b | 0x80) : b);
        } while (v != 0);
    }

    public static void Signed(List<byte> to, long value)
    {
        while (true)
        {
            byte b = (byte)(value & 0x7f);
            value >>= 7;
            bool done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            to.Add(done ? b : (byte)(b | 0x80));
            if (done) return;
        }
    }

    public static int UnsignedSize(long value)
    {
        int size = 1;
        for (ulong v = (ulong)value >> 7; v != 0; v >>= 7) size++;
        return size;
    }
}
