//! SeqLab's entry point: the panic hook first (so a panic shows the error panel), then the app.

fn main() {
    seqlab::ui::panic::install_panic_hook();
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(seqlab::ui::App);
}
