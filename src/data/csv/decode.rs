//! Bytes → text: the size check first, then the encoding. UTF-8 (with or without a byte-order mark)
//! and UTF-16 in either byte order (Excel's "Unicode text" export, which starts with a BOM; a file
//! without a BOM is taken as UTF-16 when most of its bytes at odd or even offsets are zero) are
//! text; anything else with NUL bytes or invalid UTF-8 is not.

use super::FileError;
use crate::lang::Lang;
use std::borrow::Cow;

/// How the bytes of a file encode its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8 (ASCII included), no byte-order mark.
    Utf8,
    /// UTF-8 after a byte-order mark (`EF BB BF`).
    Utf8Bom,
    /// UTF-16, little-endian (`FF FE`, Windows and Excel).
    Utf16Le,
    /// UTF-16, big-endian (`FE FF`).
    Utf16Be,
}

impl Encoding {
    /// The encoding named for the student when it is worth saying (not for UTF-8).
    pub fn describe(self, lang: Lang) -> Option<&'static str> {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => None,
            Encoding::Utf16Le | Encoding::Utf16Be => Some(lang.pick(
                "UTF-16 텍스트 (엑셀의 유니코드 텍스트)",
                "UTF-16 text (Excel's Unicode text)",
            )),
        }
    }
}

/// Decoded text and the encoding it was read in.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded<'a> {
    /// The text without its byte-order mark.
    pub text: Cow<'a, str>,
    /// The encoding found.
    pub encoding: Encoding,
}

/// Checks the size, finds the encoding and decodes.
///
/// # Errors
/// [`FileError::TooLarge`] above `max_bytes`, [`FileError::NotText`] for bytes that are neither
/// UTF-8 nor UTF-16 text (NUL bytes, invalid sequences, unpaired surrogates), [`FileError::Empty`]
/// for nothing but whitespace.
pub fn decode(bytes: &[u8], max_bytes: usize) -> Result<Decoded<'_>, FileError> {
    if bytes.len() > max_bytes {
        return Err(FileError::TooLarge {
            bytes: bytes.len(),
            limit: max_bytes,
        });
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8(rest)?, Encoding::Utf8Bom)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(rest, u16::from_le_bytes)?, Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, u16::from_be_bytes)?, Encoding::Utf16Be)
    } else {
        match bom_less_utf16(bytes) {
            Some(Encoding::Utf16Le) => (utf16(bytes, u16::from_le_bytes)?, Encoding::Utf16Le),
            Some(_) => (utf16(bytes, u16::from_be_bytes)?, Encoding::Utf16Be),
            None => (utf8(bytes)?, Encoding::Utf8),
        }
    };
    if text.contains('\0') || mostly_control(&text) {
        return Err(FileError::NotText);
    }
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    Ok(Decoded { text, encoding })
}

fn utf8(bytes: &[u8]) -> Result<Cow<'_, str>, FileError> {
    std::str::from_utf8(bytes)
        .map(Cow::Borrowed)
        .map_err(|_| FileError::NotText)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<Cow<'static, str>, FileError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(FileError::NotText);
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map(Cow::Owned)
        .map_err(|_| FileError::NotText)
}

/// More than 1 % control characters other than tab, line ends and form feed: binary data that
/// happened to decode.
fn mostly_control(text: &str) -> bool {
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
        .count();
    controls * 100 > text.chars().count()
}

/// UTF-16 without a byte-order mark: an even length, and zeros in at least 90 % of the high bytes
/// (mostly-ASCII text such as a table of sequences and numbers) but none in the low bytes.
fn bom_less_utf16(bytes: &[u8]) -> Option<Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let zeros_at = |offset: usize| {
        sample
            .iter()
            .skip(offset)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 9 && even == 0 {
        Some(Encoding::Utf16Le)
    } else if even * 10 >= pairs * 9 && odd == 0 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn le(text: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn utf16_in_both_orders_with_and_without_a_bom() {
        let text = "sequence\texpression\r\nACGT\t3.5\r\n";
        for bytes in [le(text, true), le(text, false)] {
            let decoded = decode(&bytes, 1000).unwrap();
            assert_eq!(
                (decoded.text.as_ref(), decoded.encoding),
                (text, Encoding::Utf16Le)
            );
        }
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be, 1000).unwrap().encoding, Encoding::Utf16Be);
        // An unpaired surrogate is not text; neither is an odd number of bytes after the BOM.
        assert_eq!(
            decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], 100),
            Err(FileError::NotText)
        );
        assert_eq!(
            decode(&[0xFF, 0xFE, 0x41, 0x00, 0x41], 100),
            Err(FileError::NotText)
        );
    }

    #[test]
    fn utf8_bom_nul_and_size() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFA,1", 100).unwrap().encoding,
            Encoding::Utf8Bom
        );
        assert_eq!(decode(b"A,1\0", 100), Err(FileError::NotText));
        assert_eq!(decode(b" \n\t", 100), Err(FileError::Empty));
        assert_eq!(
            decode(b"A,1", 2),
            Err(FileError::TooLarge { bytes: 3, limit: 2 })
        );
    }
}
