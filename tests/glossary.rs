//! One Korean vocabulary (`seqlab::lang::terms`): no source file of the app, and not the README,
//! uses a variant the term list avoids. (The browser walk checks the rendered pages too.)

use seqlab::lang::terms::variants_in;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, in name order.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn sources_keep_to_the_term_list() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.push(root.join("README.md"));
    let mut problems = Vec::new();
    for file in files.iter().filter(|f| !f.ends_with("src/lang/terms.rs")) {
        let text = std::fs::read_to_string(file).expect("a source file");
        for (n, line) in text.lines().enumerate() {
            for (variant, term) in variants_in(line) {
                problems.push(format!(
                    "{}:{}: {variant:?} — the course says {:?} ({})",
                    file.strip_prefix(root).unwrap_or(file).display(),
                    n + 1,
                    term.ko,
                    term.en
                ));
            }
        }
    }
    assert!(files.len() > 100, "only {} files scanned", files.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
