/*
 * PromQL, as Prometheus 3.x parses it (including the experimental duration
 * expressions, extended range selectors and binop fill modifiers).
 *
 * This grammar is imported by Vigil.g4, so an expression inside a .vigil file
 * and an `expr:` string in a Prometheus rule file go through the same rules.
 * Type rules (argument types, arity, which operators apply to scalars) are
 * not expressed here: like Prometheus, the compiler checks them after parsing,
 * so that it can report them with precise messages.
 *
 * Extension points for the importing grammar (it may override these rules):
 *   keyword       - extra reserved words that may still be used as names
 *   matcherValue  - what may stand on the right of a label matcher
 *   literal       - literal operands of an expression
 *   durationAtom  - atoms of a duration expression
 */
grammar PromQL;

promqlRoot
    : expr EOF
    ;

expr
    : expr LEFT_BRACKET durationExpr (COLON durationExpr?)? RIGHT_BRACKET   # rangeOrSubquery
    | expr rangeModifier                                                   # extendedRange
    | expr OFFSET offsetValue                                              # offset
    | expr AT atValue                                                      # at
    | <assoc=right> expr op=POW binModifier expr                           # binary
    | op=(ADD | SUB) expr                                                  # unary
    | expr op=(MUL | DIV | MOD | ATAN2 | TRIM_UPPER | TRIM_LOWER) binModifier expr  # binary
    | expr op=(ADD | SUB) binModifier expr                                 # binary
    | expr op=(EQLC | NEQ | GTR | LSS | GTE | LTE) binModifier expr        # binary
    | expr op=(AND | UNLESS) binModifier expr                              # binary
    | expr op=OR binModifier expr                                          # binary
    | primary                                                              # primaryExpr
    ;

primary
    : LEFT_PAREN expr RIGHT_PAREN                                          # paren
    | aggregateOp grouping? LEFT_PAREN callArgs? RIGHT_PAREN grouping?     # aggregation
    | IDENT LEFT_PAREN callArgs? RIGHT_PAREN                               # call
    | vectorSelector                                                       # selector
    | literal                                                              # literalExpr
    ;

callArgs
    : expr (COMMA expr)* COMMA?
    ;

vectorSelector
    : metricName labelMatchers?
    | labelMatchers
    ;

labelMatchers
    : LEFT_BRACE (matcher (COMMA matcher)* COMMA?)? RIGHT_BRACE
    ;

matcher
    : labelName op=(EQL | NEQ | EQL_REGEX | NEQ_REGEX) matcherValue        # labelMatcher
    | STRING                                                               # quotedMetricName
    ;

matcherValue
    : STRING
    ;

literal
    : NUMBER
    | DURATION
    | STRING
    ;

grouping
    : (BY | WITHOUT) groupingLabels
    ;

groupingLabels
    : LEFT_PAREN (labelName (COMMA labelName)* COMMA?)? RIGHT_PAREN
    ;

binModifier
    : BOOL? (matching groupModifier?)? fillModifier*
    ;

matching
    : (ON | IGNORING) groupingLabels
    ;

// As in Prometheus, a `(` after group_left/group_right always opens the label list: without the
// predicate, `group_right (count(x))` would be read as no labels followed by the operand.
groupModifier
    : (GROUP_LEFT | GROUP_RIGHT) (groupingLabels | {_input.LA(1) != LEFT_PAREN}?)
    ;

fillModifier
    : (FILL | FILL_LEFT | FILL_RIGHT) LEFT_PAREN (ADD | SUB)? NUMBER RIGHT_PAREN
    ;

rangeModifier
    : ANCHORED
    | SMOOTHED
    ;

// Only an atom, optionally signed: `foo offset 1m + 1m` is `(foo offset 1m) + 1m`, as in Prometheus.
offsetValue
    : (ADD | SUB)? durationAtom
    ;

atValue
    : (ADD | SUB)? (NUMBER | DURATION)
    | IDENT LEFT_PAREN RIGHT_PAREN
    ;

durationExpr
    : <assoc=right> durationExpr op=POW durationExpr
    | op=(ADD | SUB) durationExpr
    | durationExpr op=(MUL | DIV | MOD) durationExpr
    | durationExpr op=(ADD | SUB) durationExpr
    | durationAtom
    ;

durationAtom
    : NUMBER
    | DURATION
    | LEFT_PAREN durationExpr RIGHT_PAREN
    | IDENT LEFT_PAREN (durationExpr (COMMA durationExpr)*)? RIGHT_PAREN
    ;

aggregateOp
    : SUM | AVG | COUNT | MIN | MAX | GROUP | STDDEV | STDVAR | TOPK | BOTTOMK
    | COUNT_VALUES | QUANTILE | LIMITK | LIMIT_RATIO
    ;

metricName
    : IDENT
    | METRIC_IDENT
    | COLON (IDENT | METRIC_IDENT)
    | keyword
    ;

// NUMBER covers `Inf` and `NaN`, which the lexer reads as numbers but are fine label names; the compiler refuses other numbers.
labelName
    : IDENT
    | keyword
    | STRING
    | NUMBER
    ;

/* PromQL's reserved words, which may still name metrics and labels. */
promqlKeyword
    : aggregateOp
    | AND | OR | UNLESS | ATAN2 | BY | WITHOUT | ON | IGNORING
    | GROUP_LEFT | GROUP_RIGHT | BOOL | OFFSET | ANCHORED | SMOOTHED
    | FILL | FILL_LEFT | FILL_RIGHT
    ;

/* Every reserved word that may still be used as a name; an importing grammar that reserves more words overrides it. */
keyword
    : promqlKeyword
    ;

// ---------------------------------------------------------------- lexer

AND         options { caseInsensitive = true; } : 'and';
OR          options { caseInsensitive = true; } : 'or';
UNLESS      options { caseInsensitive = true; } : 'unless';
ATAN2       options { caseInsensitive = true; } : 'atan2';
SUM         options { caseInsensitive = true; } : 'sum';
AVG         options { caseInsensitive = true; } : 'avg';
COUNT       options { caseInsensitive = true; } : 'count';
MIN         options { caseInsensitive = true; } : 'min';
MAX         options { caseInsensitive = true; } : 'max';
GROUP       options { caseInsensitive = true; } : 'group';
STDDEV      options { caseInsensitive = true; } : 'stddev';
STDVAR      options { caseInsensitive = true; } : 'stdvar';
TOPK        options { caseInsensitive = true; } : 'topk';
BOTTOMK     options { caseInsensitive = true; } : 'bottomk';
COUNT_VALUES options { caseInsensitive = true; } : 'count_values';
QUANTILE    options { caseInsensitive = true; } : 'quantile';
LIMITK      options { caseInsensitive = true; } : 'limitk';
LIMIT_RATIO options { caseInsensitive = true; } : 'limit_ratio';
BY          options { caseInsensitive = true; } : 'by';
WITHOUT     options { caseInsensitive = true; } : 'without';
ON          options { caseInsensitive = true; } : 'on';
IGNORING    options { caseInsensitive = true; } : 'ignoring';
GROUP_LEFT  options { caseInsensitive = true; } : 'group_left';
GROUP_RIGHT options { caseInsensitive = true; } : 'group_right';
BOOL        options { caseInsensitive = true; } : 'bool';
OFFSET      options { caseInsensitive = true; } : 'offset';
ANCHORED    options { caseInsensitive = true; } : 'anchored';
SMOOTHED    options { caseInsensitive = true; } : 'smoothed';
FILL        options { caseInsensitive = true; } : 'fill';
FILL_LEFT   options { caseInsensitive = true; } : 'fill_left';
FILL_RIGHT  options { caseInsensitive = true; } : 'fill_right';

// Inf and NaN are numbers in any case, as in Prometheus; listed before IDENT so they win.
NUMBER
    options { caseInsensitive = true; }
    : DECIMAL
    | '0x' [0-9a-f]+
    | 'inf'
    | 'nan'
    ;

// Unit order and repetition are checked by the compiler, which can explain the mistake.
DURATION
    : ([0-9]+ ('ms' | 's' | 'm' | 'h' | 'd' | 'w' | 'y'))+
    ;

// A number run into a word that is not a unit (`10mins`, `30sec`): one token, so that the mistake
// is reported at the whole of it, with the duration it was meant to be, instead of at `ins`. It
// comes after NUMBER and DURATION, which win the ties (`0x1f`, `1h30m`).
BAD_DURATION
    : ([0-9]+ [a-zA-Z]+)+
    ;

IDENT
    : [a-zA-Z_] [a-zA-Z0-9_]*
    ;

// A name with a colon. It must start with a letter or `_` so that `[5m:1m]` lexes as a range and a
// step (a name may start with `:` in Prometheus; `metricName` accepts that as COLON + name). No lexer
// predicate here: one would keep ANTLR from caching the lexer DFA and make lexing ten times slower.
METRIC_IDENT
    : [a-zA-Z_] [a-zA-Z0-9_]* ':' [a-zA-Z0-9_:]*
    ;

STRING
    : '"' (STRING_ESCAPE | ~["\\\r\n])* '"'
    | '\'' (STRING_ESCAPE | ~['\\\r\n])* '\''
    | '`' ~[`]* '`'
    ;

LEFT_PAREN    : '(';
RIGHT_PAREN   : ')';
LEFT_BRACE    : '{';
RIGHT_BRACE   : '}';
LEFT_BRACKET  : '[';
RIGHT_BRACKET : ']';
COMMA         : ',';
COLON         : ':';
AT            : '@';
EQLC          : '==';
// Histogram trim operators (experimental in Prometheus 3): `</` trims the upper, `>/` the lower end.
TRIM_UPPER    : '</';
TRIM_LOWER    : '>/';
NEQ           : '!=';
EQL_REGEX     : '=~';
NEQ_REGEX     : '!~';
GTE           : '>=';
LTE           : '<=';
GTR           : '>';
LSS           : '<';
EQL           : '=';
ADD           : '+';
SUB           : '-';
MUL           : '*';
DIV           : '/';
MOD           : '%';
POW           : '^';

HASH_COMMENT
    : '#' ~[\r\n]* -> channel(2)
    ;

WS
    : [ \t\r\n\f]+ -> channel(HIDDEN)
    ;

// Any other character becomes a token the parser cannot use, so the error is reported in its place.
UNEXPECTED_CHAR
    : .
    ;

fragment DECIMAL
    : ([0-9]+ ('.' [0-9]*)? | '.' [0-9]+) ('e' [+-]? [0-9]+)?
    ;

// Any escaped character: which escapes are valid is checked when the string is read, so that a
// stray `\.` is one precise error instead of a string the lexer cannot close.
fragment STRING_ESCAPE
    : '\\' ~[\r\n]
    ;

fragment HEX
    : [0-9a-fA-F]
    ;
