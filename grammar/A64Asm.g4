/*
 * A64Asm: the statement syntax of the a64asm assembler (GNU as dialect for AArch64).
 *
 * The macro layer hands the parser one statement per line (labels may share the line). The
 * assembler feeds this parser from its own token source (src/Assembler/Parsing/StatementTokenSource.cs)
 * that produces exactly the token types below; the generated lexer exists so the token
 * vocabulary has a single definition and so tests can compare the two lexers.
 *
 * Expression precedence follows GNU as, from tightest to loosest:
 *   unary  - ~ ! +
 *   * / % << >>
 *   | & ^ !           (binary ! is "or not")
 *   + - == != <> < > <= >=
 *   &&
 *   ||
 * Operators of one level associate to the left.
 */
grammar A64Asm;

// ---------------------------------------------------------------- entry points

line
    : label* statement? EOF
    ;

expressionLine
    : expr EOF
    ;

// ---------------------------------------------------------------- statements

// "name:", ".Lname:", and numeric local labels "1:".
label
    : name=(IDENT | NUMBER) COLON
    ;

statement
    : name=IDENT EQUALS expr                                      # assignment
    | name=IDENT keyword=IDENT target=IDENT                       # registerAlias
    | name=(IDENT | SHIFT) (plainOperand? (COMMA operand?)+ | plainOperand)?  # command
    ;

// The first operand never is a literal ("=value"), which keeps "name = value" unambiguous.
// Any operand may be empty, as in ".p2align 4,,15" or ".word ,3" (GNU as takes zero for a missing datum).
operand
    : EQUALS expr                                                 # literalOperand
    | plainOperand                                                # otherOperand
    ;

plainOperand
    : LBRACKET plainOperand (COMMA plainOperand)* RBRACKET BANG?  # memoryOperand
    | LBRACE registerRange (COMMA registerRange)* RBRACE
      (LBRACKET expr RBRACKET)?                                   # registerListOperand
    | IDENT LBRACKET expr RBRACKET                                # elementOperand
    | SHIFT (HASH? expr)?                                         # shiftOperand
    | IDENT BANG                                                  # writebackOperand
    | HASH? COLON modifier=IDENT COLON expr                       # relocationOperand
    | HASH? expr                                                  # expressionOperand
    | STRING                                                      # stringOperand
    | (AT | PERCENT) IDENT                                        # typeOperand
    ;

registerRange
    : first=IDENT (MINUS last=IDENT)?
    ;

// ---------------------------------------------------------------- expressions

expr
    : op=(MINUS | TILDE | BANG | PLUS) expr                                      # unaryExpr
    | expr op=(STAR | SLASH | PERCENT | SHL | SHR) expr                          # multiplicativeExpr
    | expr op=(PIPE | AMP | CARET | BANG) expr                                   # bitwiseExpr
    | expr op=(PLUS | MINUS | EQEQ | NOTEQ | LTGT | LT | GT | LE | GE) expr      # additiveExpr
    | expr ANDAND expr                                                           # logicalAndExpr
    | expr OROR expr                                                             # logicalOrExpr
    | primary                                                                    # primaryExpr
    ;

primary
    : NUMBER                                                      # numberPrimary
    | FLOAT                                                       # floatPrimary
    | CHAR                                                        # charPrimary
    | LOCALREF                                                    # localRefPrimary
    | IDENT                                                       # symbolPrimary
    | LPAREN expr RPAREN                                          # parenPrimary
    ;

// ---------------------------------------------------------------- tokens

// Extend and shift operator names, case-insensitive; listed before IDENT so they win on equal length.
SHIFT
    : L S L | L S R | A S R | R O R | M S L
    | U X T B | U X T H | U X T W | U X T X
    | S X T B | S X T H | S X T W | S X T X
    ;

// 0x.., 0b.., 0.. (octal) and decimal. "1b"/"1f" are LOCALREF, which the longest match picks.
NUMBER
    : '0' [xX] [0-9a-fA-F]+
    | '0' [bB] [01]+
    | [0-9]+
    ;

LOCALREF
    : [0-9]+ [bBfF]
    ;

FLOAT
    : [0-9]+ '.' [0-9]+ ([eE] [+-]? [0-9]+)?
    | [0-9]+ [eE] [+-]? [0-9]+
    ;

// GNU as accepts 'c with or without the closing quote.
CHAR
    : '\'' ('\\' . | ~[\\\r\n]) '\''?
    ;

STRING
    : '"' ('\\' . | ~["\\\r\n])* '"'
    ;

// Symbols, mnemonics (b.ne), directives (.quad), registers with arrangements (v0.16b) and ".".
IDENT
    : [A-Za-z_.$] [A-Za-z0-9_.$]*
    ;

OROR    : '||' ;
ANDAND  : '&&' ;
SHL     : '<<' ;
SHR     : '>>' ;
EQEQ    : '==' ;
NOTEQ   : '!=' ;
LTGT    : '<>' ;
LE      : '<=' ;
GE      : '>=' ;
LT      : '<' ;
GT      : '>' ;
EQUALS  : '=' ;
PLUS    : '+' ;
MINUS   : '-' ;
STAR    : '*' ;
SLASH   : '/' ;
PERCENT : '%' ;
PIPE    : '|' ;
AMP     : '&' ;
CARET   : '^' ;
TILDE   : '~' ;
BANG    : '!' ;
HASH    : '#' ;
AT      : '@' ;
COLON   : ':' ;
COMMA   : ',' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
LBRACKET: '[' ;
RBRACKET: ']' ;
LBRACE  : '{' ;
RBRACE  : '}' ;

LINE_COMMENT
    : '//' ~[\r\n]* -> skip
    ;

WS
    : [ \t\r\n\f]+ -> skip
    ;

fragment A : [aA] ;
fragment B : [bB] ;
fragment H : [hH] ;
fragment L : [lL] ;
fragment M : [mM] ;
fragment O : [oO] ;
fragment R : [rR] ;
fragment S : [sS] ;
fragment T : [tT] ;
fragment U : [uU] ;
fragment W : [wW] ;
fragment X : [xX] ;
