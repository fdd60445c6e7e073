//! The vendored reference fixtures must stay byte-identical to the shared originals. The files
//! generated in this repository ([`GENERATED_HERE`]) have no shared original and are skipped.

/// Fixtures in `tests/fixtures/reference/` made here, not copied (see that folder's README).
const GENERATED_HERE: &[&str] = &["sklearn_split.json"];

#[test]
fn vendored_fixtures_equal_the_shared_originals() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    if !shared.is_dir() {
        eprintln!("no shared fixtures folder beside the checkout; comparing nothing");
        return;
    }
    let vendored =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference");
    for entry in std::fs::read_dir(vendored).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let name = path.file_name().unwrap();
            if GENERATED_HERE.iter().any(|generated| name == *generated) {
                continue;
            }
            let original = std::fs::read(shared.join(name)).expect("original exists");
            assert_eq!(
                std::fs::read(&path).unwrap(),
                original,
                "{name:?} differs from the original"
            );
        }
    }
}
