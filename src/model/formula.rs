//! Line formulas: `=fte * 55000 / 12`, `=SUM([Konsulter A]; [Konsulter B])`.
//!
//! A formula computes a line's budget month by month from drivers and other
//! lines, named bare (`fte`) or in brackets when the name has spaces
//! (`[Personalkostnader Ekonomi]`). It has `+ - * /`, comparisons
//! (`= <> < <= > >=`, true being 1), parentheses and the functions SUM, MIN,
//! MAX, ROUND and IF (also by their Swedish names SUMMA, AVRUNDA and OM).
//! Arguments are separated by `;` (or by `,` where it cannot be a decimal
//! comma); decimals are written with `,` or `.`.
//!
//! Errors say what and where, positions counting characters after the `=`
//! from 1: `=fte * pris` gives "unknown name 'pris' at position 7".

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use super::period::Month;

/// The deepest nesting a formula may have, so that no text can exhaust the stack.
const MAX_DEPTH: usize = 64;
/// The longest formula accepted, in characters.
pub const MAX_LENGTH: usize = 2_000;

/// Why a formula cannot be read or computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormulaError {
    /// Something other than what the grammar allows at `position`: the
    /// text found there, or `None` at the end of the formula.
    Syntax {
        position: usize,
        found: Option<String>,
    },
    UnknownName {
        name: String,
        position: usize,
    },
    /// The name is both a driver and a line, or several lines or indicators.
    AmbiguousName {
        name: String,
        position: usize,
    },
    UnknownFunction {
        name: String,
        position: usize,
    },
    /// A function was given a wrong number of arguments.
    Arguments {
        function: &'static str,
        position: usize,
    },
    /// Longer than [`MAX_LENGTH`] or nested deeper than the engine allows.
    TooComplex,
    /// The formula depends on itself, through the named lines.
    Cycle {
        path: Vec<String>,
    },
    /// A division by zero: `position` is that of the `/`, `month` the
    /// first month it happens in, when computed month by month.
    DivisionByZero {
        position: usize,
        month: Option<Month>,
    },
    /// The formula names a line whose own formula cannot be computed.
    Broken {
        name: String,
    },
    /// A value left the range of exact decimals.
    Overflow,
    /// A line's formula names an indicator that is not a typed monthly one,
    /// so it has no planned volume per month.
    NotAVolume {
        name: String,
        position: usize,
    },
    /// The indicator a line's formula names has no planned volume (target)
    /// in `month`.
    NotReported {
        name: String,
        month: Month,
    },
}

/// A binary operator of the formula language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    fn precedence(self) -> u8 {
        match self {
            Op::Eq | Op::Ne | Op::Lt | Op::Le | Op::Gt | Op::Ge => 1,
            Op::Add | Op::Sub => 2,
            Op::Mul | Op::Div => 3,
        }
    }
}

/// A function of the formula language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {
    Sum,
    Min,
    Max,
    Round,
    If,
}

impl Function {
    fn named(name: &str) -> Option<Function> {
        Some(match name.to_uppercase().as_str() {
            "SUM" | "SUMMA" => Function::Sum,
            "MIN" => Function::Min,
            "MAX" => Function::Max,
            "ROUND" | "AVRUNDA" => Function::Round,
            "IF" | "OM" => Function::If,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Function::Sum => "SUM",
            Function::Min => "MIN",
            Function::Max => "MAX",
            Function::Round => "ROUND",
            Function::If => "IF",
        }
    }

    fn accepts(self, count: usize) -> bool {
        match self {
            Function::Sum | Function::Min | Function::Max => count >= 1,
            Function::Round => count == 2,
            Function::If => count == 3,
        }
    }
}

/// A parsed formula; names are resolved by [`Expr::resolve`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr<N> {
    Number(Decimal),
    Name(N),
    Neg(Box<Expr<N>>),
    /// `left op right`; `position` is the operator's, for errors.
    Binary {
        op: Op,
        position: usize,
        left: Box<Expr<N>>,
        right: Box<Expr<N>>,
    },
    Call(Function, Vec<Expr<N>>),
}

/// A name as written, with its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub name: String,
    pub position: usize,
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Number(Decimal),
    Name(String),
    Op(Op),
    Open,
    Close,
    Separator,
}

/// A token, its 1-based position and its text.
type Located = (Token, usize, String);

/// Splits the text after `=` into tokens with their positions and texts.
fn tokens(text: &str) -> Result<Vec<Located>, FormulaError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let syntax = |i: usize, c: char| FormulaError::Syntax { position: i + 1, found: Some(c.to_string()) };
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let token = match c {
            _ if c.is_whitespace() => {
                i += 1;
                continue;
            }
            '0'..='9' => {
                let mut digits = String::new();
                while i < chars.len() {
                    let decimal = matches!(chars[i], ',' | '.')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                        && !digits.contains('.');
                    match chars[i] {
                        d if d.is_ascii_digit() => digits.push(d),
                        _ if decimal => digits.push('.'),
                        _ => break,
                    }
                    i += 1;
                }
                let value = Decimal::from_str_exact(&digits).map_err(|_| FormulaError::Overflow)?;
                out.push((Token::Number(value), start + 1, chars[start..i].iter().collect()));
                continue;
            }
            '[' => {
                let end = chars[i..].iter().position(|c| *c == ']').ok_or_else(|| syntax(i, '['))?;
                let name: String = chars[i + 1..i + end].iter().collect();
                i += end + 1;
                out.push((Token::Name(name.trim().to_owned()), start + 1, chars[start..i].iter().collect()));
                continue;
            }
            _ if c.is_alphabetic() || c == '_' => {
                let mut name = String::new();
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    name.push(chars[i]);
                    i += 1;
                }
                out.push((Token::Name(name), start + 1, chars[start..i].iter().collect()));
                continue;
            }
            '+' => Token::Op(Op::Add),
            '-' | '\u{2212}' => Token::Op(Op::Sub),
            '*' | '×' => Token::Op(Op::Mul),
            '/' => Token::Op(Op::Div),
            '(' => Token::Open,
            ')' => Token::Close,
            ';' | ',' => Token::Separator,
            '=' => Token::Op(Op::Eq),
            '<' | '>' => {
                let next = chars.get(i + 1).copied();
                let (op, width) = match (c, next) {
                    ('<', Some('=')) => (Op::Le, 2),
                    ('<', Some('>')) => (Op::Ne, 2),
                    ('>', Some('=')) => (Op::Ge, 2),
                    ('<', _) => (Op::Lt, 1),
                    _ => (Op::Gt, 1),
                };
                i += width;
                out.push((Token::Op(op), start + 1, chars[start..i].iter().collect()));
                continue;
            }
            _ => return Err(syntax(i, c)),
        };
        out.push((token, start + 1, c.to_string()));
        i += 1;
    }
    Ok(out)
}

/// A recursive-descent parser with precedence climbing.
struct Parser {
    tokens: Vec<Located>,
    next: usize,
    /// One past the last character, for errors at the end.
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next).map(|(token, _, _)| token)
    }

    fn position(&self) -> usize {
        self.tokens.get(self.next).map_or(self.end, |(_, position, _)| *position)
    }

    fn unexpected(&self) -> FormulaError {
        let found = self.tokens.get(self.next).map(|(_, _, text)| text.clone());
        FormulaError::Syntax { position: self.position(), found }
    }

    fn expression(&mut self, min_precedence: u8, depth: usize) -> Result<Expr<Written>, FormulaError> {
        if depth > MAX_DEPTH {
            return Err(FormulaError::TooComplex);
        }
        let mut left = self.operand(depth)?;
        while let Some(Token::Op(op)) = self.peek().cloned() {
            if op.precedence() < min_precedence {
                break;
            }
            let position = self.position();
            self.next += 1;
            let right = Box::new(self.expression(op.precedence() + 1, depth + 1)?);
            left = Expr::Binary { op, position, left: Box::new(left), right };
        }
        Ok(left)
    }

    fn operand(&mut self, depth: usize) -> Result<Expr<Written>, FormulaError> {
        let position = self.position();
        let Some(token) = self.peek().cloned() else { return Err(self.unexpected()) };
        self.next += 1;
        match token {
            Token::Number(value) => Ok(Expr::Number(value)),
            Token::Op(Op::Sub) => Ok(Expr::Neg(Box::new(self.expression(Op::Mul.precedence(), depth + 1)?))),
            Token::Op(Op::Add) => self.expression(Op::Mul.precedence(), depth + 1),
            Token::Open => {
                let inner = self.expression(0, depth + 1)?;
                self.expect_close()?;
                Ok(inner)
            }
            Token::Name(name) if self.peek() == Some(&Token::Open) => {
                let function = Function::named(&name).ok_or(FormulaError::UnknownFunction { name, position })?;
                self.next += 1;
                let args = self.arguments(depth)?;
                if !function.accepts(args.len()) {
                    return Err(FormulaError::Arguments { function: function.name(), position });
                }
                Ok(Expr::Call(function, args))
            }
            Token::Name(name) => Ok(Expr::Name(Written { name, position })),
            _ => {
                self.next -= 1;
                Err(self.unexpected())
            }
        }
    }

    fn arguments(&mut self, depth: usize) -> Result<Vec<Expr<Written>>, FormulaError> {
        let mut args = Vec::new();
        if self.peek() == Some(&Token::Close) {
            self.next += 1;
            return Ok(args);
        }
        loop {
            args.push(self.expression(0, depth + 1)?);
            match self.peek() {
                Some(Token::Separator) => self.next += 1,
                _ => return self.expect_close().map(|()| args),
            }
        }
    }

    fn expect_close(&mut self) -> Result<(), FormulaError> {
        if self.peek() == Some(&Token::Close) {
            self.next += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }
}

/// Parses the text of a formula, with or without its leading `=`.
pub fn parse(text: &str) -> Result<Expr<Written>, FormulaError> {
    let body = text.trim().strip_prefix('=').unwrap_or(text.trim());
    if body.chars().count() > MAX_LENGTH {
        return Err(FormulaError::TooComplex);
    }
    let tokens = tokens(body)?;
    let mut parser = Parser { tokens, next: 0, end: body.chars().count() + 1 };
    let expr = parser.expression(0, 0)?;
    if parser.peek().is_some() {
        return Err(parser.unexpected());
    }
    Ok(expr)
}

/// `text` with every name equal to `old` (in any case) written as `new`,
/// bare when it can be and in brackets otherwise. Text that does not parse
/// into tokens is returned as it is.
pub fn rename(text: &str, old: &str, new: &str) -> String {
    let trimmed = text.trim();
    let (prefix, body) = match trimmed.strip_prefix('=') {
        Some(body) => ("=", body),
        None => ("", trimmed),
    };
    let Ok(tokens) = tokens(body) else { return text.to_owned() };
    let bare = new.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && new.chars().all(|c| c.is_alphanumeric() || c == '_');
    let written = if bare { new.to_owned() } else { format!("[{new}]") };
    let chars: Vec<char> = body.chars().collect();
    let mut out = String::from(prefix);
    let mut at = 0;
    for (i, (token, position, source)) in tokens.iter().enumerate() {
        let call = matches!(tokens.get(i + 1), Some((Token::Open, _, _)));
        let Token::Name(name) = token else { continue };
        if call || name.to_lowercase() != old.trim().to_lowercase() {
            continue;
        }
        let start = position - 1;
        out.extend(&chars[at..start]);
        out.push_str(&written);
        at = start + source.chars().count();
    }
    out.extend(&chars[at..]);
    out
}

impl<N> Expr<N> {
    /// The same formula with every name replaced by what `resolve` makes of it.
    pub fn resolve<M, E>(self, resolve: &mut impl FnMut(N) -> Result<M, E>) -> Result<Expr<M>, E> {
        Ok(match self {
            Expr::Number(value) => Expr::Number(value),
            Expr::Name(name) => Expr::Name(resolve(name)?),
            Expr::Neg(inner) => Expr::Neg(Box::new(inner.resolve(resolve)?)),
            Expr::Binary { op, position, left, right } => Expr::Binary {
                op,
                position,
                left: Box::new(left.resolve(resolve)?),
                right: Box::new(right.resolve(resolve)?),
            },
            Expr::Call(function, args) => {
                Expr::Call(function, args.into_iter().map(|arg| arg.resolve(resolve)).collect::<Result<_, _>>()?)
            }
        })
    }

    /// Every name, in order.
    pub fn names(&self) -> Vec<&N> {
        let mut out = Vec::new();
        self.visit(&mut |name| out.push(name));
        out
    }

    fn visit<'a>(&'a self, f: &mut impl FnMut(&'a N)) {
        match self {
            Expr::Number(_) => {}
            Expr::Name(name) => f(name),
            Expr::Neg(inner) => inner.visit(f),
            Expr::Binary { left, right, .. } => {
                left.visit(f);
                right.visit(f);
            }
            Expr::Call(_, args) => args.iter().for_each(|arg| arg.visit(f)),
        }
    }

    /// The value, with `value` giving each name's; all arithmetic is checked.
    pub fn eval(&self, value: &impl Fn(&N) -> Result<Decimal, FormulaError>) -> Result<Decimal, FormulaError> {
        let checked = |result: Option<Decimal>| result.ok_or(FormulaError::Overflow);
        match self {
            Expr::Number(number) => Ok(*number),
            Expr::Name(name) => value(name),
            Expr::Neg(inner) => Ok(-inner.eval(value)?),
            Expr::Binary { op, position, left, right } => {
                let (a, b) = (left.eval(value)?, right.eval(value)?);
                let truth = |t: bool| Ok(if t { Decimal::ONE } else { Decimal::ZERO });
                match op {
                    Op::Add => checked(a.checked_add(b)),
                    Op::Sub => checked(a.checked_sub(b)),
                    Op::Mul => checked(a.checked_mul(b)),
                    Op::Div if b.is_zero() => Err(FormulaError::DivisionByZero { position: *position, month: None }),
                    Op::Div => checked(a.checked_div(b)),
                    Op::Eq => truth(a == b),
                    Op::Ne => truth(a != b),
                    Op::Lt => truth(a < b),
                    Op::Le => truth(a <= b),
                    Op::Gt => truth(a > b),
                    Op::Ge => truth(a >= b),
                }
            }
            Expr::Call(function, args) => call(*function, args, value),
        }
    }
}

fn call<N>(
    function: Function,
    args: &[Expr<N>],
    value: &impl Fn(&N) -> Result<Decimal, FormulaError>,
) -> Result<Decimal, FormulaError> {
    let values = || args.iter().map(|arg| arg.eval(value)).collect::<Result<Vec<_>, _>>();
    match function {
        Function::If => {
            // Only the chosen branch is computed, as in a spreadsheet.
            let branch = if args[0].eval(value)?.is_zero() { &args[2] } else { &args[1] };
            branch.eval(value)
        }
        Function::Sum => {
            values()?.into_iter().try_fold(Decimal::ZERO, |a, b| a.checked_add(b)).ok_or(FormulaError::Overflow)
        }
        Function::Min => Ok(values()?.into_iter().min().unwrap_or_default()),
        Function::Max => Ok(values()?.into_iter().max().unwrap_or_default()),
        Function::Round => {
            let values = values()?;
            let places = values[1].round().to_i32().filter(|p| (-12..=12).contains(p)).ok_or(FormulaError::Overflow)?;
            Ok(round(values[0], places))
        }
    }
}

/// `value` rounded half away from zero to `places` decimals; negative places
/// round to tens, hundreds, thousands …
fn round(value: Decimal, places: i32) -> Decimal {
    let strategy = RoundingStrategy::MidpointAwayFromZero;
    match u32::try_from(places) {
        Ok(places) => value.round_dp_with_strategy(places, strategy),
        Err(_) => {
            let factor = Decimal::from(10i64.pow(places.unsigned_abs()));
            (value / factor).round_dp_with_strategy(0, strategy) * factor
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(text: &str) -> Result<Decimal, FormulaError> {
        let vars = |name: &Written| match name.name.to_lowercase().as_str() {
            "fte" => Ok(Decimal::from(10)),
            "pris" => Ok(Decimal::new(25, 1)),
            _ => Err(FormulaError::UnknownName { name: name.name.clone(), position: name.position }),
        };
        parse(text)?.eval(&vars)
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn arithmetic_follows_precedence() {
        assert_eq!(eval("=1 + 2 * 3"), Ok(dec("7")));
        assert_eq!(eval("=(1 + 2) * 3"), Ok(dec("9")));
        assert_eq!(eval("=10 - 4 - 3"), Ok(dec("3")));
        assert_eq!(eval("=-fte * 2"), Ok(dec("-20")));
        assert_eq!(eval("=fte * 55000 / 12"), Ok(dec("550000") / dec("12")));
        assert_eq!(eval("=1,5 + 2.25"), Ok(dec("3.75")));
    }

    #[test]
    fn functions_and_comparisons() {
        assert_eq!(eval("=SUM(1; 2; fte)"), Ok(dec("13")));
        assert_eq!(eval("=summa(1, fte)"), Ok(dec("11")));
        assert_eq!(eval("=MIN(3; 1; 2) + MAX(3; 1; 2)"), Ok(dec("4")));
        assert_eq!(eval("=ROUND(2,345; 2)"), Ok(dec("2.35")));
        assert_eq!(eval("=ROUND(123456; -3)"), Ok(dec("123000")));
        assert_eq!(eval("=IF(fte > 5; 1; 1/0)"), Ok(dec("1")), "only the chosen branch is computed");
        assert_eq!(eval("=OM(fte <> 10; 1; 2)"), Ok(dec("2")));
    }

    #[test]
    fn errors_say_what_and_where() {
        assert_eq!(eval("=fte * pri"), Err(FormulaError::UnknownName { name: "pri".into(), position: 7 }));
        let syntax =
            |position, found: Option<&str>| Err(FormulaError::Syntax { position, found: found.map(Into::into) });
        assert_eq!(eval("=fte * "), syntax(6, None));
        assert_eq!(eval("=(1 + 2"), syntax(7, None));
        assert_eq!(eval("=1 + 2)"), syntax(6, Some(")")));
        assert_eq!(eval("=1 # 2"), syntax(3, Some("#")));
        assert_eq!(eval("=1 + * 2"), syntax(5, Some("*")));
        assert_eq!(eval("=FOO(1)"), Err(FormulaError::UnknownFunction { name: "FOO".into(), position: 1 }));
        assert_eq!(eval("=ROUND(1)"), Err(FormulaError::Arguments { function: "ROUND", position: 1 }));
        assert_eq!(eval("=1 / (fte - 10)"), Err(FormulaError::DivisionByZero { position: 3, month: None }));
        assert_eq!(eval(&format!("={}1{}", "(".repeat(100), ")".repeat(100))), Err(FormulaError::TooComplex));
    }

    #[test]
    fn renaming_rewrites_only_that_name() {
        assert_eq!(rename("=fte * 2 + FTE", "fte", "årsarbetare"), "=årsarbetare * 2 + årsarbetare");
        assert_eq!(rename("=[Konsulter A] + x", "konsulter a", "Konsulter B"), "=[Konsulter B] + x");
        assert_eq!(rename("=sum(x; y)", "sum", "total"), "=sum(x; y)", "a function is not a name");
        assert_eq!(rename("=xfte + fte", "fte", "a"), "=xfte + a");
    }

    #[test]
    fn bracketed_names_may_hold_spaces() {
        let expr = parse("=[Personalkostnader Ekonomi] * 2").unwrap();
        let names: Vec<&str> = expr.names().iter().map(|w| w.name.as_str()).collect();
        assert_eq!(names, ["Personalkostnader Ekonomi"]);
    }
}
