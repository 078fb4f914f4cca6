using System.Runtime.CompilerServices;

// tests/Isa.Tests checks the lint on small err_/ok_ tables.
[assembly: InternalsVisibleTo("A64Asm.Isa.Tests")]
