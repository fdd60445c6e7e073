//! The web app: a Leptos client-side-rendered shell around the lessons.
//!
//! Only this module (with `main.rs`) names web crates. Lessons read and write signals and call the
//! pure core (`bio`, …) for every number they show; they compute nothing themselves.
//!
//! - [`app`]: the shell (header, language switch, router); [`nav`]: the lesson navigation (a list
//!   beside the page, a compact menu bar on a phone).
//! - [`links`]: the app's own links, followed without the router's record of addresses.
//! - [`offline`]: the service worker that keeps SeqLab working offline after the first visit.
//! - [`i18n`]: the language context and helpers for bilingual text.
//! - [`state`]: URL query parameters, persisted language and progress (lessons visited, check
//!   questions answered; localStorage).
//! - [`saved`]: what a lab leaves in the browser for the next visit (IndexedDB, localStorage).
//! - [`panic`]: the error panel shown if the WebAssembly panics.
//! - [`lessons`]: one file per lesson page, listed by the [`lessons::Lesson`] enum.
//! - [`widgets`] and [`plots`]: reusable controls, tables and canvas plots.
//! - [`tasks`]: fetching packed data, chunked predictions that never block the page.
//! - [`training`]: a training run shared by the labs; [`worker`]: the page's side of the Web Worker.
//! - [`keep`]: what a lab keeps for the whole visit (runs, uploads, loaded data), so leaving a lab
//!   and coming back finds it as it was.

pub mod app;
pub mod i18n;
pub mod keep;
pub mod lessons;
pub mod links;
pub mod nav;
pub mod offline;
pub mod panic;
pub mod plots;
pub mod saved;
pub mod state;
pub mod tasks;
pub mod training;
pub mod widgets;
pub mod worker;

pub use app::App;
