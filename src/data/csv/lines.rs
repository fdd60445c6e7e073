//! Physical lines and their fields, without the `csv` crate, so that every line of the file is one
//! record with its true 1-based number:
//!
//! - Line ends are `\n`, `\r\n` or a lone `\r` (old Mac); a final line end does not start a line.
//! - Fields are separated by the delimiter; a field that starts with `"` is quoted (`""` inside is
//!   one quote), and a quote that does not close on its own line is an error of that line (a table
//!   of sequences and values has no multi-line fields, so an unclosed quote never swallows the rest
//!   of the file).
//! - Fields are trimmed of spaces (and of tabs unless tab is the delimiter); empty fields at the
//!   end of a line (an Excel export's padding) do not count.
//! - At most `max_fields` fields are split off a line; past that the line is an error, so a line of
//!   25 million commas costs one pass and no allocation.

use std::borrow::Cow;

/// Why a line could not be split into fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineProblem {
    /// A quote opened in field `field` (1-based) and did not close on this line.
    UnclosedQuote {
        /// The field that opens it.
        field: usize,
    },
    /// More fields than the limit.
    TooManyFields {
        /// The limit.
        limit: usize,
    },
}

/// The lines of `text` with their 1-based numbers, line ends removed.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut number = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |i| start + i);
        let line = &text[start..end];
        start = match bytes.get(end) {
            Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => end + 2,
            Some(_) => end + 1,
            None => end,
        };
        number += 1;
        Some((number, line))
    })
}

/// The number of lines of `text` (what [`lines`] yields).
pub fn line_count(text: &str) -> usize {
    lines(text).count()
}

fn is_pad(byte: u8, delimiter: u8) -> bool {
    byte == b' ' || (byte == b'\t' && delimiter != b'\t')
}

/// Splits one line into trimmed fields (trailing empty fields dropped).
///
/// # Errors
/// [`LineProblem::UnclosedQuote`] or [`LineProblem::TooManyFields`].
pub fn split(
    line: &str,
    delimiter: u8,
    max_fields: usize,
) -> Result<Vec<Cow<'_, str>>, LineProblem> {
    let mut fields = Vec::new();
    scan(line, delimiter, max_fields, |field| fields.push(field))?;
    while fields.last().is_some_and(|f| f.is_empty()) {
        fields.pop();
    }
    Ok(fields)
}

/// The number of fields [`split`] would return, without allocating.
///
/// # Errors
/// As [`split`].
pub fn count(line: &str, delimiter: u8, max_fields: usize) -> Result<usize, LineProblem> {
    let (mut all, mut nonempty) = (0, 0);
    scan(line, delimiter, max_fields, |field| {
        all += 1;
        if !field.is_empty() {
            nonempty = all;
        }
    })?;
    Ok(nonempty)
}

/// Walks the fields of `line`, handing each to `emit`.
fn scan<'a>(
    line: &'a str,
    delimiter: u8,
    max_fields: usize,
    mut emit: impl FnMut(Cow<'a, str>),
) -> Result<(), LineProblem> {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut field = 0;
    loop {
        field += 1;
        if field > max_fields {
            return Err(LineProblem::TooManyFields { limit: max_fields });
        }
        while i < bytes.len() && is_pad(bytes[i], delimiter) {
            i += 1;
        }
        if bytes.get(i) == Some(&b'"') {
            // Quoted: up to the closing quote, `""` standing for one quote.
            let mut value = String::new();
            let mut from = i + 1;
            let mut j = from;
            loop {
                match bytes[j..].iter().position(|&b| b == b'"') {
                    None => return Err(LineProblem::UnclosedQuote { field }),
                    Some(k) => {
                        let quote = j + k;
                        value.push_str(&line[from..quote]);
                        if bytes.get(quote + 1) == Some(&b'"') {
                            value.push('"');
                            from = quote + 2;
                            j = from;
                        } else {
                            i = quote + 1;
                            break;
                        }
                    }
                }
            }
            // Anything between the closing quote and the delimiter is kept as written.
            let end = bytes[i..]
                .iter()
                .position(|&b| b == delimiter)
                .map_or(bytes.len(), |k| i + k);
            value.push_str(
                line[i..end]
                    .trim_end_matches(|c: char| c == ' ' || (c == '\t' && delimiter != b'\t')),
            );
            emit(Cow::Owned(value.trim().to_string()));
            i = end;
        } else {
            let end = bytes[i..]
                .iter()
                .position(|&b| b == delimiter)
                .map_or(bytes.len(), |k| i + k);
            let mut stop = end;
            while stop > i && is_pad(bytes[stop - 1], delimiter) {
                stop -= 1;
            }
            emit(Cow::Borrowed(&line[i..stop]));
            i = end;
        }
        if i >= bytes.len() {
            return Ok(());
        }
        i += 1; // the delimiter
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_of_every_kind_number_the_lines() {
        let numbered: Vec<(usize, &str)> = lines("a\r\nb\rc\n\nd").collect();
        assert_eq!(numbered, [(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d")]);
        assert_eq!(line_count("a\rb\r"), 2);
        assert_eq!(line_count("a\n\n"), 2);
        assert_eq!(line_count(""), 0);
    }

    #[test]
    fn quotes_trims_and_trailing_empties() {
        let fields = split(r#" "AC,GT" , "say ""hi""" ,7, ,"#, b',', 10).unwrap();
        assert_eq!(fields, ["AC,GT", r#"say "hi""#, "7"]);
        assert_eq!(split("a\t b \t", b'\t', 10).unwrap(), ["a", "b"]);
        assert_eq!(split(",,", b',', 10).unwrap(), Vec::<Cow<str>>::new());
        assert_eq!(count(" , ,x,,", b',', 10), Ok(3));
        assert_eq!(
            split(r#"ACGT,"5.2"#, b',', 10),
            Err(LineProblem::UnclosedQuote { field: 2 })
        );
        assert_eq!(
            count(&",".repeat(5000), b',', 1000),
            Err(LineProblem::TooManyFields { limit: 1000 })
        );
        // A stray quote inside an unquoted field is a character like any other.
        assert_eq!(split(r#"AC"GT,1"#, b',', 10).unwrap(), [r#"AC"GT"#, "1"]);
    }
}
